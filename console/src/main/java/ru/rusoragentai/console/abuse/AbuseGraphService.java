package ru.rusoragentai.console.abuse;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rusoragentai.console.audit.AuditService;
import ru.rusoragentai.console.security.Role;

/** The linked-accounts graph around a user or a case: one hop over shared addresses, networks, devices and referrals. */
@Service
@Transactional(readOnly = true)
public class AbuseGraphService {

    /** At most this many accounts are drawn; the graph says when it was cut. */
    public static final int MAX_ACCOUNTS = 60;
    private static final int LOOKBACK_DAYS = 90;

    private final GraphRepository graph;
    private final CaseRepository cases;
    private final AuditService audit;
    private final Clock clock;

    AbuseGraphService(GraphRepository graph, CaseRepository cases, AuditService audit, Clock clock) {
        this.graph = graph;
        this.cases = cases;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN, Role.Names.SUPPORT})
    public LinkedAccounts aroundUser(long userId) {
        audit.record("abuse.graph_viewed", AbuseQueueService.USER_TARGET, Long.toString(userId), "");
        return around(List.of(userId));
    }

    @Transactional
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN, Role.Names.SUPPORT})
    public LinkedAccounts aroundCase(long caseId) {
        audit.record("abuse.graph_viewed", "abuse_case", Long.toString(caseId), "");
        List<Long> users = cases.usersOf(caseId);
        return around(users.size() > MAX_ACCOUNTS ? users.subList(0, MAX_ACCOUNTS) : users);
    }

    private LinkedAccounts around(Collection<Long> start) {
        if (start.isEmpty()) {
            return new LinkedAccounts(List.of(), List.of(), false);
        }
        LocalDateTime since = LocalDateTime.now(clock).minusDays(LOOKBACK_DAYS);
        List<LinkedAccounts.Link> all = new ArrayList<>();
        all.addAll(graph.referrals(start, MAX_ACCOUNTS * 4));
        all.addAll(graph.shared("ip", start, since, MAX_ACCOUNTS * 4));
        all.addAll(graph.shared("net", start, since, MAX_ACCOUNTS * 4));
        all.addAll(graph.shared("device_fp", start, since, MAX_ACCOUNTS * 4));
        Set<Long> ids = new LinkedHashSet<>(start);
        List<LinkedAccounts.Link> kept = new ArrayList<>();
        boolean cut = false;
        Set<String> seen = new java.util.HashSet<>();
        for (LinkedAccounts.Link link : all) {
            boolean fits = ids.size() < MAX_ACCOUNTS || ids.contains(link.from()) && ids.contains(link.to());
            if (!fits) {
                cut = true;
                continue;
            }
            long a = Math.min(link.from(), link.to());
            long b = Math.max(link.from(), link.to());
            if (seen.add(a + "|" + b + "|" + link.via())) {
                ids.add(link.from());
                ids.add(link.to());
                kept.add(link);
            }
        }
        return new LinkedAccounts(graph.accounts(ids, start), kept, cut);
    }
}
