package ru.rusoragentai.console.abuse;

import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.ZoneOffset;
import org.springframework.stereotype.Component;
import ru.rusoragentai.console.jobs.ClusterJob;
import ru.rusoragentai.console.jobs.JobRuns;

/** Every few minutes: each enabled rule from its watermark, recorded as a job run with what each rule raised. */
@Component
class AbuseJob implements ClusterJob {

    static final String NAME = "abuse-evaluation";

    private final Evaluator evaluator;
    private final JobRuns runs;
    private final AbuseProperties properties;

    AbuseJob(Evaluator evaluator, JobRuns runs, AbuseProperties properties) {
        this.evaluator = evaluator;
        this.runs = runs;
        this.properties = properties;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Schedule schedule() {
        return Schedules.cron(properties.schedule(), ZoneOffset.UTC);
    }

    @Override
    public void run() {
        runs.record(NAME, () -> summary(evaluator.runAll()));
    }

    static String summary(java.util.List<Evaluator.RuleRun> runs) {
        StringBuilder text = new StringBuilder();
        for (Evaluator.RuleRun run : runs) {
            if (!text.isEmpty()) {
                text.append("; ");
            }
            text.append(run.rule()).append(run.error() == null ? " +" + run.raised() : " failed: " + run.error());
        }
        return text.length() > 1900 ? text.substring(0, 1900) : text.toString();
    }
}
