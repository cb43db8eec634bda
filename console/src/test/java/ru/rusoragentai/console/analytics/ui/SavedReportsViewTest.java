package ru.rusoragentai.console.analytics.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.QueryParameters;
import org.junit.jupiter.api.Test;
import ru.rusoragentai.console.analytics.MoneyReportService.RevenueSplit;
import ru.rusoragentai.console.analytics.downloads.SavedReport;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.support.KaribuTest;
import ru.rusoragentai.console.support.TestClock;
import ru.rusoragentai.console.support.TestData;

class SavedReportsViewTest extends KaribuTest {

    @Test
    @SuppressWarnings("unchecked")
    void shouldSaveAReportFromItsScreenListItAndOpenItWithItsFilters() {
        String analyst = TestData.unique("analyst-saves-");
        String name = TestData.unique("Revenue per channel ");
        openUiAs(analyst, Role.ANALYST);
        UI.getCurrent().navigate(RevenueReportView.class);
        _get(DatePicker.class, spec -> spec.withId("revenue-from")).setValue(TestClock.today().minusDays(14));
        _get(Select.class, spec -> spec.withId("revenue-split")).setValue(RevenueSplit.CHANNEL);

        _click(_get(Button.class, spec -> spec.withId("revenue-save")));
        _click(_get(Button.class, spec -> spec.withId("save-report-save")));
        assertThat(_get(TextField.class, spec -> spec.withId("save-report-name")).isInvalid()).as("a name is required").isTrue();
        _get(TextField.class, spec -> spec.withId("save-report-name")).setValue(name);
        _get(Checkbox.class, spec -> spec.withId("save-report-shared")).setValue(true);
        _get(Select.class, spec -> spec.withId("save-report-schedule")).setValue(SavedReport.Schedule.WEEKLY);
        _click(_get(Button.class, spec -> spec.withId("save-report-save")));

        UI.getCurrent().navigate(SavedReportsView.class);
        Grid<SavedReport> grid = _get(Grid.class, spec -> spec.withId("saved-grid"));
        SavedReport row = GridKt._findAll(grid).stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
        assertThat(row.kind()).isEqualTo(SavedReport.Kind.REVENUE);
        assertThat(row.params().days()).isEqualTo(14);
        assertThat(row.shared()).isTrue();
        assertThat(row.schedule()).isEqualTo(SavedReport.Schedule.WEEKLY);
        assertThat(GridKt._getFormattedRow(grid, GridKt._findAll(grid).indexOf(row))).contains("Every Monday", "You", "Shared");

        UI.getCurrent().navigate("reports/revenue", QueryParameters.of("saved", Long.toString(row.id())));

        assertThat(_get(Select.class, spec -> spec.withId("revenue-split")).getValue()).isEqualTo(RevenueSplit.CHANNEL);
        assertThat(_get(DatePicker.class, spec -> spec.withId("revenue-from")).getValue()).isEqualTo(TestClock.today().minusDays(14));
    }

    @Test
    void shouldRefuseOperators() {
        openUiAs("operator-ui", Role.OPERATOR);
        assertNotAllowed(() -> UI.getCurrent().navigate(SavedReportsView.class));
    }
}
