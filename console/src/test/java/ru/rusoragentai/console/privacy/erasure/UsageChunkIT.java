package ru.rusoragentai.console.privacy.erasure;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.rusoragentai.db.Tables.USAGE_EVENT;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import ru.rusoragentai.console.support.DatabaseTest;
import ru.rusoragentai.console.support.SupportFixture;
import ru.rusoragentai.console.support.TestClock;

/** The erasure's usage chunks: what each one deletes, and what it locks on the way. */
class UsageChunkIT extends DatabaseTest {

    @Autowired
    SubjectErasureRepository data;
    @Autowired
    PlatformTransactionManager transactions;

    /** The 10th of last month: every test day lies in one partition, which the fixture's months have created. */
    private static final LocalDate DAY = TestClock.today().withDayOfMonth(1).minusMonths(1).plusDays(9);

    @Test
    void shouldDeleteEveryRowOfADayEvenWhenMoreThanAChunkShareOneInstant() throws Exception {
        long userId = SupportFixture.create(dsl, "Одновременный").userId();
        long neighbour = SupportFixture.create(dsl, "Сосед").userId();
        LocalDateTime instant = DAY.atTime(12, 0, 0, 250_000_000);
        insert(userId, List.of(DAY.atTime(11, 0)), 1);
        insert(userId, List.of(instant), 25);
        insert(userId, List.of(DAY.plusDays(1).atTime(0, 0)), 1);
        insert(neighbour, List.of(instant), 3);

        assertThat(eraseDay(userId, 10)).containsExactly(10, 10, 6);
        assertThat(dsl.fetchCount(USAGE_EVENT, USAGE_EVENT.USER_ID.eq(userId))).as("the next day's event stays").isEqualTo(1);
        assertThat(dsl.fetchCount(USAGE_EVENT, USAGE_EVENT.USER_ID.eq(neighbour))).isEqualTo(3);
    }

    @Test
    void shouldDeleteADayInChunksOfTheGivenSize() throws Exception {
        long userId = SupportFixture.create(dsl, "Равномерный").userId();
        insert(userId, spread(DAY, 25), 1);
        insert(userId, List.of(DAY.plusDays(1).atTime(0, 0)), 1);

        assertThat(eraseDay(userId, 10)).containsExactly(10, 10, 5);
        assertThat(dsl.fetchCount(USAGE_EVENT, USAGE_EVENT.USER_ID.eq(userId))).as("the next day's event stays").isEqualTo(1);
    }

    /**
     * The other erasure thread is in the middle of a chunk of the next day. The last chunk of this day must not wait
     * for it: a DELETE by range on the user index did (its scan runs on past the day's end into the other thread's
     * locked rows), and that held the benchmark's locks for over a second. A day's last event alone is the case a
     * row IN list got wrong: MariaDB scanned the whole table for it, through those locked rows.
     */
    @ParameterizedTest
    @ValueSource(ints = {1, 40})
    void shouldFinishADayWithoutWaitingForTheThreadOnTheNextDay(int eventsLeft) throws Exception {
        long userId = SupportFixture.create(dsl, "Двухдневный").userId();
        insert(userId, spread(DAY, eventsLeft), 1);
        insert(userId, spread(DAY.plusDays(1), 3_000), 1);
        TransactionTemplate tx = new TransactionTemplate(transactions);
        // the other erasure thread: its first chunk of the next day, deleted the way the erasure deletes, its
        // transaction held open while this thread finishes the day
        CountDownLatch chunkDeleted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService otherThread = Executors.newSingleThreadExecutor();
        Future<Integer> other = otherThread.submit(() -> tx.execute(s -> {
            int rows = data.deleteUsageChunk(userId, DAY.plusDays(1), null, 1_000).rows();
            chunkDeleted.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return rows;
        }));
        try {
            assertThat(chunkDeleted.await(30, TimeUnit.SECONDS)).isTrue();
            SubjectErasureRepository.UsageChunk last = tx.execute(s -> {
                dsl.execute("SET SESSION innodb_lock_wait_timeout = 1");
                try {
                    return data.deleteUsageChunk(userId, DAY, null, 1_000);
                } finally {
                    dsl.execute("SET SESSION innodb_lock_wait_timeout = DEFAULT");
                }
            });

            assertThat(last.rows()).isEqualTo(eventsLeft);
            assertThat(last.next()).as("the day is finished").isNull();
        } finally {
            release.countDown();
            assertThat(other.get(30, TimeUnit.SECONDS)).isEqualTo(1_000);
            otherThread.shutdown();
        }
        assertThat(dsl.fetchCount(USAGE_EVENT, USAGE_EVENT.USER_ID.eq(userId))).isEqualTo(2_000);
    }

    /** The rows each chunk deleted, day {@link #DAY} of the user, until the day is finished. */
    private List<Integer> eraseDay(long userId, int limit) {
        List<Integer> chunks = new ArrayList<>();
        LocalDateTime from = null;
        do {
            SubjectErasureRepository.UsageChunk chunk = data.deleteUsageChunk(userId, DAY, from, limit);
            chunks.add(chunk.rows());
            from = chunk.next();
        } while (from != null);
        return chunks;
    }

    private static List<LocalDateTime> spread(LocalDate day, int events) {
        long step = 86_400_000L / events;
        List<LocalDateTime> instants = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            instants.add(day.atStartOfDay().plusNanos(i * step * 1_000_000));
        }
        return instants;
    }

    private void insert(long userId, List<LocalDateTime> instants, int each) {
        var insert = dsl.insertInto(USAGE_EVENT, USAGE_EVENT.OCCURRED_AT, USAGE_EVENT.USER_ID,
                USAGE_EVENT.PROVIDER, USAGE_EVENT.MODEL, USAGE_EVENT.FEATURE, USAGE_EVENT.INPUT_TOKENS, USAGE_EVENT.OUTPUT_TOKENS,
                USAGE_EVENT.TOKENS_CHARGED, USAGE_EVENT.LATENCY_MS, USAGE_EVENT.STATUS);
        for (LocalDateTime at : instants) {
            for (int i = 0; i < each; i++) {
                insert = insert.values(at, userId, "anthropic", "claude-sonnet-4", "chat", 10, 5, 15L, 700, "ok");
            }
        }
        insert.execute();
    }
}
