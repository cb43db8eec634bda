package ru.rusoragentai.console.retention.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.rusoragentai.console.jobs.JobRun;
import ru.rusoragentai.console.jobs.JobRuns;
import ru.rusoragentai.console.retention.RetentionService;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.support.KaribuTest;

/** The screen on the shared test database: listing only ("Run now" deletes data; RetentionIT runs it on its own database). */
class RetentionViewTest extends KaribuTest {

    @Autowired
    JobRuns runs;

    @Test
    void shouldListRetentionRunsNewestFirst() {
        String marker = "usage: dropped [] marker " + System.nanoTime();
        runs.record(RetentionService.JOB, () -> marker);
        openUiAs("officer-ui", Role.PRIVACY_OFFICER);
        UI.getCurrent().navigate(RetentionView.class);

        @SuppressWarnings("unchecked")
        Grid<JobRun> grid = _get(Grid.class, spec -> spec.withId("retention-grid"));
        JobRun newest = GridKt._get(grid, 0);
        assertThat(newest.summary()).isEqualTo(marker);
        assertThat(newest.status()).isEqualTo("succeeded");
    }

    @Test
    void shouldSayARunsStatusAndSummaryInTheReadersLanguage() {
        runs.recordText(RetentionService.JOB, () -> new ru.rusoragentai.console.i18n.Text("retention.summary.run", "[]", 0L, 7L, 2L, 1L, 0L, 3L,
                new ru.rusoragentai.console.i18n.Text("retention.summary.abuse", 4L, 0L, 0L, 1L)));
        openUiAs("officer-ui", Role.PRIVACY_OFFICER);
        UI.getCurrent().setLocale(java.util.Locale.forLanguageTag("ru"));
        UI.getCurrent().navigate(RetentionView.class);

        @SuppressWarnings("unchecked")
        Grid<JobRun> grid = _get(Grid.class, spec -> spec.withId("retention-grid"));
        assertThat(GridKt._getFormattedRow(grid, 0)).contains("Успешно").anySatisfy(cell -> assertThat(cell)
                .contains("удалено старых строк: 7").contains("доставок вебхуков: 3").contains("удалено отметок о нарушениях: 4"));
        assertThat(GridKt._get(grid, 0).summary()).as("the English kept beside it").contains("older rows deleted: 7");
    }

    @Test
    void shouldRefuseSupportStaff() {
        openUiAs("agent-ui", Role.SUPPORT);
        assertNotAllowed(() -> UI.getCurrent().navigate(RetentionView.class));
    }
}
