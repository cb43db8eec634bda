package ru.rusoragentai.console.plugins;

import ru.rusoragentai.console.i18n.Refusal;

/**
 * A plugin operation or call did not succeed, said by a bundle key and its arguments; never holds a secret. The English
 * {@link #getMessage()} is what logs and the plugin's failure reason keep.
 */
public class PluginException extends Refusal {

    public PluginException(String key, Object... arguments) {
        super(key, arguments);
    }

    public PluginException(Throwable cause, String key, Object... arguments) {
        super(cause, key, arguments);
    }
}
