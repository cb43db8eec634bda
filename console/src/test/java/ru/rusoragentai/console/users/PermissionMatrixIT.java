package ru.rusoragentai.console.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.function.ObjIntConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.support.DatabaseTest;
import ru.rusoragentai.console.support.TestData;
import ru.rusoragentai.console.tokens.AdjustmentService;
import ru.rusoragentai.console.tokens.ReasonCode;

/** Which roles may search, view, correct, change status, adjust and approve; enforced on the services. */
class PermissionMatrixIT extends DatabaseTest {

    @Autowired
    UserSearchService search;
    @Autowired
    UserService users;
    @Autowired
    AdjustmentService adjustments;

    private static final Map<String, Set<Role>> ALLOWED = Map.of(
            "search", EnumSet.of(Role.SUPPORT, Role.PRIVACY_OFFICER, Role.ADMIN),
            "view", EnumSet.of(Role.SUPPORT, Role.PRIVACY_OFFICER, Role.ADMIN),
            "correct", EnumSet.of(Role.SUPPORT, Role.PRIVACY_OFFICER, Role.ADMIN),
            "suspend", EnumSet.of(Role.SUPPORT, Role.ADMIN),
            "restrict", EnumSet.of(Role.SUPPORT, Role.PRIVACY_OFFICER, Role.ADMIN),
            "adjust", EnumSet.of(Role.SUPPORT, Role.ADMIN),
            "approve", EnumSet.of(Role.ADMIN));

    @AfterEach
    void after() {
        signOut();
    }

    @ParameterizedTest
    @EnumSource(Role.class)
    void shouldAllowExactlyTheRolesInTheMatrix(Role role) {
        long user = TestData.insertUser(dsl, "Matrix " + role);
        Map<String, ObjIntConsumer<Long>> actions = Map.of(
                "search", (id, v) -> search.search("Matrix", 0, 10),
                "view", (id, v) -> users.profile(id),
                "correct", (id, v) -> users.correct(id, v, "matrix_" + id, "Matrix", null, null),
                "suspend", (id, v) -> users.setSuspended(id, v, true, "test"),
                "restrict", (id, v) -> users.setProcessingRestricted(id, v, true, "test"),
                "adjust", (id, v) -> adjustments.request(id, 5, ReasonCode.OTHER, "matrix", null, false),
                "approve", (id, v) -> adjustments.pending(0, 10));
        for (var action : actions.entrySet()) {
            signInAs("matrix-" + role, Role.ADMIN);
            var version = users.profile(user).version();
            signInAs("matrix-" + role, role);
            boolean allowed;
            try {
                action.getValue().accept(user, version);
                allowed = true;
            } catch (AccessDeniedException denied) {
                allowed = false;
            }
            assertThat(allowed).as(role + " may " + action.getKey() + " (version " + version + ")")
                    .isEqualTo(ALLOWED.get(action.getKey()).contains(role));
        }
    }
}
