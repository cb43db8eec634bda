package ru.rusoragentai.console.abuse;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import ru.rusoragentai.console.abuse.detect.Addresses;

/** Who shares an address, network, device or referral with the given accounts. */
@Repository
class GraphRepository {

    private final DSLContext dsl;

    GraphRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Pairs (start account, other account) sharing a key of {@code kind} (ip, net, device_fp) since {@code since}. */
    List<LinkedAccounts.Link> shared(String kind, Collection<Long> start, LocalDateTime since, int limit) {
        String column = switch (kind) {
            case "ip", "net", "device_fp" -> kind;
            default -> throw new IllegalArgumentException(kind);
        };
        List<LinkedAccounts.Link> links = new ArrayList<>();
        dsl.resultQuery("""
                SELECT DISTINCT a.user_id, b.user_id, a.%1$s, CONCAT_WS(' / ', a.device_type, a.browser, a.os)
                FROM user_session a JOIN user_session b ON b.%1$s = a.%1$s AND b.user_id <> a.user_id AND b.started_at >= {1}
                WHERE a.user_id IN ({0}) AND a.started_at >= {1} LIMIT {2}""".formatted(column),
                DSL.list(start.stream().map(DSL::inline).toList()), DSL.val(since), DSL.inline(limit))
                .forEach(r -> {
                    byte[] key = r.get(2, byte[].class);
                    String value = switch (kind) {
                        case "ip" -> Addresses.ip(key);
                        case "net" -> Addresses.network(key);
                        default -> r.get(3, String.class);
                    };
                    links.add(new LinkedAccounts.Link(r.get(0, Long.class), r.get(1, Long.class), kind.equals("device_fp") ? "device" : kind.equals("net") ? "network" : "ip", value));
                });
        return links;
    }

    /** Referral links in both directions. */
    List<LinkedAccounts.Link> referrals(Collection<Long> start, int limit) {
        List<LinkedAccounts.Link> links = new ArrayList<>();
        var ids = DSL.list(start.stream().map(DSL::inline).toList());
        dsl.resultQuery("""
                SELECT referred_by, id FROM app_user WHERE (id IN ({0}) OR referred_by IN ({0})) AND referred_by IS NOT NULL LIMIT {1}""",
                ids, DSL.inline(limit))
                .forEach(r -> links.add(new LinkedAccounts.Link(r.get(0, Long.class), r.get(1, Long.class), "referral", "")));
        return links;
    }

    List<LinkedAccounts.Account> accounts(Collection<Long> ids, Collection<Long> start) {
        List<LinkedAccounts.Account> accounts = new ArrayList<>();
        if (ids.isEmpty()) {
            return accounts;
        }
        dsl.resultQuery("""
                SELECT u.id, u.display_name, u.username, u.status, COALESCE(s.score, 0) FROM app_user u
                LEFT JOIN abuse_score s ON s.user_id = u.id WHERE u.id IN ({0}) ORDER BY u.id""",
                DSL.list(ids.stream().map(DSL::inline).toList()))
                .forEach(r -> accounts.add(new LinkedAccounts.Account(r.get(0, Long.class), r.get(1, String.class), r.get(2, String.class),
                        r.get(3, String.class), r.get(4, Integer.class), start.contains(r.get(0, Long.class)))));
        return accounts;
    }
}
