package ru.rusoragentai.spi;

/** How the console renders and validates a setting. */
public enum SettingType {
    /** One line of text. */
    TEXT,
    /** Several lines of text, for example a mapping table. */
    MULTILINE,
    /** An absolute http or https URL. */
    URL,
    /** A whole number. */
    INTEGER,
    /** true or false. */
    BOOLEAN,
    /** A credential: write-only in the console, encrypted at rest, handed over as {@link SecretValue}. */
    SECRET
}
