package ru.rusoragentai.console.usage;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import org.roaringbitmap.RoaringBitmap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import ru.rusoragentai.console.security.Unguarded;

/**
 * Keeps usage_daily current: every finished day is aggregated once, and the last two days are
 * rebuilt daily so that late-arriving events are counted. Rebuilding a day is idempotent (delete
 * and insert in one transaction).
 */
@Service
@Unguarded("the roll-up job and the documented rebuild command; no staff action")
public class UsageRollupService {

    private static final Logger log = LoggerFactory.getLogger(UsageRollupService.class);

    private final UsageRollupRepository repository;
    private final ReportRollupRepository reports;
    private final CohortRollupRepository cohorts;
    private final UsageUsersRollupRepository usageUsers;
    private final TransactionTemplate transactions;
    private final Clock clock;

    UsageRollupService(UsageRollupRepository repository, ReportRollupRepository reports, CohortRollupRepository cohorts,
                       UsageUsersRollupRepository usageUsers, TransactionTemplate transactions, Clock clock) {
        this.repository = repository;
        this.reports = reports;
        this.cohorts = cohorts;
        this.usageUsers = usageUsers;
        this.transactions = transactions;
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(100)
    public void rollUpFinishedDays() {
        LocalDate yesterday = LocalDate.now(clock).minusDays(1);
        LocalDate from = repository.lastRolledUpDay().map(day -> day.minusDays(1))
                .or(repository::firstEventDay).orElse(yesterday);
        backfillAnalystRollups(from);
        int days = 0;
        RoaringBitmap excluded = reports.excludedUsers();
        for (LocalDate day = from; !day.isAfter(yesterday); day = day.plusDays(1)) {
            rebuild(day, excluded);
            days++;
        }
        if (days > 0) {
            log.info("Usage roll-up: rebuilt {} days from {} to {}", days, from, yesterday);
        }
    }

    /**
     * The analysts' roll-ups are new after an upgrade (or the database is): once, every day before {@code from} that has
     * payments, ledger entries or events gets them. On a large database this takes minutes; {@link RollupCommand} does
     * the same ahead of the upgrade.
     */
    private void backfillAnalystRollups(LocalDate from) {
        if (!reports.anyEmpty()) {
            deriveUsageUsers();
            return;
        }
        LocalDate first = reports.firstSourceDay().orElse(from);
        RoaringBitmap excluded = reports.excludedUsers();
        int days = 0;
        for (LocalDate day = first; day.isBefore(from); day = day.plusDays(1)) {
            LocalDate each = day;
            transactions.executeWithoutResult(status -> rebuildReports(each, excluded));
            days++;
        }
        if (days > 0) {
            log.info("Analysts' roll-ups: backfilled {} days from {}", days, first);
        }
    }

    /**
     * After the upgrade that added {@code report_usage_users_day}: each day the usage roll-up has is derived from its
     * stored bitmaps once (no events read).
     */
    private void deriveUsageUsers() {
        int days = 0;
        for (LocalDate day : usageUsers.daysToDerive()) {
            transactions.executeWithoutResult(status -> usageUsers.rebuild(day));
            days++;
        }
        if (days > 0) {
            log.info("Analysts' users per dimension: derived {} days from the usage roll-up", days);
        }
    }

    /** Rebuilds one day, both roll-ups, from one read of its events; returns the number of (user, model) rows. */
    public int rebuild(LocalDate day) {
        return rebuild(day, reports.excludedUsers());
    }

    private int rebuild(LocalDate day, RoaringBitmap excluded) {
        return transactions.execute(status -> {
            UsageDayFold fold = reports.rebuild(day, excluded, true);
            rebuildReports(day, fold);
            return repository.replace(day, fold.daily());
        });
    }

    /**
     * The analysts' roll-ups of one day: usage (one pass over the events), cohorts, money; {@code excluded} are the users
     * they leave out, read once for a batch of days.
     */
    private void rebuildReports(LocalDate day, RoaringBitmap excluded) {
        rebuildReports(day, reports.rebuild(day, excluded, false));
    }

    /** The analysts' roll-ups that follow from the usage pass ({@code fold}): users per dimension, cohorts, money. */
    private void rebuildReports(LocalDate day, UsageDayFold fold) {
        usageUsers.rebuild(day);
        cohorts.rebuild(day, fold.active());
        reports.rebuildMoney(day);
    }

    /**
     * Rebuilds every day of a range, both roll-ups (the documented rebuild command, {@link RollupCommand});
     * returns the number of days.
     */
    public int rebuild(LocalDate from, LocalDate until) {
        int days = 0;
        RoaringBitmap excluded = reports.excludedUsers();
        for (LocalDate day = from; day.isBefore(until); day = day.plusDays(1)) {
            rebuild(day, excluded);
            days++;
        }
        log.info("Usage roll-up: rebuilt {} days from {} until {}", days, from, until);
        return days;
    }

    /**
     * A user's data left the analysts' reports or came back (restriction or objection changed, or an erasure is about to
     * delete it): the days they were active on are queued, and {@link #rebuildDirtyDays} rebuilds them. Call it before
     * deleting the user's usage.
     */
    public void userDataChanged(long userId) {
        reports.markDaysOf(userId, LocalDateTime.now(clock));
    }

    /** Rebuilds the analysts' roll-up for the queued days (every few minutes, and in tests directly). */
    public int rebuildDirtyDays() {
        int rebuilt = 0;
        Map<LocalDate, LocalDateTime> dirty = reports.dirtyDays(500);
        RoaringBitmap excluded = dirty.isEmpty() ? new RoaringBitmap() : reports.excludedUsers();
        for (var day : dirty.entrySet()) {
            transactions.executeWithoutResult(status -> {
                rebuildReports(day.getKey(), excluded);
                reports.clearDirty(day.getKey(), day.getValue());
            });
            rebuilt++;
        }
        return rebuilt;
    }
}
