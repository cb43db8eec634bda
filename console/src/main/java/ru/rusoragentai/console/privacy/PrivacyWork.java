package ru.rusoragentai.console.privacy;

import java.time.Clock;
import java.util.List;

/**
 * A kind of background work on a privacy request that {@link PrivacyWorker} runs: building an export package, or
 * carrying out an approved erasure. Each sub-feature contributes its own, so the worker knows none of them.
 */
public interface PrivacyWork {

    /** Whether a request with these tasks is this kind of work. */
    boolean owns(List<PrivacyTask> tasks);

    /** Runs or resumes the request's unfinished tasks, as of the given clock. */
    void run(long requestId, Clock at);
}
