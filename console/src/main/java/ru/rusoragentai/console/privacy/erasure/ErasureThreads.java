package ru.rusoragentai.console.privacy.erasure;

import ru.rusoragentai.console.privacy.PrivacyProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;
import org.springframework.stereotype.Component;

/**
 * The helper threads of an erasure step whose parts can run side by side (the days of the usage table): a pool of
 * {@link PrivacyProperties#eraseThreads()} - 1 threads that Spring starts with the console and stops with it. Not an
 * {@code Executor} bean, so Spring Boot's own task executor stays as it is.
 */
@Component
class ErasureThreads implements DisposableBean {

    private final ThreadPoolTaskExecutor pool = new ThreadPoolTaskExecutor();
    private final int threads;

    ErasureThreads(PrivacyProperties properties) {
        this.threads = Math.max(1, properties.eraseThreads());
        pool.setThreadNamePrefix("erasure-");
        pool.setCorePoolSize(Math.max(1, threads - 1));
        pool.setMaxPoolSize(Math.max(1, threads - 1));
        pool.initialize();
    }

    /**
     * Runs {@code drain} on the calling thread and on up to {@code eraseThreads - 1} pool threads (fewer when there are
     * fewer parts), and returns when all have returned. {@code drain} takes parts from a shared queue until it is empty
     * and must not throw; a pool thread that starts late finds the queue empty and returns at once.
     */
    void drain(int parts, Runnable drain) {
        List<CompletableFuture<Void>> helpers = new ArrayList<>();
        for (int i = 1; i < Math.min(threads, parts); i++) {
            helpers.add(CompletableFuture.runAsync(drain, pool));
        }
        drain.run();
        helpers.forEach(CompletableFuture::join);
    }

    @Override
    public void destroy() {
        pool.shutdown();
    }
}
