package ru.rusoragentai.console.analytics.downloads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import ru.rusoragentai.console.analytics.ReportException;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.support.DatabaseTest;
import ru.rusoragentai.console.support.TestData;

/**
 * Saved reports: private and shared, changed only by their owner, built on demand for whoever sees them and on their
 * schedule, once a day, into the owner's Downloads as the workbook their screen exports, in the language they were
 * saved in.
 */
class SavedReportIT extends DatabaseTest {

    @Autowired
    SavedReportService saved;
    @Autowired
    SavedReportSchedule schedule;
    @Autowired
    DownloadService downloads;
    @Autowired
    DownloadWorker worker;

    private static SavedReport.Params params(String language) {
        return new SavedReport.Params(30, "WEEK", "MODEL", Map.of("feature", "chat"), language);
    }

    @Test
    void shouldShareOnlySharedReportsAndLetOnlyTheOwnerChangeThem() {
        String owner = TestData.unique("analyst-owner-");
        String other = TestData.unique("analyst-other-");
        signInAs(owner, Role.ANALYST);
        long shared = saved.save("  Weekly usage by model  ", SavedReport.Kind.USAGE, params("en"), true, SavedReport.Schedule.NONE);
        long mine = saved.save("Private margin", SavedReport.Kind.MARGIN, params("en"), false, SavedReport.Schedule.NONE);
        assertThatThrownBy(() -> saved.save("Private margin", SavedReport.Kind.MARGIN, params("en"), false, SavedReport.Schedule.NONE))
                .isInstanceOf(ReportException.class);
        assertThatThrownBy(() -> saved.save(" ", SavedReport.Kind.MARGIN, params("en"), false, SavedReport.Schedule.NONE))
                .isInstanceOf(ReportException.class);

        signInAs(other, Role.ANALYST);
        var seen = saved.visible().stream().filter(r -> r.owner().equals(owner)).toList();
        assertThat(seen).extracting(SavedReport::id).containsExactly(shared);
        assertThat(seen.getFirst().name()).isEqualTo("Weekly usage by model");
        assertThat(seen.getFirst().mine()).isFalse();
        assertThat(seen.getFirst().params()).isEqualTo(params("en"));
        assertThatThrownBy(() -> saved.delete(shared)).isInstanceOf(ReportException.class);
        assertThatThrownBy(() -> saved.update(shared, false, SavedReport.Schedule.DAILY)).isInstanceOf(ReportException.class);
        assertThatThrownBy(() -> saved.buildNow(mine)).isInstanceOf(ReportException.class);
        long job = saved.buildNow(shared);
        assertThat(downloads.mine()).extracting(Download::id).contains(job);

        signInAs(owner, Role.ANALYST);
        saved.delete(shared);
        assertThat(saved.visible()).filteredOn(SavedReport::mine).extracting(SavedReport::id).containsExactly(mine);
        signInAs("support-1", Role.SUPPORT);
        assertThatThrownBy(() -> saved.visible()).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void shouldBuildScheduledReportsOnceADayIntoTheOwnersDownloadsInTheirLanguage() throws Exception {
        String owner = TestData.unique("analyst-sched-");
        signInAs(owner, Role.ANALYST);
        long id = saved.save("Daily revenue", SavedReport.Kind.REVENUE, new SavedReport.Params(7, "DAY", "CHANNEL", Map.of(), "ru"),
                false, SavedReport.Schedule.DAILY);
        saved.save("On demand only", SavedReport.Kind.TOKENS, params("en"), false, SavedReport.Schedule.NONE);

        assertThat(schedule.buildDue()).isGreaterThanOrEqualTo(1);
        assertThat(schedule.buildDue()).as("built once a day").isZero();

        Download built = downloads.mine().stream().filter(d -> d.title().startsWith("Daily revenue")).findFirst().orElseThrow();
        assertThat(downloads.mine()).noneMatch(d -> d.title().startsWith("On demand only"));
        assertThat(built.status()).isEqualTo(Download.Status.DONE);
        assertThat(built.fileName()).startsWith("Daily-revenue-").endsWith(".xlsx");
        assertThat(saved.visible().stream().filter(r -> r.id() == id).findFirst().orElseThrow().lastBuilt()).isNotNull();
        try (XSSFWorkbook workbook = new XSSFWorkbook(downloads.open(built.id()).content())) {
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("Период");
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(1).getStringCellValue()).isEqualTo("Платёжный канал");
        }
    }
}
