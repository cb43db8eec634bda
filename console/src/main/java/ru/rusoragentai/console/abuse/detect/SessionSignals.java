package ru.rusoragentai.console.abuse.detect;

import org.jspecify.annotations.Nullable;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

/** Questions about sign-ins: who shares an address, network or device; where and when each account was. */
@Repository
class SessionSignals {

    /** Accounts seen on one key (address, network or device) within a window. */
    record SharedKey(String kind, byte[] key, List<Long> users, long sessions, byte[] sampleIp, @Nullable String device) {
        String hex() {
            return HexFormat.of().formatHex(key);
        }
    }

    record SessionRow(long id, long userId, LocalDateTime startedAt, @Nullable LocalDateTime endedAt, @Nullable byte[] ip, @Nullable byte[] net,
                      @Nullable String country, @Nullable String region) {
    }

    /** Accounts created in a window whose sessions came from one network. */
    record Burst(@Nullable byte[] net, List<Long> users, LocalDateTime first, LocalDateTime last) {
    }

    /** From this long a range on, its sessions are read in one pass over the table rather than through the time index. */
    static final java.time.Duration SCAN_FROM = java.time.Duration.ofDays(3);

    private final DSLContext dsl;

    SessionSignals(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * Keys of {@code kind} ("ip", "net" or "device_fp") that the given users used in the window and that at least
     * {@code min} accounts used there; with {@code users} null, every key used in the window (one grouped read of the
     * window's sessions, for a range, where everyone active is a candidate).
     */
    List<SharedKey> sharedKeys(String kind, Collection<Long> users, LocalDateTime from, LocalDateTime to, long min) {
        String column = switch (kind) {
            case "ip", "net", "device_fp" -> kind;
            default -> throw new IllegalArgumentException(kind);
        };
        List<SharedKey> found = new ArrayList<>();
        if (users == null) {
            Candidates.query(dsl, """
                    SELECT s.%1$s, GROUP_CONCAT(DISTINCT s.user_id ORDER BY s.user_id SEPARATOR ','), COUNT(*), MIN(s.ip),
                           MIN(CONCAT_WS(' / ', s.device_type, s.browser, s.os))
                    FROM user_session s
                    WHERE s.started_at >= {0} AND s.started_at < {1} AND s.%1$s IS NOT NULL
                    GROUP BY s.%1$s HAVING COUNT(DISTINCT s.user_id) >= {2}""".formatted(column), from, to, min)
                    .fetch().forEach(r -> found.add(sharedKey(kind, r)));
            return found;
        }
        for (List<Long> chunk : Candidates.chunks(users)) {
            Candidates.query(dsl, """
                    SELECT s.%1$s, GROUP_CONCAT(DISTINCT s.user_id ORDER BY s.user_id SEPARATOR ','), COUNT(*), MIN(s.ip),
                           MIN(CONCAT_WS(' / ', s.device_type, s.browser, s.os))
                    FROM user_session s
                    WHERE s.started_at >= {1} AND s.started_at < {2}
                      AND s.%1$s IN (SELECT c.%1$s FROM user_session c WHERE c.user_id IN ({0}) AND c.started_at >= {1} AND c.started_at < {2})
                    GROUP BY s.%1$s HAVING COUNT(DISTINCT s.user_id) >= {3}""".formatted(column),
                    Candidates.in(chunk), from, to, min)
                    .fetch().forEach(r -> found.add(sharedKey(kind, r)));
        }
        return found.stream().filter(distinctKeys()).toList();
    }

    private static SharedKey sharedKey(String kind, org.jooq.Record r) {
        return new SharedKey(kind, r.get(0, byte[].class), ids(r.get(1, String.class)), r.get(2, Long.class),
                r.get(3, byte[].class), r.get(4, String.class));
    }

    /** Sessions of the given users that started in the window, oldest first per user. */
    List<SessionRow> sessions(Collection<Long> users, LocalDateTime from, LocalDateTime to) {
        List<SessionRow> rows = new ArrayList<>();
        for (List<Long> chunk : Candidates.chunks(users)) {
            Candidates.query(dsl, """
                    SELECT id, user_id, started_at, ended_at, ip, net, country_code, region FROM user_session
                    WHERE user_id IN ({0}) AND started_at >= {1} AND started_at < {2} ORDER BY user_id, started_at, id""",
                    Candidates.in(chunk), from, to)
                    .fetch().forEach(r -> rows.add(row(r)));
        }
        return rows;
    }

    /**
     * The sessions of each window {@code [end - window, end)}, for each of {@code ends} (ascending, as {@link RangeSteps}
     * places them). One read of the range in time order that holds only the current window's sessions, instead of a
     * question per window and chunk of users.
     */
    void sessionsByWindow(List<LocalDateTime> ends, java.time.Duration window,
                          java.util.function.BiConsumer<LocalDateTime, List<SessionRow>> onWindow) {
        byWindow("id, user_id, started_at, ended_at, ip, net, country_code, region", SessionSignals::row, SessionRow::startedAt,
                ends, window, onWindow);
    }

    /**
     * For each window of {@link #sessionsByWindow}, the keys of each kind ("ip", "net", "device_fp") that at least
     * {@code minimum.get(kind)} accounts used in it, as {@link #sharedKeys} finds them for everyone: one read of the
     * range in time order instead of a grouped read of each window per kind.
     */
    void sharedKeysByWindow(List<LocalDateTime> ends, java.time.Duration window, Map<String, Long> minimum,
                            java.util.function.BiConsumer<LocalDateTime, Map<String, List<SharedKey>>> onWindow) {
        byWindow("started_at, user_id, ip, net, device_fp, CONCAT_WS(' / ', device_type, browser, os)",
                r -> new KeyGroups.KeyRow(r.get(0, LocalDateTime.class), r.get(1, Long.class), r.get(2, byte[].class),
                        r.get(3, byte[].class), r.get(4, byte[].class), r.get(5, String.class)),
                KeyGroups.KeyRow::startedAt, ends, window, (end, rows) -> {
                    Map<String, List<SharedKey>> keys = new java.util.HashMap<>();
                    minimum.forEach((kind, min) -> keys.put(kind, KeyGroups.shared(kind, rows, min)));
                    onWindow.accept(end, keys);
                });
    }

    private <R> void byWindow(String columns, java.util.function.Function<org.jooq.Record, R> read,
                              java.util.function.Function<R, LocalDateTime> startedAt, List<LocalDateTime> ends,
                              java.time.Duration window, java.util.function.BiConsumer<LocalDateTime, List<R>> onWindow) {
        if (ends.isEmpty()) {
            return;
        }
        List<R> held = new ArrayList<>();
        int next = 0;
        LocalDateTime from = ends.getFirst().minus(window);
        // Sessions are stored in the order their users were created, so a read in time order through the time index
        // jumps across the whole table: 775,000 sessions of 37 days took 18 s that way on the 1M-user set, and 2.4 s
        // as one pass over the table sorted afterwards. Short ranges keep the index.
        String index = java.time.Duration.between(from, ends.getLast()).compareTo(SCAN_FROM) >= 0
                ? "IGNORE INDEX (user_session_started_idx)" : "FORCE INDEX (user_session_started_idx)";
        // The sort carries the columns along only if a row's widest form fits max_length_for_sort_data (1,024 bytes by
        // default); the device text alone may reach 600, and past the limit MariaDB sorted row ids and then fetched each
        // row again by id: 37 days of sessions took 6.8 s that way and 1.6 s with the limit raised for this statement.
        try (var cursor = Candidates.query(dsl, """
                SET STATEMENT max_length_for_sort_data = 8192 FOR
                SELECT %s FROM user_session %s
                WHERE started_at >= {0} AND started_at < {1} ORDER BY started_at, id""".formatted(columns, index),
                from, ends.getLast()).fetchSize(10_000).fetchLazy()) {
            for (org.jooq.Record r : cursor) {
                R row = read.apply(r);
                while (!startedAt.apply(row).isBefore(ends.get(next))) {
                    emit(ends, next++, window, held, startedAt, onWindow);
                }
                held.add(row);
            }
        }
        while (next < ends.size()) {
            emit(ends, next++, window, held, startedAt, onWindow);
        }
    }

    private static <R> void emit(List<LocalDateTime> ends, int index, java.time.Duration window, List<R> held,
                                 java.util.function.Function<R, LocalDateTime> startedAt,
                                 java.util.function.BiConsumer<LocalDateTime, List<R>> onWindow) {
        LocalDateTime begin = ends.get(index).minus(window);
        onWindow.accept(ends.get(index), held.stream().filter(s -> !startedAt.apply(s).isBefore(begin)).toList());
        if (index + 1 < ends.size()) {
            LocalDateTime nextBegin = ends.get(index + 1).minus(window);
            held.removeIf(s -> startedAt.apply(s).isBefore(nextBegin));
        }
    }

    private static SessionRow row(org.jooq.Record r) {
        return new SessionRow(r.get(0, Long.class), r.get(1, Long.class), r.get(2, LocalDateTime.class), r.get(3, LocalDateTime.class),
                r.get(4, byte[].class), r.get(5, byte[].class), r.get(6, String.class), r.get(7, String.class));
    }

    /**
     * Networks from which at least {@code min} accounts created in the window signed in, among the networks the given
     * users used; with {@code users} null, among the networks of the accounts created in the window that signed in since
     * {@code activeFrom} (for a range, where everyone active is a candidate: one read instead of one per chunk).
     */
    List<Burst> bursts(Collection<Long> users, LocalDateTime activeFrom, LocalDateTime from, LocalDateTime to, long min) {
        List<Burst> found = new ArrayList<>();
        if (users == null) {
            Candidates.query(dsl, """
                    SELECT s.net, GROUP_CONCAT(DISTINCT u.id ORDER BY u.id SEPARATOR ','), MIN(u.created_at), MAX(u.created_at)
                    FROM app_user u JOIN user_session s ON s.user_id = u.id
                    WHERE u.created_at >= {1} AND u.created_at < {2}
                      AND s.net IN (SELECT c.net FROM user_session c JOIN app_user cu ON cu.id = c.user_id
                                    WHERE cu.created_at >= {1} AND cu.created_at < {2}
                                      AND EXISTS (SELECT 1 FROM user_session a WHERE a.user_id = cu.id
                                                  AND a.started_at >= {0} AND a.started_at < {2}))
                    GROUP BY s.net HAVING COUNT(DISTINCT u.id) >= {3}""", activeFrom, from, to, min)
                    .fetch().forEach(r -> found.add(new Burst(r.get(0, byte[].class), ids(r.get(1, String.class)),
                            r.get(2, LocalDateTime.class), r.get(3, LocalDateTime.class))));
            return found;
        }
        for (List<Long> chunk : Candidates.chunks(users)) {
            Candidates.query(dsl, """
                    SELECT s.net, GROUP_CONCAT(DISTINCT u.id ORDER BY u.id SEPARATOR ','), MIN(u.created_at), MAX(u.created_at)
                    FROM app_user u JOIN user_session s ON s.user_id = u.id
                    WHERE u.created_at >= {1} AND u.created_at < {2}
                      AND s.net IN (SELECT c.net FROM user_session c JOIN app_user cu ON cu.id = c.user_id
                                    WHERE c.user_id IN ({0}) AND cu.created_at >= {1} AND cu.created_at < {2})
                    GROUP BY s.net HAVING COUNT(DISTINCT u.id) >= {3}""",
                    Candidates.in(chunk), from, to, min)
                    .fetch().forEach(r -> found.add(new Burst(r.get(0, byte[].class), ids(r.get(1, String.class)),
                            r.get(2, LocalDateTime.class), r.get(3, LocalDateTime.class))));
        }
        List<Burst> distinct = new ArrayList<>();
        for (Burst b : found) {
            if (distinct.stream().noneMatch(d -> Arrays.equals(d.net(), b.net()))) {
                distinct.add(b);
            }
        }
        return distinct;
    }

    private static java.util.function.Predicate<SharedKey> distinctKeys() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return k -> seen.add(k.hex());
    }

    static List<Long> ids(String csv) {
        return csv == null || csv.isEmpty() ? List.of() : Arrays.stream(csv.split(",")).map(Long::valueOf).toList();
    }
}
