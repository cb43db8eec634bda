package ru.rusoragentai.console.plugins;

import java.text.MessageFormat;
import java.util.ResourceBundle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Routes a plugin's {@link System.Logger} to SLF4J under {@code plugin.<id>}. */
final class PluginLogger implements System.Logger {

    private final Logger delegate;

    PluginLogger(String pluginId) {
        this.delegate = LoggerFactory.getLogger("plugin." + pluginId);
    }

    @Override
    public String getName() {
        return delegate.getName();
    }

    @Override
    public boolean isLoggable(Level level) {
        return switch (level) {
            case ALL, TRACE -> delegate.isTraceEnabled();
            case DEBUG -> delegate.isDebugEnabled();
            case INFO -> delegate.isInfoEnabled();
            case WARNING -> delegate.isWarnEnabled();
            case ERROR -> delegate.isErrorEnabled();
            case OFF -> false;
        };
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
        switch (level) {
            case ALL, TRACE -> delegate.trace(message, thrown);
            case DEBUG -> delegate.debug(message, thrown);
            case INFO -> delegate.info(message, thrown);
            case WARNING -> delegate.warn(message, thrown);
            case ERROR -> delegate.error(message, thrown);
            case OFF -> { }
        }
    }

    @Override
    public void log(Level level, ResourceBundle bundle, String format, Object... params) {
        if (isLoggable(level)) {
            log(level, bundle, params == null || params.length == 0 ? format : MessageFormat.format(format, params),
                    (Throwable) null);
        }
    }
}
