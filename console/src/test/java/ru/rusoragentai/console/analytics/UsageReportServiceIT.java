package ru.rusoragentai.console.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.rusoragentai.db.Tables.APP_USER;
import static ru.rusoragentai.db.Tables.AUDIT_EVENT;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import ru.rusoragentai.console.privacy.Jurisdiction;
import ru.rusoragentai.console.privacy.NewPrivacyRequest;
import ru.rusoragentai.console.privacy.PrivacyRequest;
import ru.rusoragentai.console.privacy.PrivacyRequestService;
import ru.rusoragentai.console.privacy.RequestType;
import ru.rusoragentai.console.privacy.VerificationMethod;
import ru.rusoragentai.console.privacy.erasure.ErasureService;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.support.DatabaseTest;
import ru.rusoragentai.console.support.PlatformRows;
import ru.rusoragentai.console.support.TestClock;
import ru.rusoragentai.console.support.TestData;
import ru.rusoragentai.console.usage.UsageRollupService;
import ru.rusoragentai.console.users.UserService;

/**
 * The usage report against figures computed here from the raw events the test inserts (never from the roll-up): a
 * range that crosses a month, a user who restricts processing after the roll-up was built and a user erased through
 * the real erasure; each test has a provider of its own so the shared database's other rows stay out.
 */
class UsageReportServiceIT extends DatabaseTest {

    @Autowired
    UsageReportService reports;
    @Autowired
    UsageRollupService rollup;
    @Autowired
    UserService users;
    @Autowired
    PrivacyRequestService requests;
    @Autowired
    ErasureService erasures;

    private final List<Event> inserted = new ArrayList<>();
    private String provider;
    private String formulaModel;
    private LocalDate from;
    private LocalDate until;
    private LocalDate firstOfMonth;
    private long counted;
    private long other;
    private long restricted;
    private long erased;

    /** One inserted event as the test remembers it. */
    private record Event(long user, LocalDate day, String model, String feature, String country, int input, int output,
                         long charged, int latency, String status) {
    }

    @BeforeEach
    void insertUsageAcrossAMonth() {
        provider = TestData.unique("rp");
        formulaModel = "=cmd|" + TestData.unique("m");
        until = TestClock.today().minusDays(2);
        from = until.minusDays(35);
        firstOfMonth = until.minusDays(3).withDayOfMonth(1);
        counted = TestData.insertUser(dsl, "Counted");
        other = TestData.insertUser(dsl, "Other");
        restricted = TestData.insertUser(dsl, "Restricted Later");
        erased = TestData.insertUser(dsl, "Erased Later");
        PlatformRows rows = new PlatformRows(dsl);
        LocalDate before = firstOfMonth.minusDays(2);
        LocalDate after = firstOfMonth.plusDays(1);
        long de = rows.session(counted, before.atTime(8, 0), "198.51.100.7").place("DE", "Berlin").insert();
        long fr = rows.session(other, before.atTime(9, 0), "198.51.100.8").place("FR", "Paris").insert();
        event(rows, counted, before.atTime(10, 0), "m1", "chat", "DE", de, 80, "ok");
        event(rows, counted, before.atTime(11, 0), "m1", "chat", "DE", de, 450, "ok");
        event(rows, counted, before.atTime(12, 0), formulaModel, "code", "DE", de, 2_600, "error");
        event(rows, other, before.atTime(13, 0), "m1", "chat", "FR", fr, 130, "ok");
        event(rows, other, after.atTime(14, 0), "m1", "code", "--", null, 9_000, "rate_limited");
        event(rows, counted, after.atTime(15, 0), "m1", "code", "--", null, 700, "ok");
        for (int i = 0; i < 4; i++) {
            event(rows, restricted, before.atTime(16, i), "m1", "chat", "--", null, 300, "ok");
            event(rows, erased, after.atTime(17, i), "m1", "chat", "--", null, 300, "ok");
        }
        rollup.rebuild(from, until);
    }

    private void event(PlatformRows rows, long user, LocalDateTime at, String model, String feature, String country,
                       Long session, int latency, String status) {
        int input = 100 + inserted.size() * 7;
        int output = 10 + inserted.size();
        long charged = 5 + inserted.size() * 3L;
        rows.usage(user, at).provider(provider).model(model).feature(feature).tokens(input, output).charged(charged)
                .latency(latency).status(status).session(session).insert();
        inserted.add(new Event(user, at.toLocalDate(), model, feature, country, input, output, charged, latency, status));
    }

