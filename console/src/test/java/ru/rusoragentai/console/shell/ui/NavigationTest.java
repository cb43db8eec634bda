package ru.rusoragentai.console.shell.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.rusoragentai.console.audit.ui.AuditLogView;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.shell.ui.DashboardView;
import ru.rusoragentai.console.staff.ui.StaffListView;
import ru.rusoragentai.console.support.KaribuTest;
import ru.rusoragentai.console.support.TestData;
import ru.rusoragentai.console.shell.DashboardService;

class NavigationTest extends KaribuTest {

    @Autowired
    DashboardService dashboardService;

    @ParameterizedTest
    @EnumSource(Role.class)
    void shouldShowEachRoleOnlyTheSectionsItMayUse(Role role) {
        openUiAs(TestData.unique("nav"), role);
        List<String> items = _get(SideNav.class, spec -> spec.withId("main-nav")).getItems().stream().map(SideNavItem::getPath).toList();
        List<String> expected = switch (role) {
            case ADMIN -> List.of("", "users", "approvals", "abuse", "abuse/cases", "abuse/rules", "bulk-adjustments", "reports", "reports/revenue", "reports/margin", "reports/cohorts", "reports/tokens", "reports/top-users", "reports/saved", "reports/downloads", "privacy", "retention", "plugins", "models", "webhooks",
                    "reconciliation", "staff", "audit");
            case OPERATOR -> List.of("", "abuse", "abuse/cases", "abuse/rules", "plugins", "models", "webhooks", "reconciliation");
            case PRIVACY_OFFICER -> List.of("", "users", "privacy", "retention", "audit");
            case SUPPORT -> List.of("", "users", "abuse", "abuse/cases", "privacy");
            case ANALYST -> List.of("", "reports", "reports/revenue", "reports/margin", "reports/cohorts", "reports/tokens", "reports/top-users", "reports/saved", "reports/downloads");
        };
        assertThat(items).containsExactlyElementsOf(expected);
    }

    @Test
    void shouldNotOpenAForbiddenSectionByUrl() {
        openUiAs(TestData.unique("nav"), Role.SUPPORT, Role.OPERATOR, Role.ANALYST);
        for (String route : List.of("staff", "audit")) {
            assertNotAllowed(() -> UI.getCurrent().navigate(route));
        }
        assertThat(_find(StaffListView.class)).isEmpty();
        assertThat(_find(AuditLogView.class)).isEmpty();
        // inside the console's frame, saying what was refused, with a way back
        assertThat(_find(ru.rusoragentai.console.shell.ui.MainLayout.class)).hasSize(1);
        assertThat(_get(com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("not-allowed-text")).getText())
                .isEqualTo("Your roles do not open /audit. If you need this screen, ask an administrator to add the role.");
        assertThat(_get(com.vaadin.flow.router.RouterLink.class, spec -> spec.withId("not-allowed-back")).getHref()).isEmpty();
    }

    @Test
    void shouldShowTheDashboardWithFiguresFromTheDatabase() {
        TestData.insertUser(dsl, "Dashboard Person");
        openUiAs(TestData.unique("nav"), Role.ANALYST);
        UI.getCurrent().navigate("");
        _get(DashboardView.class);
        long users = dsl.fetchCount(ru.rusoragentai.db.Tables.APP_USER, ru.rusoragentai.db.Tables.APP_USER.STATUS.ne("deleted"));
        assertThat(users).isPositive();
        assertThat(_get(Span.class, spec -> spec.withId("dashboard-users")).getText().replaceAll("\\D", ""))
                .isEqualTo(Long.toString(users));
        assertThat(dashboardService.today().users()).isEqualTo(users);
    }
}
