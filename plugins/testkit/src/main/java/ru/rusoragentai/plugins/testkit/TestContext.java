package ru.rusoragentai.plugins.testkit;

import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.concurrent.CopyOnWriteArrayList;
import ru.rusoragentai.spi.PluginContext;
import ru.rusoragentai.spi.PluginHttpClient;
import ru.rusoragentai.spi.PluginSettings;
import ru.rusoragentai.spi.SecretValue;

/**
 * A {@link PluginContext} for tests: settings from a map, an HTTP client bound to a stub's base URL, a clock of
 * your choice and a logger that records every line so a test can assert that no secret was logged.
 */
public final class TestContext implements PluginContext {

    private final Map<String, String> settings;
    private final Map<String, String> secrets;
    private final PluginHttpClient http;
    private final Clock clock;
    private final List<String> logLines = new CopyOnWriteArrayList<>();

    private TestContext(Builder builder) {
        this.settings = Map.copyOf(builder.settings);
        this.secrets = Map.copyOf(builder.secrets);
        this.http = new JdkPluginHttpClient(builder.baseUrl, builder.timeout);
        this.clock = builder.clock;
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public PluginSettings settings() {
        return new PluginSettings() {
            @Override
            public Optional<String> get(String name) {
                return Optional.ofNullable(settings.get(name));
            }

            @Override
            public Optional<SecretValue> secret(String name) {
                return Optional.ofNullable(secrets.get(name)).map(SecretValue::of);
            }
        };
    }

    @Override
    public PluginHttpClient http() {
        return http;
    }

    @Override
    public Clock clock() {
        return clock;
    }

    @Override
    public System.Logger logger() {
        return new RecordingLogger();
    }

    /** Every line logged through {@link #logger()}, formatted, with any exception's message appended. */
    public List<String> logLines() {
        return List.copyOf(logLines);
    }

    /** Builds a {@link TestContext}. */
    public static final class Builder {
        private final Map<String, String> settings = new HashMap<>();
        private final Map<String, String> secrets = new HashMap<>();
        private String baseUrl = "http://127.0.0.1:9";
        private Duration timeout = Duration.ofSeconds(5);
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        public Builder setting(String name, String value) {
            settings.put(name, value);
            return this;
        }

        public Builder secret(String name, String value) {
            secrets.put(name, value);
            return this;
        }

        /** Where {@link PluginContext#http()} sends requests; also stored as the {@code base-url} setting. */
        public Builder baseUrl(String url) {
            this.baseUrl = url;
            settings.put("base-url", url);
            return this;
        }

        public Builder timeout(Duration value) {
            this.timeout = value;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        public TestContext build() {
            return new TestContext(this);
        }
    }

    private final class RecordingLogger implements System.Logger {
        @Override
        public String getName() {
            return "plugin-test";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String msg, Throwable thrown) {
            logLines.add(level + " " + msg + (thrown == null ? "" : " " + thrown));
        }

        @Override
        public void log(Level level, ResourceBundle bundle, String format, Object... params) {
            logLines.add(level + " " + (params == null || params.length == 0 ? format
                    : MessageFormat.format(format, params)));
        }
    }
}
