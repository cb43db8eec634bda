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
import ru.rusoragentai.console.analytics.Breakdown;
import ru.rusoragentai.console.analytics.Grouping;
import ru.rusoragentai.console.analytics.UsageFigures;
import ru.rusoragentai.console.kit.EChart;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.support.KaribuTest;
import ru.rusoragentai.console.support.PlatformRows;
import ru.rusoragentai.console.support.TestClock;
import ru.rusoragentai.console.support.TestData;
import ru.rusoragentai.console.usage.UsageRollupService;

class UsageReportViewTest extends KaribuTest {

    @Autowired
    UsageRollupService rollup;

    @Test
    @SuppressWarnings("unchecked")
    void shouldSplitByModelWithTotalsAndAChartForTheChosenProvider() {
        LocalDate day = TestClock.today().minusDays(3);
        String provider = TestData.unique("rv");
        long user = TestData.insertUser(dsl, "Reported");
        PlatformRows rows = new PlatformRows(dsl);
        rows.usage(user, day.atTime(9, 0)).provider(provider).model("alpha").charged(7).insert();
        rows.usage(user, day.atTime(9, 5)).provider(provider).model("alpha").charged(3).insert();
        rows.usage(user, day.atTime(9, 9)).provider(provider).model("beta").charged(20).insert();
        rollup.rebuild(day, day.plusDays(1));
        openUiAs("analyst-ui", Role.ANALYST);
        UI.getCurrent().navigate(UsageReportView.class);

        _get(DatePicker.class, spec -> spec.withId("report-from")).setValue(day);
        _get(DatePicker.class, spec -> spec.withId("report-until")).setValue(day.plusDays(1));
        _get(ComboBox.class, spec -> spec.withId("report-provider")).setValue(provider);
        _get(Select.class, spec -> spec.withId("report-breakdown")).setValue(Breakdown.MODEL);

        Grid<UsageFigures> grid = _get(Grid.class, spec -> spec.withId("report-grid"));
        List<UsageFigures> shown = GridKt._findAll(grid);
        assertThat(shown).extracting(UsageFigures::key).containsExactly("alpha", "beta");
        assertThat(shown).extracting(UsageFigures::tokensCharged).containsExactly(10L, 20L);
        assertThat(GridKt._getFormattedRow(grid, 0)).contains("alpha", "2");
        assertThat(grid.getFooterRows().getFirst().getCell(grid.getColumnByKey("reports.charged")).getText()).isEqualTo("30");
        assertThat(_get(EChart.class, spec -> spec.withId("report-chart")).getOption()).contains("\"alpha\"", "\"beta\"", "\"bar\"");

        _get(Select.class, spec -> spec.withId("report-grouping")).setValue(Grouping.MONTH);
        assertThat(GridKt._findAll(grid)).extracting(UsageFigures::period).containsOnly(day.withDayOfMonth(1));
    }

    @Test
    void shouldRefuseSupportStaff() {
        openUiAs("agent-ui", Role.SUPPORT);
        assertNotAllowed(() -> UI.getCurrent().navigate(UsageReportView.class));
    }
}
