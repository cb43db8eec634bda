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

    static HealthResult healthy(String message) {
        return new Healthy(message);
    }

    static HealthResult unhealthy(String message) {
        return new Unhealthy(message);
    }

    /** @since 1.2.0 */
    static HealthResult healthy(PluginMessage said) {
        return new Healthy(said);
    }

    /** @since 1.2.0 */
    static HealthResult unhealthy(PluginMessage said) {
        return new Unhealthy(said);
    }

    /** The remote system answered as expected. */
    record Healthy(PluginMessage said) implements HealthResult {
        public Healthy {
            Objects.requireNonNull(said, "said");
        }

        public Healthy(String message) {
            this(PluginMessage.english(Objects.requireNonNull(message, "message")));
        }
    }

    /** The remote system is unreachable, refused the credentials or answered unexpectedly. */
    record Unhealthy(PluginMessage said) implements HealthResult {
        public Unhealthy {
            Objects.requireNonNull(said, "said");
        }

        public Unhealthy(String message) {
            this(PluginMessage.english(Objects.requireNonNull(message, "message")));
        }
    }
}
