package ru.rusoragentai.console.abuse;

import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import ru.rusoragentai.console.jobs.JobRuns;

/**
 * At start, after the demo data (order 10) is in: every rule runs once in the background, so a fresh console's queue is
 * filled without waiting for the schedule. Rules that already ran only read what is new. Off with the scheduled jobs.
 */
@Component
@Order(20)
class FirstEvaluation implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(FirstEvaluation.class);

    private final Evaluator evaluator;
    private final JobRuns runs;
    private final Executor executor;
    private final boolean enabled;

    FirstEvaluation(Evaluator evaluator, JobRuns runs, @Qualifier("applicationTaskExecutor") Executor executor,
                    @Value("${console.jobs.enabled:true}") boolean enabled) {
        this.evaluator = evaluator;
        this.runs = runs;
        this.executor = executor;
        this.enabled = enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        executor.execute(() -> {
            try {
                String summary = runs.record(AbuseJob.NAME, () -> AbuseJob.summary(evaluator.runAll()));
                log.info("Abuse evaluation at start: {}", summary);
            } catch (RuntimeException e) {
                log.error("Abuse evaluation at start failed", e);
            }
        });
    }
}