    @Test
    void shouldAddUpPerMonthAndCountryLeavingOutRestrictedAndErasedUsers() throws Exception {
        signInAs("support-1", Role.SUPPORT);
        users.setProcessingRestricted(restricted, users.profile(restricted).version(), true, "asked by phone");
        eraseThroughThePrivacyDesk(erased);
        rollup.rebuildDirtyDays();
        Predicate<Event> analysed = e -> e.user() != restricted && e.user() != erased;
        signInAs("analyst-1", Role.ANALYST);

        UsageReport byMonth = reports.report(UsageQuery.of(from, until).grouped(Grouping.MONTH, Breakdown.NONE)
                .filtered(provider, null, null, null));
        UsageReport byCountry = reports.report(UsageQuery.of(from, until).grouped(Grouping.DAY, Breakdown.COUNTRY)
                .filtered(provider, null, null, null));

        assertThat(byMonth.rows()).extracting(UsageFigures::period).containsExactly(firstOfMonth.minusMonths(1), firstOfMonth);
        for (UsageFigures month : byMonth.rows()) {
            assertFigures(month, analysed.and(e -> Grouping.MONTH.start(e.day()).equals(month.period())));
        }
        assertFigures(byMonth.totals(), analysed);
        assertThat(byMonth.totals().users()).as("distinct users, not a sum of the months'").isEqualTo(2);
        assertThat(byCountry.rows()).extracting(UsageFigures::key).containsOnly("DE", "FR", "--");
        for (UsageFigures row : byCountry.rows()) {
            assertFigures(row, analysed.and(e -> e.day().equals(row.period()) && e.country().equals(row.key())));
        }
        assertThat(byCountry.choices().providers()).contains(provider);
        // split by the filtered dimension: the distinct users come from the per-dimension roll-up, rebuilt after the erasure
        UsageReport byProvider = reports.report(UsageQuery.of(from, until).grouped(Grouping.WEEK, Breakdown.PROVIDER)
                .filtered(provider, null, null, null));
        for (UsageFigures row : byProvider.rows()) {
            assertFigures(row, analysed.and(e -> Grouping.WEEK.start(e.day()).equals(row.period())));
        }
        assertFigures(byProvider.totals(), analysed);
        assertThat(dsl.fetchExists(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("analytics.viewed").and(AUDIT_EVENT.ACTOR.eq("analyst-1"))
                .and(AUDIT_EVENT.DETAILS.contains(provider)))).isTrue();
    }

    @Test
    void shouldNarrowToAModelAndFeature() {
        signInAs("analyst-2", Role.ANALYST);

        UsageReport report = reports.report(UsageQuery.of(from, until).grouped(Grouping.WEEK, Breakdown.FEATURE)
                .filtered(provider, "m1", "code", null));

        assertFigures(report.totals(), e -> e.model().equals("m1") && e.feature().equals("code"));
        assertThat(report.rows()).allSatisfy(r -> assertThat(r.period().getDayOfWeek()).isEqualTo(java.time.DayOfWeek.MONDAY));
    }

    @Test
    void shouldExportExactlyTheScreenWithTotalsKeepingTrueTextInTheWorkbookOnly() throws Exception {
        signInAs("analyst-3", Role.ANALYST);
        UsageQuery query = UsageQuery.of(from, until).grouped(Grouping.MONTH, Breakdown.MODEL).filtered(provider, null, null, null);
        UsageReport shown = reports.report(query);

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        reports.export(query, ExportFormat.XLSX, key -> key, xlsx);
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        reports.export(query, ExportFormat.CSV_WITH_BOM, key -> key, csv);

        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("reports.requests");
            assertThat(sheet.getPaneInformation().isFreezePane()).isTrue();
            assertThat(sheet.getCTWorksheet().isSetAutoFilter()).isTrue();
            assertThat(sheet.getLastRowNum()).isEqualTo(shown.rows().size() + 1);
            Row formula = find(sheet, formulaModel);
            assertThat(formula.getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(formula.getCell(0).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(firstOfMonth.minusMonths(1));
            Row totals = sheet.getRow(sheet.getLastRowNum());
            assertThat(totals.getCell(1).getStringCellValue()).isEqualTo("reports.total");
            assertThat((long) totals.getCell(2).getNumericCellValue()).isEqualTo(shown.totals().requests());
            assertThat(totals.getCell(2).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
        }
        try (ZipInputStream parts = new ZipInputStream(new ByteArrayInputStream(xlsx.toByteArray()))) {
            for (ZipEntry part = parts.getNextEntry(); part != null; part = parts.getNextEntry()) {
                assertThat(part.getTimeLocal().getYear()).as(part.getName()).isGreaterThanOrEqualTo(2020);
            }
        }
        byte[] bytes = csv.toByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(new String(bytes, 3, bytes.length - 3,
                StandardCharsets.UTF_8))).getRecords();
        assertThat(records).hasSize(shown.rows().size() + 2);
        assertThat(records).filteredOn(r -> r.get(1).contains(formulaModel.substring(1))).singleElement()
                .satisfies(r -> assertThat(r.get(1)).isEqualTo("'" + formulaModel));
        assertThat(records.getLast().get(2)).isEqualTo(Long.toString(shown.totals().requests()));
        assertThat(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("analytics.export").and(AUDIT_EVENT.ACTOR.eq("analyst-3")))).isEqualTo(2);
    }

