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
    void shouldRefuseSupportStaff() {
        openUiAs("agent-ui", Role.SUPPORT);
        assertNotAllowed(() -> UI.getCurrent().navigate(RetentionView.class));
    }
}
