package ru.rusoragentai.console.analytics.downloads;

import java.nio.file.attribute.FileTime;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.rusoragentai.db.Tables.APP_USER;
import static ru.rusoragentai.db.Tables.EXPORT_FILE;
import static ru.rusoragentai.db.Tables.REPORT_EXPORT;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import ru.rusoragentai.console.analytics.ReportException;
import ru.rusoragentai.console.analytics.UsageQuery;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.support.DatabaseTest;
import ru.rusoragentai.console.support.PlatformRows;
import ru.rusoragentai.console.support.TestClock;
import ru.rusoragentai.console.support.TestData;
import ru.rusoragentai.console.usage.UsageRollupService;
import ru.rusoragentai.console.users.UserService;

/**
 * The event-level export end to end on the real database: queued, built by the worker into an encrypted file, listed,
 * downloaded and read back; users only as pseudonyms that hold within one export; restricted users left out;
 * cancellation while queued and while running; only the requester sees it.
 */
class DownloadServiceIT extends DatabaseTest {

    @Autowired
    DownloadService downloads;
    @Autowired
    DownloadWorker worker;
    @Autowired
    UsageRollupService rollup;
    @Autowired
    UserService users;
    @Autowired
    DownloadProperties properties;

    private String provider;
    private LocalDate day;
    private long alice;
    private long bob;
    private long restricted;
    private final Map<Long, Integer> eventsPerUser = new HashMap<>();

    @BeforeEach
    void insertEvents() {
        provider = TestData.unique("xp");
        day = TestClock.today().minusDays(3);
        alice = TestData.insertUser(dsl, "Alice Exported");
        bob = TestData.insertUser(dsl, "Bob Exported");
        restricted = TestData.insertUser(dsl, "Restricted Exported");
        PlatformRows rows = new PlatformRows(dsl);
        long[][] plan = {{alice, 3}, {bob, 2}, {restricted, 4}};
        for (long[] each : plan) {
            for (int i = 0; i < each[1]; i++) {
                rows.usage(each[0], day.atTime(10, i)).provider(provider).model("=HYPERLINK(\"x\")").feature("chat").tokens(100, 10)
                        .charged(50).latency(300).status("ok").session(null).insert();
            }
            eventsPerUser.put(each[0], (int) each[1]);
        }
        rollup.rebuild(day, day.plusDays(1));
        signInAs("support-1", Role.SUPPORT);
        users.setProcessingRestricted(restricted, users.profile(restricted).version(), true, "asked by email");
        rollup.rebuildDirtyDays();
        signInAs("analyst-1", Role.ANALYST);
    }

    private UsageQuery query() {
        return UsageQuery.of(day, day.plusDays(1)).filtered(provider, null, null, null);
    }

    private Download built(long id) {
        worker.build(id);
        return downloads.mine().stream().filter(d -> d.id() == id).findFirst().orElseThrow();
    }

