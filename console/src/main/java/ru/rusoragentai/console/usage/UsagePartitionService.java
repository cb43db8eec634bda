package ru.rusoragentai.console.usage;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import ru.rusoragentai.console.security.Unguarded;

/**
 * Keeps monthly partitions of usage_event ready ahead of time: a partition per calendar month,
 * named {@code pYYYYMM}, holding rows before the first day of the next month. Idempotent; safe to
 * run from several instances (a losing ALTER fails harmlessly and the next run sees the result).
 */
@Service
@Unguarded("partition upkeep for the start-up, the retention job and the demo loader; no staff action")
public class UsagePartitionService {

    private static final Logger log = LoggerFactory.getLogger(UsagePartitionService.class);
    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("'p'yyyyMM");
    private static final int MONTHS_AHEAD = 3;

    private final UsagePartitionRepository repository;
    private final Clock clock;

    UsagePartitionService(UsagePartitionRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    static String partitionName(LocalDate monthStart) {
        return monthStart.format(NAME);
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    public void ensureAhead() {
        try {
            ensureMonthsFrom(LocalDate.now(clock).withDayOfMonth(1).minusMonths(13));
        } catch (DataAccessException e) {
            log.warn("Could not add usage_event partitions (another instance may have done it)", e);
        }
    }

    /**
     * Makes sure a partition exists for every month from {@code firstMonth} to three months ahead.
     * Months before the current highest bound are already covered and are skipped.
     */
    public synchronized int ensureMonthsFrom(LocalDate firstMonth) {
        LocalDate last = LocalDate.now(clock).withDayOfMonth(1).plusMonths(MONTHS_AHEAD);
        long highest = repository.partitions().stream().mapToLong(UsagePartitionRepository.Partition::lessThanToDays).max().orElse(0);
        List<LocalDate> missing = new ArrayList<>();
        for (LocalDate month = firstMonth.withDayOfMonth(1); !month.isAfter(last); month = month.plusMonths(1)) {
            if (toDays(month.plusMonths(1)) > highest) {
                missing.add(month);
            }
        }
        if (!missing.isEmpty()) {
            repository.addMonthlyPartitions(missing);
            log.info("Added usage_event partitions {} .. {}", partitionName(missing.getFirst()), partitionName(missing.getLast()));
        }
        return missing.size();
    }

    /** MariaDB's TO_DAYS: days since year 0; TO_DAYS('1970-01-01') = 719528. */
    static long toDays(LocalDate date) {
        return date.toEpochDay() + 719_528;
    }

    public List<String> partitionNames() {
        return repository.partitions().stream().map(UsagePartitionRepository.Partition::name).toList();
    }

    /** What a usage purge removed. */
    public record Purge(List<String> droppedPartitions, long approximateRowsDropped, long rowsDeleted, long dailyRowsDeleted) {
    }

    /**
     * Removes usage older than the cutoff: every partition that ends on or before it is dropped whole; the rows
     * before the cutoff in the oldest remaining partition are deleted in batches; the daily roll-up follows.
     * Idempotent.
     */
    public synchronized Purge purgeBefore(java.time.LocalDateTime cutoff) {
        long cutoffDays = toDays(cutoff.toLocalDate());
        List<UsagePartitionRepository.Partition> expired = repository.partitions().stream()
                .filter(p -> p.lessThanToDays() <= cutoffDays && !"p_initial".equals(p.name())).toList();
        long approximate = expired.stream().mapToLong(p -> repository.approximateRows(p.name())).sum();
        repository.dropPartitions(expired.stream().map(UsagePartitionRepository.Partition::name).toList());
        long deleted = 0;
        for (int batch = repository.deleteBefore(cutoff, 10_000); batch > 0; batch = repository.deleteBefore(cutoff, 10_000)) {
            deleted += batch;
        }
        long daily = 0;
        for (int batch = repository.deleteDailyBefore(cutoff.toLocalDate(), 10_000); batch > 0;
             batch = repository.deleteDailyBefore(cutoff.toLocalDate(), 10_000)) {
            daily += batch;
        }
        for (int batch = repository.deleteReportBefore(cutoff.toLocalDate(), 10_000); batch > 0;
             batch = repository.deleteReportBefore(cutoff.toLocalDate(), 10_000)) {
            daily += batch;
        }
        if (!expired.isEmpty()) {
            log.info("Dropped usage_event partitions {} (about {} rows)", expired.stream().map(UsagePartitionRepository.Partition::name).toList(), approximate);
        }
        return new Purge(expired.stream().map(UsagePartitionRepository.Partition::name).toList(), approximate, deleted, daily);
    }
}
