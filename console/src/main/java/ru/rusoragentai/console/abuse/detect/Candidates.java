package ru.rusoragentai.console.abuse.detect;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jooq.DSLContext;
import org.jooq.QueryPart;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The subjects a run looks at: whose rows in the detector's source are new, or were active in a range. */
@Repository
class Candidates {

    static final int CHUNK = 1_000;

    private final DSLContext dsl;

    Candidates(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Users with session, usage or ledger rows in scope; the rules of one run with the same source share the answer. */
    Set<Long> users(Source source, Scope scope) {
        return RunMemo.answer(List.of("candidates", source, scope),
                () -> java.util.Collections.unmodifiableSet(read(source, scope)), users -> users.size() <= 200_000);
    }

    private Set<Long> read(Source source, Scope scope) {
        String time = switch (source) {
            case SESSIONS -> "started_at";
            case USAGE -> "occurred_at";
            case LEDGER, USERS -> "created_at";
        };
        String column = source == Source.USERS ? "id" : "user_id";
        String sql = "SELECT DISTINCT " + column + " FROM " + source.table() + " WHERE "
                + (scope.byTime() ? time + " >= {0} AND " + time + " < {1}" : "id > {0} AND id <= {1}");
        return new TreeSet<>(scope.byTime() ? query(dsl, sql, scope.activeFrom(), scope.asOf()).fetch(0, Long.class)
                : query(dsl, sql, scope.afterId(), scope.upToId()).fetch(0, Long.class));
    }

    /** Ids as an inline list: numbers only, so inlining is safe and keeps the statement cacheable by shape. */
    static QueryPart in(Collection<Long> ids) {
        return DSL.list(ids.stream().map(DSL::inline).toList());
    }

    /**
     * A plain SQL query whose template refers to every argument by number ({0}, {1}, ...): values become bind
     * values, query parts (inline id lists) are embedded. Never mixes in "?" placeholders, which jOOQ would number
     * from the same argument list.
     */
    static org.jooq.ResultQuery<org.jooq.Record> query(DSLContext dsl, String template, Object... args) {
        QueryPart[] parts = new QueryPart[args.length];
        for (int i = 0; i < args.length; i++) {
            parts[i] = args[i] instanceof QueryPart part ? part : DSL.val(args[i]);
        }
        return dsl.resultQuery(template, (Object[]) parts);
    }

    static <T> List<List<T>> chunks(Collection<T> all) {
        List<List<T>> chunks = new ArrayList<>();
        List<T> current = new ArrayList<>(CHUNK);
        for (T item : all) {
            current.add(item);
            if (current.size() == CHUNK) {
                chunks.add(current);
                current = new ArrayList<>(CHUNK);
            }
        }
        if (!current.isEmpty()) {
            chunks.add(current);
        }
        return chunks;
    }
}
