package ru.rusoragentai.console.analytics.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.rusoragentai.console.analytics.CohortReportService.CohortTable;
import ru.rusoragentai.console.analytics.MarginReportService.MarginSplit;
import ru.rusoragentai.console.kit.EChart;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.support.KaribuTest;
import ru.rusoragentai.console.support.PlatformRows;
import ru.rusoragentai.console.support.TestClock;
import ru.rusoragentai.console.support.TestData;
import ru.rusoragentai.console.usage.UsageRollupService;

class MarginCohortViewsTest extends KaribuTest {

    @Autowired
    UsageRollupService rollup;

    @Test
    @SuppressWarnings("unchecked")
    void shouldShowTheMarginOfTheChosenProviderPerModelWithAChart() {
        LocalDate day = TestClock.today().minusDays(6);
        String provider = TestData.unique("mp");
        long user = TestData.insertUser(dsl, "Margin User");
        PlatformRows rows = new PlatformRows(dsl);
        rows.usage(user, day.atTime(10, 0)).provider(provider).model("cheap").feature("chat").tokens(1_000, 100).charged(2_000)
                .latency(200).status("ok").session(null).insert();
        rows.usage(user, day.atTime(11, 0)).provider(provider).model("dear").feature("chat").tokens(1_000, 100).charged(9_000)
                .latency(200).status("ok").session(null).insert();
        rollup.rebuild(day, day.plusDays(1));
        openUiAs("analyst-ui", Role.ANALYST);
        UI.getCurrent().navigate(MarginReportView.class);

        _get(DatePicker.class, spec -> spec.withId("margin-from")).setValue(day);
        _get(DatePicker.class, spec -> spec.withId("margin-until")).setValue(day.plusDays(1));
        _get(ComboBox.class, spec -> spec.withId("margin-provider")).setValue(provider);
        _get(Select.class, spec -> spec.withId("margin-split")).setValue(MarginSplit.MODEL);

        ReportGrid grid = _get(ReportGrid.class, spec -> spec.withId("margin-grid"));
        List<Object[]> shown = GridKt._findAll(grid);
        assertThat(shown).extracting(r -> r[1]).containsExactly(provider + "/cheap", provider + "/dear");
        assertThat(shown).extracting(r -> r[4]).containsExactly(2_000L, 9_000L);
        // no list price is known for these models: all their tokens are unpriced, and the charged USD is all margin
        assertThat(GridKt._getFormattedRow(grid, 1)).contains("0.27", "1,100");
        assertThat(_get(EChart.class, spec -> spec.withId("margin-chart")).getOption()).contains("\"Charged, USD\"", "0.33");
    }

    @Test
    void shouldShowCohortsAsAHeatMapAndSwitchToArpu() {
        openUiAs("analyst-ui", Role.ANALYST);
        UI.getCurrent().navigate(CohortReportView.class);

        ReportGrid grid = _get(ReportGrid.class, spec -> spec.withId("cohorts-grid"));
        assertThat(headers(grid)).startsWith("Cohort", "Users", "Month 0", "Month 1");
        assertThat(_get(EChart.class, spec -> spec.withId("cohorts-chart")).getOption()).contains("\"heatmap\"", "\"Month 0\"");

        _get(Select.class, spec -> spec.withId("cohorts-table")).setValue(CohortTable.ARPU);

        assertThat(headers(grid)).contains("ARPU", "ARPPU", "Paying users");
        assertThat(_get(EChart.class, spec -> spec.withId("cohorts-chart")).getOption()).doesNotContain("heatmap");
    }

    private static List<String> headers(Grid<Object[]> grid) {
        return grid.getColumns().stream().map(c -> ((com.vaadin.flow.component.html.Span) c.getHeaderComponent()).getText()).toList();
    }

    @Test
    void shouldRefuseSupportStaffAndOperators() {
        openUiAs("agent-ui", Role.SUPPORT);
        assertNotAllowed(() -> UI.getCurrent().navigate(MarginReportView.class));
        openUiAs("operator-ui", Role.OPERATOR);
        assertNotAllowed(() -> UI.getCurrent().navigate(CohortReportView.class));
    }
}
