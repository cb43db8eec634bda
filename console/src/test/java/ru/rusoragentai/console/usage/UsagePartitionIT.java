package ru.rusoragentai.console.usage;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.rusoragentai.console.support.DatabaseTest;
import ru.rusoragentai.console.support.PlatformRows;
import ru.rusoragentai.console.support.TestData;
import ru.rusoragentai.console.support.TestClock;

class UsagePartitionIT extends DatabaseTest {

    @Autowired
    UsagePartitionService partitions;

    @Test
    void shouldKeepPartitionsThreeMonthsAheadAndBeIdempotent() {
        LocalDate thisMonth = TestClock.today().withDayOfMonth(1);
        assertThat(partitions.ensureMonthsFrom(thisMonth.minusMonths(13))).isZero();
        assertThat(partitions.partitionNames()).contains(UsagePartitionService.partitionName(thisMonth.plusMonths(3)));
    }

    @Test
    void shouldStoreEventsOfThePastYearAndNextMonthInTheirOwnMonthPartition() {
        long user = TestData.insertUser(dsl, "Partitioned");
        LocalDateTime nextMonth = TestClock.today().withDayOfMonth(1).plusMonths(1).atTime(12, 0);
        new PlatformRows(dsl).usage(user, nextMonth).insert();
        String partition = dsl.resultQuery("""
                        SELECT partition_name FROM information_schema.partitions
                        WHERE table_schema = DATABASE() AND table_name = 'usage_event' AND table_rows > 0""").fetch(0, String.class)
                .stream().filter(p -> p.equals(UsagePartitionService.partitionName(nextMonth.toLocalDate().withDayOfMonth(1)))).findFirst()
                .orElse(dsl.resultQuery("EXPLAIN PARTITIONS SELECT * FROM usage_event WHERE occurred_at = {0}", nextMonth).fetchOne("partitions", String.class));
        assertThat(partition).isEqualTo(UsagePartitionService.partitionName(nextMonth.toLocalDate().withDayOfMonth(1)));
    }

    @Test
    void shouldComputeToDaysLikeMariaDb() {
        LocalDate day = LocalDate.of(2024, 2, 29);
        long mariaDb = dsl.resultQuery("SELECT TO_DAYS({0})", day).fetchOne(0, Long.class);
        assertThat(UsagePartitionService.toDays(day)).isEqualTo(mariaDb);
    }
}
