package ru.rusoragentai.console.privacy;

import ru.rusoragentai.console.i18n.Text;
import ru.rusoragentai.console.i18n.TextJson;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Claims on privacy tasks for this console instance: a task is worked on by one worker at a time, and a worker that
 * dies (crash, restart) loses its claim after {@link PrivacyProperties#claim()}, so another picks the task up.
 */
@Component
public class TaskClaims {

    private final PrivacyTaskRepository tasks;
    private final PrivacyProperties properties;
    private final String worker = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);

    TaskClaims(PrivacyTaskRepository tasks, PrivacyProperties properties) {
        this.tasks = tasks;
        this.properties = properties;
    }

    public boolean claim(PrivacyTask task, Clock clock) {
        LocalDateTime now = LocalDateTime.now(clock);
        return tasks.claim(task.id(), worker, now, now.plus(properties.claim()));
    }

    /** Reports progress and renews the claim; throws when another worker took the task meanwhile. */
    public void heartbeat(PrivacyTask task, int progress, Clock clock) {
        if (!tasks.heartbeat(task.id(), worker, progress, LocalDateTime.now(clock).plus(properties.claim()))) {
            throw new IllegalStateException("Lost the claim on task " + task.id() + " (" + task.system() + ") to another worker");
        }
    }

    public void finish(PrivacyTask task, String result, Clock clock) {
        finish(task, result, null, clock);
    }

    /** As {@link #finish(PrivacyTask, String, Clock)}, with the result also as a text for the reader's language. */
    public void finish(PrivacyTask task, String result, Text text, Clock clock) {
        String json = text == null ? null : TextJson.write(text);
        tasks.finish(task.id(), worker, result, json == null || json.length() > 4000 ? null : json, LocalDateTime.now(clock));
    }

    public void fail(PrivacyTask task, Throwable error) {
        String message = error.getClass().getSimpleName() + ": " + error.getMessage();
        tasks.fail(task.id(), worker, message.length() > 2000 ? message.substring(0, 2000) : message);
    }
}
