package ru.rusoragentai.spi;

import java.util.Objects;

/** The outcome of {@link ConsoleExtension#checkHealth}. */
public sealed interface HealthResult {

    /** One line for the operator in English; never contains a secret. */
    default String message() {
        return said().english();
    }

    /** @since 1.2.0 the same line as a sentence the console can say in the operator's language */
    PluginMessage said();

    /** The remote system answered as expected; {@code message} in English, e.g. "3 models available". */
    static HealthResult healthy(String message) {
        return new Healthy(message);
    }

    /** The remote system could not be used; {@code message} in English says why, without a secret. */
    static HealthResult unhealthy(String message) {
        return new Unhealthy(message);
    }

    /**
     * The remote system answered as expected, said in words the console can translate.
     *
     * @since 1.2.0
     */
    static HealthResult healthy(PluginMessage said) {
        return new Healthy(said);
    }

    /**
     * The remote system could not be used, said in words the console can translate.
     *
     * @since 1.2.0
     */
    static HealthResult unhealthy(PluginMessage said) {
        return new Unhealthy(said);
    }

    /**
     * The remote system answered as expected.
     *
     * @param said what the operator reads
     */
    record Healthy(PluginMessage said) implements HealthResult {
        /** @throws NullPointerException when {@code said} is null */
        public Healthy {
            Objects.requireNonNull(said, "said");
        }

        /** A sentence in English only; see {@link HealthResult#healthy(String)}. */
        public Healthy(String message) {
            this(PluginMessage.english(Objects.requireNonNull(message, "message")));
        }
    }

    /**
     * The remote system is unreachable, refused the credentials or answered unexpectedly.
     *
     * @param said what the operator reads
     */
    record Unhealthy(PluginMessage said) implements HealthResult {
        /** @throws NullPointerException when {@code said} is null */
        public Unhealthy {
            Objects.requireNonNull(said, "said");
        }

        /** A sentence in English only; see {@link HealthResult#unhealthy(String)}. */
        public Unhealthy(String message) {
            this(PluginMessage.english(Objects.requireNonNull(message, "message")));
        }
    }
}
