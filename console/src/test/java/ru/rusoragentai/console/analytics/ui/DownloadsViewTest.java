package ru.rusoragentai.console.analytics.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.rusoragentai.console.analytics.UsageQuery;
import ru.rusoragentai.console.analytics.downloads.Download;
import ru.rusoragentai.console.analytics.downloads.DownloadService;
import ru.rusoragentai.console.analytics.downloads.EventFormat;
import ru.rusoragentai.console.jobs.ClusterJob;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.support.KaribuTest;
import ru.rusoragentai.console.support.PlatformRows;
import ru.rusoragentai.console.support.TestClock;
import ru.rusoragentai.console.support.TestData;
import ru.rusoragentai.console.usage.UsageRollupService;

class DownloadsViewTest extends KaribuTest {

    @Autowired
    UsageRollupService rollup;
    @Autowired
    DownloadService downloads;
    @Autowired
    List<ClusterJob> jobs;

    @Test
    @SuppressWarnings("unchecked")
    void shouldQueueTheEventExportFromTheUsageReportAndListItReadyBesideACancelledOne() {
        LocalDate day = TestClock.today().minusDays(4);
        String provider = TestData.unique("dv");
        long user = TestData.insertUser(dsl, "Downloaded");
        new PlatformRows(dsl).usage(user, day.atTime(9, 0)).provider(provider).model("alpha").charged(7).insert();
        rollup.rebuild(day, day.plusDays(1));
        openUiAs("analyst-downloads", Role.ANALYST);
        UI.getCurrent().navigate(UsageReportView.class);
        _get(DatePicker.class, spec -> spec.withId("report-from")).setValue(day);
        _get(DatePicker.class, spec -> spec.withId("report-until")).setValue(day.plusDays(1));
        _get(ComboBox.class, spec -> spec.withId("report-provider")).setValue(provider);

        _click(_get(Button.class, spec -> spec.withId("report-export-events")));
        _get(RadioButtonGroup.class, spec -> spec.withId("event-export-format")).setValue(EventFormat.CSV_GZ);
        _click(_get(Button.class, spec -> spec.withId("event-export-queue")));
        long cancelled = downloads.requestEvents(UsageQuery.of(day, day.plusDays(1)), EventFormat.XLSX, key -> key);
        downloads.cancel(cancelled);
        jobs.stream().filter(job -> job.name().equals("analyst-exports")).findFirst().orElseThrow().run();
        UI.getCurrent().navigate(DownloadsView.class);

        Grid<Download> grid = _get(Grid.class, spec -> spec.withId("downloads-grid"));
        List<Download> shown = GridKt._findAll(grid);
        assertThat(shown).extracting(Download::status).containsExactly(Download.Status.CANCELLED, Download.Status.DONE);
        Download ready = shown.get(1);
        assertThat(ready.title()).contains(provider).contains(day.toString());
        assertThat(ready.rowsDone()).isEqualTo(1);
        assertThat(ready.available()).isTrue();
        assertThat(GridKt._getCellComponent(grid, 1, "actions").getChildren().findFirst().orElseThrow()).isInstanceOf(Anchor.class);
        assertThat(GridKt._getCellComponent(grid, 0, "actions").getChildren()).isEmpty();
        assertThat(((com.vaadin.flow.component.html.Span) GridKt._getCellComponent(grid, 0, "status")).getText()).isEqualTo("Cancelled");
    }

    @Test
    void shouldRefuseSupportStaff() {
        openUiAs("agent-ui", Role.SUPPORT);
        assertNotAllowed(() -> UI.getCurrent().navigate(DownloadsView.class));
    }
}