    private static List<String[]> csv(InputStream gzipped) throws Exception {
        List<String[]> lines = new ArrayList<>();
        try (GZIPInputStream in = new GZIPInputStream(gzipped)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r\n")) {
                lines.add(line.split(",", -1));
            }
        }
        return lines;
    }

    @Test
    void shouldBuildAnEncryptedGzippedCsvOfEveryEventUnderPseudonymsThatChangeWithEachExport() throws Exception {
        long first = downloads.requestEvents(query(), EventFormat.CSV_GZ, key -> key);
        long second = downloads.requestEvents(query(), EventFormat.CSV_GZ, key -> key);
        assertThat(downloads.mine()).extracting(Download::id).startsWith(second, first);
        assertThat(downloads.mine().getFirst().status()).isEqualTo(Download.Status.QUEUED);
        assertThat(downloads.mine().getFirst().rowsExpected()).as("the roll-up's count: restricted user left out").isEqualTo(5);

        Download done = built(first);
        built(second);

        assertThat(done.status()).isEqualTo(Download.Status.DONE);
        assertThat(done.rowsDone()).isEqualTo(5);
        assertThat(done.available()).isTrue();
        assertThat(done.expiresAt()).isEqualTo(dsl.select(EXPORT_FILE.CREATED_AT).from(EXPORT_FILE).join(REPORT_EXPORT)
                .on(REPORT_EXPORT.EXPORT_FILE_ID.eq(EXPORT_FILE.ID)).where(REPORT_EXPORT.ID.eq(first)).fetchSingle().value1().plusDays(7));
        String stored = dsl.select(EXPORT_FILE.STORAGE_PATH).from(EXPORT_FILE).join(REPORT_EXPORT).on(REPORT_EXPORT.EXPORT_FILE_ID.eq(EXPORT_FILE.ID))
                .where(REPORT_EXPORT.ID.eq(first)).fetchSingle().value1();
        byte[] onDisk = Files.readAllBytes(Path.of(stored));
        assertThat(onDisk[0] == (byte) 0x1f && onDisk[1] == (byte) 0x8b).as("stored encrypted, not as plain gzip").isFalse();

        List<String[]> a = csv(downloads.open(first).content());
        List<String[]> b = csv(downloads.open(second).content());
        assertThat(a.getFirst()).containsExactly("events.time", "events.user", "reports.breakdown.provider", "reports.breakdown.model",
                "reports.breakdown.feature", "reports.breakdown.country", "reports.tokens-in", "reports.tokens-out", "reports.charged",
                "events.latency", "events.status");
        List<String[]> rowsA = a.subList(1, a.size());
        assertThat(rowsA).hasSize(5).allSatisfy(row -> assertThat(row[2]).isEqualTo(provider));
        assertThat(rowsA.getFirst()[3]).as("formula-safe in CSV, quoted").startsWith("\"'=HYPERLINK");
        Map<String, Long> perPseudonym = new HashMap<>();
        rowsA.forEach(row -> perPseudonym.merge(row[1], 1L, Long::sum));
        assertThat(perPseudonym.values()).containsExactlyInAnyOrder(3L, 2L);
        assertThat(perPseudonym.keySet()).allSatisfy(p -> assertThat(p).matches("u-[A-Za-z0-9_-]{16}"));
        assertThat(b.subList(1, b.size()).stream().map(row -> row[1]).distinct()).as("another export, other pseudonyms")
                .doesNotContainAnyElementsOf(perPseudonym.keySet());
        String text = new String(new GZIPInputStream(downloads.open(first).content()).readAllBytes(), StandardCharsets.UTF_8);
        for (var user : dsl.selectFrom(APP_USER).where(APP_USER.ID.in(alice, bob, restricted)).fetch()) {
            for (Object identifier : new Object[] {user.getUsername(), user.getDisplayName(), user.getTelegramUserId()}) {
                assertThat(text).as("the export names " + identifier).doesNotContain(identifier.toString());
            }
            // the id where a user stands (searching the whole text for ",10," would find a token count of 10)
            assertThat(a).as("the export holds user id " + user.getId()).noneMatch(row -> row[1].equals(Long.toString(user.getId())));
        }
    }

    @Test
    void shouldWriteAWorkbookWithTrueTextAndRealTimes() throws Exception {
        long id = downloads.requestEvents(query(), EventFormat.XLSX, key -> key);

        assertThat(built(id).fileName()).endsWith(".xlsx");

        try (XSSFWorkbook workbook = new XSSFWorkbook(downloads.open(id).content())) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(5);
            Row first = sheet.getRow(1);
            assertThat(first.getCell(0).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(day);
            assertThat(first.getCell(3).getStringCellValue()).isEqualTo("=HYPERLINK(\"x\")");
            assertThat((long) first.getCell(8).getNumericCellValue()).isEqualTo(50);
        }
    }

    @Test
    void shouldRemoveTheFileOfABuildThatDiedButNotAFinishedOrARunningOne() throws Exception {
        long id = downloads.requestEvents(query(), EventFormat.CSV_GZ, key -> key);
        built(id);
        Path finished = Path.of(dsl.select(EXPORT_FILE.STORAGE_PATH).from(EXPORT_FILE).join(REPORT_EXPORT)
                .on(REPORT_EXPORT.EXPORT_FILE_ID.eq(EXPORT_FILE.ID)).where(REPORT_EXPORT.ID.eq(id)).fetchSingle().value1());
        Path store = finished.getParent();
        Path dead = Files.writeString(store.resolve(DownloadWorker.STORAGE_PREFIX + "dead-" + id + ".enc"), "half a file");
        Path running = Files.writeString(store.resolve(DownloadWorker.STORAGE_PREFIX + "running-" + id + ".enc"), "being written");
        Path privacyPackage = Files.writeString(store.resolve("package-" + id + ".enc"), "not an analyst export");
        FileTime longQuiet = FileTime.from(TestClock.get().instant().minus(properties.stale()).minusSeconds(60));
        for (Path quiet : List.of(finished, dead, privacyPackage)) {
            Files.setLastModifiedTime(quiet, longQuiet);
        }
        Files.setLastModifiedTime(running, FileTime.from(TestClock.get().instant()));

        worker.buildQueued();

        assertThat(dead).as("left by a build that died").doesNotExist();
        assertThat(finished).as("a finished export's file").exists();
        assertThat(running).as("a build still writing").exists();
        assertThat(privacyPackage).as("not an analyst export").exists();
        Files.deleteIfExists(running);
        Files.deleteIfExists(privacyPackage);
    }

    @Test
    void shouldCancelAQueuedExportAtOnceAndARunningOneAtItsNextProgressReport() {
        long queued = downloads.requestEvents(query(), EventFormat.CSV_GZ, key -> key);
        long running = downloads.requestEvents(query(), EventFormat.CSV_GZ, key -> key);

        downloads.cancel(queued);
        // the flag a cancel sets on a running build, which the worker reads every two rows here
        dsl.update(REPORT_EXPORT).set(REPORT_EXPORT.CANCEL_REQUESTED, true).where(REPORT_EXPORT.ID.eq(running)).execute();

        assertThat(built(queued).status()).isEqualTo(Download.Status.CANCELLED);
        Download stopped = built(running);
        assertThat(stopped.status()).isEqualTo(Download.Status.CANCELLED);
        assertThat(stopped.rowsDone()).isEqualTo(2);
        assertThat(stopped.available()).isFalse();
        assertThat(dsl.select(REPORT_EXPORT.EXPORT_FILE_ID).from(REPORT_EXPORT).where(REPORT_EXPORT.ID.eq(running)).fetchSingle().value1())
                .as("no file kept").isNull();
        assertThatThrownBy(() -> downloads.cancel(running)).isInstanceOf(ReportException.class);
        assertThatThrownBy(() -> downloads.open(running)).isInstanceOf(ReportException.class);
    }

    @Test
    void shouldKeepEachAnalystsExportsToThemselvesAndRefuseOtherRoles() {
        long id = downloads.requestEvents(query(), EventFormat.CSV_GZ, key -> key);
        built(id);

        signInAs("analyst-2", Role.ANALYST);
        assertThat(downloads.mine()).extracting(Download::id).doesNotContain(id);
        assertThatThrownBy(() -> downloads.open(id)).isInstanceOf(ReportException.class)
                .satisfies(e -> assertThat(((ReportException) e).key()).isEqualTo("downloads.error.not-yours"));
        assertThatThrownBy(() -> downloads.cancel(id)).isInstanceOf(ReportException.class);
        signInAs("support-1", Role.SUPPORT);
        assertThatThrownBy(() -> downloads.mine()).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> downloads.requestEvents(query(), EventFormat.XLSX, key -> key)).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void shouldRefuseARangeLongerThanFourHundredDays() {
        assertThatThrownBy(() -> downloads.requestEvents(UsageQuery.of(day.minusDays(401), day), EventFormat.CSV_GZ, key -> key))
                .isInstanceOf(ReportException.class);
        assertThat(new ByteArrayInputStream(new byte[0])).isNotNull();
    }
}
