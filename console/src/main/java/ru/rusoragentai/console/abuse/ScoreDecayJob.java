package ru.rusoragentai.console.abuse;

import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;
import ru.rusoragentai.console.jobs.ClusterJob;
import ru.rusoragentai.console.jobs.JobRuns;

/** Nightly: scores decay with the age of their evidence, so every scored user's score is computed again. */
@Component
class ScoreDecayJob implements ClusterJob {

    private final Evaluator evaluator;
    private final JobRuns runs;

    ScoreDecayJob(Evaluator evaluator, JobRuns runs) {
        this.evaluator = evaluator;
        this.runs = runs;
    }

    @Override
    public String name() {
        return "abuse-score-decay";
    }

    @Override
    public Schedule schedule() {
        return Schedules.cron("0 50 2 * * *", ZoneOffset.UTC);
    }

    @Override
    public void run() {
        runs.record(name(), () -> evaluator.refreshAllScores() + " scores refreshed");
    }
}
