package ru.rusoragentai.console.abuse;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.support.DatabaseTest;
import ru.rusoragentai.console.support.TestClock;
import ru.rusoragentai.console.support.TestData;

/** Who may read, decide, act on, tune and approve in abuse monitoring; enforced on the services. */
class AbuseRoleMatrixIT extends DatabaseTest {

    private static final Set<Role> DECIDE = EnumSet.of(Role.OPERATOR, Role.ADMIN);
    private static final Map<String, Set<Role>> ALLOWED = Map.ofEntries(
            Map.entry("read the queue", EnumSet.of(Role.OPERATOR, Role.ADMIN, Role.SUPPORT)),
            Map.entry("read a score", EnumSet.of(Role.OPERATOR, Role.ADMIN, Role.SUPPORT, Role.PRIVACY_OFFICER)),
            Map.entry("see linked accounts", EnumSet.of(Role.OPERATOR, Role.ADMIN, Role.SUPPORT)),
            Map.entry("take flags", DECIDE),
            Map.entry("snooze", DECIDE),
            Map.entry("act", DECIDE),
            Map.entry("read the rules", DECIDE),
            Map.entry("list the rule codes", DECIDE),
            Map.entry("run the rules", DECIDE),
            Map.entry("re-evaluate every rule", DECIDE),
            Map.entry("approve a case measure", EnumSet.of(Role.ADMIN)));

    @Autowired
    AbuseQueueService queue;
    @Autowired
    AbuseScoreService scores;
    @Autowired
    AbuseGraphService graphs;
    @Autowired
    AbuseActionService actions;
    @Autowired
    AbuseRuleService rules;

    @AfterEach
    void after() {
        signOut();
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void shouldAllowExactlyTheRolesInTheMatrix(Role role) {
        long user = TestData.insertUser(dsl, "Abuse matrix " + role);
        Map<String, LongConsumer> operations = new LinkedHashMap<>();
        operations.put("read the queue", id -> queue.count(FlagFilter.ofUser(id)));
        operations.put("read a score", id -> scores.score(id));
        operations.put("see linked accounts", id -> graphs.aroundUser(id));
        operations.put("take flags", id -> queue.assignToMe(List.of(-1L)));
        operations.put("snooze", id -> queue.snooze("usage_spike", id, queue.now().plusDays(1), "matrix"));
        operations.put("act", id -> actions.act(id, ActionKind.WATCH, null, null, "matrix", null, TestData.unique("matrix-")));
        operations.put("read the rules", id -> rules.rules());
        operations.put("list the rule codes", id -> rules.codes());
        operations.put("run the rules", id -> rules.runNow("possible_minor"));
        operations.put("re-evaluate every rule", id -> rules.reevaluateAll(TestClock.now().minusDays(399), TestClock.now().minusDays(398)));
        operations.put("approve a case measure", id -> {
            try {
                actions.approveForCase(-1);
            } catch (AbuseException missing) {
                // allowed in, refused for the missing measure
            }
        });
        for (var operation : operations.entrySet()) {
            signInAs("abuse-matrix-" + role, role);
            boolean allowed;
            try {
                operation.getValue().accept(user);
                allowed = true;
            } catch (AccessDeniedException denied) {
                allowed = false;
            }
            assertThat(allowed).as(role + " may " + operation.getKey()).isEqualTo(ALLOWED.get(operation.getKey()).contains(role));
        }
    }
}