    @Test
    void shouldRefuseSupportStaffAndSillyRanges() {
        signInAs("analyst-4", Role.ANALYST);
        assertThatThrownBy(() -> reports.report(UsageQuery.of(from, from))).isInstanceOf(ReportException.class)
                .hasMessageContaining("at most 400 days");
        assertThatThrownBy(() -> reports.report(UsageQuery.of(from, from.plusDays(500)))).isInstanceOf(ReportException.class);
        signInAs("agent-9", Role.SUPPORT);
        assertThatThrownBy(() -> reports.report(UsageQuery.of(from, until))).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> reports.export(UsageQuery.of(from, until), ExportFormat.CSV, k -> k,
                new ByteArrayOutputStream())).isInstanceOf(AccessDeniedException.class);
    }

    /** The figures of the events the predicate selects, computed from what was inserted. */
    private void assertFigures(UsageFigures figures, Predicate<Event> which) {
        List<Event> events = inserted.stream().filter(which).toList();
        assertThat(figures.requests()).isEqualTo(events.size());
        assertThat(figures.users()).isEqualTo(events.stream().map(Event::user).distinct().count());
        assertThat(figures.inputTokens()).isEqualTo(events.stream().mapToLong(Event::input).sum());
        assertThat(figures.outputTokens()).isEqualTo(events.stream().mapToLong(Event::output).sum());
        assertThat(figures.tokensCharged()).isEqualTo(events.stream().mapToLong(Event::charged).sum());
        assertThat(figures.errors()).isEqualTo(events.stream().filter(e -> !e.status().equals("ok")).count());
        List<Integer> latencies = events.stream().map(Event::latency).sorted().toList();
        assertThat(LatencyHistogram.bucketOf(figures.p50Millis())).as("p50 in the bucket of the exact one")
                .isEqualTo(LatencyHistogram.bucketOf(latencies.get((int) Math.ceil(0.5 * latencies.size()) - 1)));
        assertThat(LatencyHistogram.bucketOf(figures.p95Millis())).as("p95 in the bucket of the exact one")
                .isEqualTo(LatencyHistogram.bucketOf(latencies.get((int) Math.ceil(0.95 * latencies.size()) - 1)));
    }

    private void eraseThroughThePrivacyDesk(long userId) {
        String username = dsl.select(APP_USER.USERNAME).from(APP_USER).where(APP_USER.ID.eq(userId)).fetchSingle().value1();
        signInAs("officer-1", Role.PRIVACY_OFFICER);
        PrivacyRequest request = requests.create(new NewPrivacyRequest("@" + username, RequestType.DELETION, "email",
                Jurisdiction.GDPR, null, null));
        PrivacyRequest verified = requests.verifyIdentity(request.id(), request.version(), VerificationMethod.EMAIL_CONFIRMATION, null);
        PrivacyRequest started = requests.startWork(verified.id(), verified.version());
        PrivacyRequest prepared = erasures.prepare(started.id(), started.version());
        signInAs("officer-2", Role.PRIVACY_OFFICER);
        erasures.approve(prepared.id(), prepared.version());
        assertThat(dsl.fetchExists(APP_USER, APP_USER.ID.eq(userId))).as("erased").isFalse();
    }

    private static Row find(Sheet sheet, String text) {
        for (Row row : sheet) {
            if (row.getCell(1) != null && row.getCell(1).getCellType() == CellType.STRING
                    && row.getCell(1).getStringCellValue().equals(text)) {
                return row;
            }
        }
        throw new AssertionError(text + " not in the workbook");
    }
}
