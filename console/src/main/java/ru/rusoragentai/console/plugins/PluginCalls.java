package ru.rusoragentai.console.plugins;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import ru.rusoragentai.console.i18n.Text;
import ru.rusoragentai.spi.PluginCallException;

/**
 * The exception barrier and timeout around every call into plugin code. The call runs on its own virtual
 * thread; the caller waits at most the timeout. A {@link PluginCallException} is the plugin reporting a remote
 * failure and leaves it running; any other exception, an {@link Error} or a timeout marks the plugin failed.
 * A hung call's thread is interrupted and abandoned.
 */
@Component
class PluginCalls implements DisposableBean {

    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
    private volatile BiConsumer<String, String> failureListener = (id, error) -> { };
    private volatile Function<String, Optional<ClassLoader>> loaders = id -> Optional.empty();

    void onFailure(BiConsumer<String, String> listener) {
        this.failureListener = listener;
    }

    /** Where a plugin's own texts are, to say its {@link PluginCallException}s in the operator's language. */
    void textsFrom(Function<String, Optional<ClassLoader>> classLoaders) {
        this.loaders = classLoaders;
    }

    /**
     * Runs plugin code behind the barrier.
     *
     * @throws PluginException with an operator-readable message when the call fails or times out
     */
    public <T> T guard(String pluginId, String operation, Duration timeout, Callable<T> work) {
        return run(pluginId, operation, timeout, work, true);
    }

    /**
     * Runs plugin code behind the same barrier, but a failure or timeout concerns this call only and leaves the
     * plugin started: for work done per request from outside (webhook parsing), where one bad or slow request must
     * not take the plugin down for every other one; the caller decides what repeated failures mean.
     *
     * @throws PluginException with an operator-readable message when the call fails or times out
     */
    public <T> T guardCall(String pluginId, String operation, Duration timeout, Callable<T> work) {
        return run(pluginId, operation, timeout, work, false);
    }

    private <T> T run(String pluginId, String operation, Duration timeout, Callable<T> work, boolean failPlugin) {
        BiConsumer<String, String> onFailure = failPlugin ? failureListener : (id, error) -> { };
        Future<T> future = executor.submit(work);
        try {
            return future.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            onFailure.accept(pluginId, operation + " did not answer within " + timeout.toMillis() + " ms");
            throw new PluginException("plugins.error.call", pluginId, new Text("plugins.error.timeout", operation, timeout.toMillis()));
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof PluginCallException remote) {
                throw new PluginException(remote, "plugins.error.call", pluginId, PluginTexts.said(loaders.apply(pluginId), remote.said()));
            }
            if (cause instanceof PluginException own) {
                throw own;
            }
            String error = operation + " threw " + describe(cause);
            onFailure.accept(pluginId, error);
            throw new PluginException(cause, "plugins.error.call", pluginId, error);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new PluginException("plugins.error.interrupted", pluginId, operation);
        }
    }

    /** Class and message of a throwable and of its root cause, for the Plugins screen. */
    static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = error.getClass().getSimpleName() + (error.getMessage() == null ? "" : ": " + error.getMessage());
        if (root != error) {
            text += " (caused by " + root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage()) + ")";
        }
        return text.length() > 400 ? text.substring(0, 400) + "…" : text;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
