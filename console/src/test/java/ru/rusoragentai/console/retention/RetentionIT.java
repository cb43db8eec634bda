package ru.rusoragentai.console.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.rusoragentai.db.Tables.APP_USER;
import static ru.rusoragentai.db.Tables.CONVERSATION;
import static ru.rusoragentai.db.Tables.CONVERSATION_MESSAGE;
import static ru.rusoragentai.db.Tables.JOB_RUN;
import static ru.rusoragentai.db.Tables.USAGE_EVENT;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.schedule.Schedule;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.List;
import javax.sql.DataSource;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.rusoragentai.console.jobs.ClusterJob;
import ru.rusoragentai.console.jobs.JobRun;
import ru.rusoragentai.console.jobs.JobRuns;
import ru.rusoragentai.console.jobs.JobScheduler;
import ru.rusoragentai.console.support.DatabaseTest;
import ru.rusoragentai.console.support.PlatformRows;
import ru.rusoragentai.console.support.TestData;
import ru.rusoragentai.console.support.TestDatabase;
import ru.rusoragentai.console.usage.UsagePartitionService;
import ru.rusoragentai.console.support.TestClock;
import org.springframework.context.annotation.Import;
import ru.rusoragentai.console.support.TestClockConfiguration;

/** Retention on a database of its own (it deletes old data), and db-scheduler's once-per-cluster guarantee. */
@Import(TestClockConfiguration.class)
@SpringBootTest(properties = {"console.demo.seed-on-empty=false", "console.jobs.enabled=false",
        "console.crypto.master-key=" + DatabaseTest.TEST_MASTER_KEY})
class RetentionIT {

    private static final String URL = TestDatabase.newDatabase("retention");

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, URL);
    }

    @Autowired
    DSLContext dsl;
    @Autowired
    RetentionService retention;
    @Autowired
    UsagePartitionService partitions;
    @Autowired
    JobRuns runs;
    @Autowired
    DataSource dataSource;

    @Test
    void shouldRemoveUsageOlderThanTwelveMonthsAndConversationsPastTheUsersSetting() {
        long user = TestData.insertUser(dsl, "Retained");
        LocalDateTime now = TestClock.now();
        partitions.ensureMonthsFrom(now.toLocalDate().withDayOfMonth(1).minusMonths(15));
        List<String> before = partitions.partitionNames();
        insertUsage(user, now.minusMonths(14));
        // just past the 12-month cutoff, in the cutoff's own month: its partition stays and the row is deleted,
        // whatever day of the month the suite runs on (a day earlier would fall into a dropped partition on the 1st)
        insertUsage(user, now.minusMonths(12).minusSeconds(1));
        insertUsage(user, now.minusMonths(12).plusDays(1));
        insertUsage(user, now.minusDays(1));
        dsl.update(APP_USER).set(APP_USER.CONVERSATION_RETENTION_DAYS, 30).where(APP_USER.ID.eq(user)).execute();
        long old = conversation(user, now.minusDays(40));
        long recent = conversation(user, now.minusDays(5));

        String summary = retention.run();

        assertThat(dsl.select(USAGE_EVENT.OCCURRED_AT).from(USAGE_EVENT).where(USAGE_EVENT.USER_ID.eq(user)).fetch(USAGE_EVENT.OCCURRED_AT))
                .hasSize(2).allMatch(t -> t.isAfter(now.minusMonths(12)));
        assertThat(partitions.partitionNames()).hasSizeLessThan(before.size());
        assertThat(dsl.fetchExists(CONVERSATION, CONVERSATION.ID.eq(old))).isFalse();
        assertThat(dsl.fetchExists(CONVERSATION_MESSAGE, CONVERSATION_MESSAGE.CONVERSATION_ID.eq(old))).isFalse();
        assertThat(dsl.fetchExists(CONVERSATION, CONVERSATION.ID.eq(recent))).isTrue();
        assertThat(summary).contains("conversations deleted: 1").contains("older rows deleted: 1");
        JobRun run = runs.recent(RetentionService.JOB, 0, 1).getFirst();
        assertThat(run.status()).isEqualTo("succeeded");
        assertThat(run.summary()).isEqualTo(summary);
        assertThat(retention.run()).contains("partitions dropped: []").contains("older rows deleted: 0").contains("conversations deleted: 0");
    }

    @Test
    void shouldRunEachExecutionOnceWithTwoSchedulersOnOneDatabase() throws Exception {
        String job = "twin-" + System.nanoTime();
        ClusterJob twin = new ClusterJob() {
            @Override
            public String name() {
                return job;
            }

            @Override
            public Schedule schedule() {
                return Schedules.fixedDelay(Duration.ofMillis(300));
            }

            @Override
            public void run() {
                runs.record(job, () -> {
                    try {
                        Thread.sleep(150);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return "ran";
                });
            }
        };
        Scheduler first = JobScheduler.create(dataSource, List.of(twin), "console-a", Duration.ofMillis(100));
        Scheduler second = JobScheduler.create(dataSource, List.of(twin), "console-b", Duration.ofMillis(100));
        first.start();
        second.start();
        Thread.sleep(4_000);
        first.stop();
        second.stop();

        List<JobRun> executions = dsl.selectFrom(JOB_RUN).where(JOB_RUN.JOB.eq(job)).orderBy(JOB_RUN.STARTED_AT)
                .fetch(r -> new JobRun(r.getId(), r.getJob(), r.getStartedAt(), r.getFinishedAt(), r.getStatus(), r.getSummary(), null));
        assertThat(executions).hasSizeGreaterThanOrEqualTo(3);
        for (int i = 1; i < executions.size(); i++) {
            // one execution at a time across both instances: each starts after the previous one finished
            assertThat(executions.get(i).startedAt()).isAfterOrEqualTo(executions.get(i - 1).finishedAt());
        }
    }

    private void insertUsage(long user, LocalDateTime at) {
        new PlatformRows(dsl).usage(user, at).insert();
    }

    private long conversation(long user, LocalDateTime updated) {
        PlatformRows rows = new PlatformRows(dsl);
        long id = rows.conversation(user, "gpt-5", updated, null);
        rows.message(id, "user", new byte[] {1, 2, 3}, 3, updated);
        return id;
    }
}
