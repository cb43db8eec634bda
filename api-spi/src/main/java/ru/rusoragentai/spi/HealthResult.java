package ru.rusoragentai.spi;

import java.util.Objects;

/** The outcome of {@link ConsoleExtension#checkHealth}. */
public sealed interface HealthResult {

    /** One line for the operator; never contains a secret. */
    String message();

    static HealthResult healthy(String message) {
        return new Healthy(message);
    }

    static HealthResult unhealthy(String message) {
        return new Unhealthy(message);
    }

    /** The remote system answered as expected. */
    record Healthy(String message) implements HealthResult {
        public Healthy {
            Objects.requireNonNull(message, "message");
        }
    }

    /** The remote system is unreachable, refused the credentials or answered unexpectedly. */
    record Unhealthy(String message) implements HealthResult {
        public Unhealthy {
            Objects.requireNonNull(message, "message");
        }
    }
}
