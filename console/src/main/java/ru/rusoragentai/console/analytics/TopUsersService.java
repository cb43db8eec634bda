package ru.rusoragentai.console.analytics;

import jakarta.annotation.security.RolesAllowed;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rusoragentai.console.audit.AuditService;
import ru.rusoragentai.console.export.Column;
import ru.rusoragentai.console.security.Role;

/**
 * The heaviest users of a range for analysts, by tokens charged or by tokens bought, pseudonymised: each view and each
 * export gets pseudonyms under a key of its own ({@link Pseudonyms}), so no username, name, email, Telegram id or
 * address leaves, and two exports cannot be joined on a user. Every view and export is audited.
 */
@Service
@Transactional(readOnly = true)
@RolesAllowed({Role.Names.ANALYST, Role.Names.ADMIN})
public class TopUsersService {

    /** The longest range the per-user figures are read for. */
    static final int MAX_DAYS = 92;
    static final int LIMIT = 100;

    /** One user in the list, by pseudonym. */
    public record TopUser(int rank, String pseudonym, long requests, long tokensCharged, long activeDays, long purchases,
                          long tokensBought) {
    }

    private final TopUsersRepository repository;
    private final AuditService audit;

    TopUsersService(TopUsersRepository repository, AuditService audit) {
        this.repository = repository;
        this.audit = audit;
    }

    /** The top users, pseudonymised under a key made for this view. */
    @Transactional
    public List<TopUser> top(LocalDate from, LocalDate until, boolean bySpend) {
        List<TopUser> users = compute(from, until, bySpend);
        audit.record("analytics.viewed", "report", "top-users", describe(from, until, bySpend) + ": " + users.size() + " users");
        return users;
    }

    /** The same list under a key made for this export alone. */
    @Transactional
    public void export(LocalDate from, LocalDate until, boolean bySpend, ExportFormat format, Function<String, String> label,
                       OutputStream out) {
        List<TopUser> users = compute(from, until, bySpend);
        table(users, label).write(format, "top users", out);
        audit.record("analytics.export", "report", "top-users", format.extension() + ", " + describe(from, until, bySpend) + ": "
                + users.size() + " users, pseudonymised under a key of this export");
    }

    public static ReportTable table(List<TopUser> users, Function<String, String> label) {
        List<Column> columns = List.of(Column.integer(label.apply("top.rank")), Column.text(label.apply("top.pseudonym")),
                Column.integer(label.apply("reports.requests")), Column.integer(label.apply("reports.charged")),
                Column.integer(label.apply("top.days")), Column.integer(label.apply("revenue.purchases")),
                Column.integer(label.apply("top.bought")));
        long[] totals = new long[5];
        List<Object[]> rows = users.stream().map(u -> {
            totals[0] += u.requests();
            totals[1] += u.tokensCharged();
            totals[2] += u.activeDays();
            totals[3] += u.purchases();
            totals[4] += u.tokensBought();
            return new Object[] {u.rank(), u.pseudonym(), u.requests(), u.tokensCharged(), u.activeDays(), u.purchases(),
                    u.tokensBought()};
        }).toList();
        return new ReportTable(columns, rows, new Object[] {label.apply("reports.total"), null, totals[0], totals[1], totals[2],
                totals[3], totals[4]});
    }

    private List<TopUser> compute(LocalDate from, LocalDate until, boolean bySpend) {
        if (!from.isBefore(until) || from.plusDays(MAX_DAYS).isBefore(until)) {
            throw new ReportException("top.error.range");
        }
        Pseudonyms pseudonyms = Pseudonyms.fresh();
        List<TopUsersRepository.UserTotals> totals = repository.top(from, until, bySpend, LIMIT);
        return java.util.stream.IntStream.range(0, totals.size()).mapToObj(i -> {
            TopUsersRepository.UserTotals t = totals.get(i);
            return new TopUser(i + 1, pseudonyms.of(t.userId()), t.requests(), t.tokensCharged(), t.activeDays(), t.purchases(),
                    t.tokensBought());
        }).toList();
    }

    private static String describe(LocalDate from, LocalDate until, boolean bySpend) {
        return from + ".." + until + " by " + (bySpend ? "tokens bought" : "tokens charged");
    }
}
