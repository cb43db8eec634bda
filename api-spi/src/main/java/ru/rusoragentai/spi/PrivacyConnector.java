package ru.rusoragentai.spi;

/**
 * Optional, for any plugin whose remote system holds personal data about our users (stored files, fine-tuning
 * data, customer records). A privacy request fans out to every connector, each with its own task status.
 */
public interface PrivacyConnector extends ConsoleExtension {

    /** A name for the remote data system, shown on the privacy request, for example "Anthropic Files API". */
    String systemName();

    /**
     * Everything the remote system holds about the subject, for an access or portability package. Read-only.
     *
     * @throws PluginCallException when the remote system fails (the task is retried)
     */
    PrivacyResult collect(DataSubject subject, PluginContext context);

    /**
     * Erases the subject's data remotely. Must be idempotent: calling it again after a success, or after a
     * crash half-way, finishes the job and reports what is left (normally nothing).
     *
     * @throws PluginCallException when the remote system fails (the task is retried)
     */
    PrivacyResult erase(DataSubject subject, PluginContext context);
}
