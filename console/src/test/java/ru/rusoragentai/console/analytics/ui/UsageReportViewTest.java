package ru.rusoragentai.console.analytics.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static ru.rusoragentai.db.Tables.USAGE_DAILY;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import ru.rusoragentai.console.analytics.UsageReportRow;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.support.KaribuTest;
import ru.rusoragentai.console.support.TestData;

class UsageReportViewTest extends KaribuTest {

    @Test
    void shouldShowUsagePerDayAndModelForTheChosenDays() {
        LocalDate day = LocalDate.of(2026, 8, 3);
        String model = TestData.unique("report-view-model-");
        long user = TestData.insertUser(dsl, "Reported");
        dsl.insertInto(USAGE_DAILY).set(USAGE_DAILY.USER_ID, user).set(USAGE_DAILY.DAY, day).set(USAGE_DAILY.MODEL, model)
                .set(USAGE_DAILY.PROVIDER, "google").set(USAGE_DAILY.EVENTS, 4).set(USAGE_DAILY.INPUT_TOKENS, 40L)
                .set(USAGE_DAILY.OUTPUT_TOKENS, 4L).set(USAGE_DAILY.TOKENS_CHARGED, 9L).execute();
        openUiAs("analyst-ui", Role.ANALYST);
        UI.getCurrent().navigate(UsageReportView.class);

        _get(DatePicker.class, spec -> spec.withId("report-from")).setValue(day);
        _get(DatePicker.class, spec -> spec.withId("report-until")).setValue(day.plusDays(1));

        @SuppressWarnings("unchecked")
        Grid<UsageReportRow> grid = _get(Grid.class, spec -> spec.withId("report-grid"));
        assertThat(GridKt._findAll(grid)).filteredOn(r -> r.model().equals(model)).singleElement()
                .satisfies(r -> assertThat(r.tokensCharged()).isEqualTo(9));
    }

    @Test
    void shouldRefuseSupportStaff() {
        openUiAs("agent-ui", Role.SUPPORT);
        assertNotAllowed(() -> UI.getCurrent().navigate(UsageReportView.class));
    }
}
