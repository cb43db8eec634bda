package ru.rusoragentai.console.shell.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import ru.rusoragentai.console.kit.EChart;
import ru.rusoragentai.console.privacy.PrivacyRequestService;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.support.KaribuTest;
import ru.rusoragentai.console.support.TestData;

/** The dashboard shows each role the panels of the desks it works at, and each figure links to its screen. */
class DashboardPanelsTest extends KaribuTest {

    private static final Map<Role, List<String>> PANELS = Map.of(
            Role.SUPPORT, List.of("dashboard-privacy-open", "dashboard-privacy-overdue", "dashboard-privacy-week"),
            Role.OPERATOR, List.of("dashboard-abuse-flags", "dashboard-abuse-cases", "dashboard-plugins-unhealthy",
                    "dashboard-webhooks-failed", "dashboard-webhooks-unmatched"),
            Role.ANALYST, List.of("dashboard-kpi-requests", "dashboard-kpi-users", "dashboard-kpi-charged"),
            Role.PRIVACY_OFFICER, List.of("dashboard-privacy-open", "dashboard-privacy-overdue", "dashboard-privacy-week"));
    private static final List<String> ALL = PANELS.values().stream().flatMap(List::stream).distinct().toList();

    @Test
    void shouldShowEachRoleThePanelsOfItsDesksOnly() {
        for (Map.Entry<Role, List<String>> role : PANELS.entrySet()) {
            openUiAs(TestData.unique("dash"), role.getKey());
            UI.getCurrent().navigate(DashboardView.class);
            for (String id : ALL) {
                assertThat(_find(Span.class, spec -> spec.withId(id))).as(role.getKey() + " sees " + id)
                        .hasSize(role.getValue().contains(id) ? 1 : 0);
            }
        }
    }

    @Test
    void shouldShowAnAdministratorEveryDeskAndTheApprovalsWaiting() {
        openUiAs(TestData.unique("dash"), Role.ADMIN);
        UI.getCurrent().navigate(DashboardView.class);

        for (String id : ALL) {
            assertThat(_find(Span.class, spec -> spec.withId(id))).as(id).hasSize(1);
        }
        Span approvals = _get(Span.class, spec -> spec.withId("dashboard-approvals"));
        assertThat(approvals.getParent().map(p -> ((Anchor) p).getHref())).contains("approvals");
    }

    @Test
    void shouldCountWhatThePrivacyDeskCountsAndDrawTheAnalystsSparklines() {
        openUiAs(TestData.unique("dash"), Role.PRIVACY_OFFICER);
        UI.getCurrent().navigate(DashboardView.class);
        int[] counts = context.getBean(PrivacyRequestService.class).openAndOverdue();
        assertThat(_get(Span.class, spec -> spec.withId("dashboard-privacy-week")).getText().replaceAll("\\D", ""))
                .isEqualTo(Integer.toString(counts[2]));

        java.time.LocalDate yesterday = ru.rusoragentai.console.support.TestClock.today().minusDays(1);
        String provider = TestData.unique("dashp");
        new ru.rusoragentai.console.support.PlatformRows(dsl).usage(TestData.insertUser(dsl, "Dashboard User"), yesterday.atTime(9, 0))
                .provider(provider).model("m").charged(5).insert();
        context.getBean(ru.rusoragentai.console.usage.UsageRollupService.class).rebuild(yesterday);
        openUiAs(TestData.unique("dash"), Role.ANALYST);
        UI.getCurrent().navigate(DashboardView.class);
        assertThat(_get(EChart.class, spec -> spec.withId("dashboard-kpi-requests-spark")).getOption()).contains("\"line\"");
        assertThat(_get(EChart.class, spec -> spec.withId("dashboard-usage-providers")).getOption()).contains("\"bar\"", "\"stack\"");
        assertThat(_get(EChart.class, spec -> spec.withId("dashboard-revenue")).getOption()).contains("\"xAxis\"");
    }
}
