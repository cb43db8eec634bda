package ru.rusoragentai.console.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.rusoragentai.db.Tables.APP_USER;
import static ru.rusoragentai.db.Tables.PAYMENT;
import static ru.rusoragentai.db.Tables.TOKEN_LEDGER;
import static ru.rusoragentai.db.Tables.USAGE_DAILY;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.rusoragentai.console.analytics.MoneyReportService.RevenueSplit;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.support.DatabaseTest;
import ru.rusoragentai.console.support.TestClock;
import ru.rusoragentai.console.support.TestClockConfiguration;
import ru.rusoragentai.console.support.TestData;
import ru.rusoragentai.console.support.TestDatabase;
import ru.rusoragentai.console.tokens.LedgerKind;
import ru.rusoragentai.console.tokens.LedgerRequest;
import ru.rusoragentai.console.tokens.TokenLedgerService;
import ru.rusoragentai.console.usage.UsageRollupService;
import ru.rusoragentai.console.users.UserService;

/**
 * Revenue and the token economy on a database of their own, so that every payment and ledger row is one the test
 * inserted: the figures are computed here from those rows, across a month, with a user who restricts processing after
 * the roll-up was built and one whose account is gone.
 */
@Import(TestClockConfiguration.class)
@SpringBootTest(properties = {"console.demo.seed-on-empty=false", "console.jobs.enabled=false",
        "console.crypto.master-key=" + DatabaseTest.TEST_MASTER_KEY})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MoneyReportIT {

    private static final String URL = TestDatabase.newDatabase("money");

    @Autowired
    MoneyReportService reports;
    @Autowired
    UsageRollupService rollup;
    @Autowired
    UserService users;
    @Autowired
    TokenLedgerService ledger;
    @Autowired
    TopUsersService top;
    @Autowired
    DSLContext dsl;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    private record Payment(long user, String channel, String product, String currency, long amount, long tokens, String status,
                           LocalDate paid, LocalDate changed) {
    }

    private record Entry(long user, LocalDate day, LedgerKind kind, long delta) {
    }

    private final List<Payment> payments = new ArrayList<>();
    private final List<Entry> entries = new ArrayList<>();
    private LocalDate from;
    private LocalDate until;
    private LocalDate firstOfMonth;
    private long a;
    private long b;
    private long restricted;
    private long gone;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, URL);
    }

    @BeforeAll
    void insertMoneyAcrossAMonth() {
        until = TestClock.today().minusDays(2);
        from = until.minusDays(35);
        firstOfMonth = until.minusDays(3).withDayOfMonth(1);
        LocalDate before = firstOfMonth.minusDays(2);
        LocalDate after = firstOfMonth.plusDays(1);
        a = TestData.insertUser(dsl, "Buyer A");
        b = TestData.insertUser(dsl, "Buyer B");
        restricted = TestData.insertUser(dsl, "Restricted Later");
        gone = TestData.insertUser(dsl, "Gone");
        pay(a, "pay-one", "pack-s", "RUB", 49_900, 100_000, "succeeded", before, before);
        pay(a, "pay-one", "pack-l", "RUB", 99_900, 250_000, "refunded", after, after.plusDays(1));
        pay(a, "pay-one", "pack-s", "RUB", 49_900, 100_000, "succeeded", after.plusDays(1), after.plusDays(1));
        pay(b, "pay-two", "pack-s", "USD", 500, 100_000, "charged_back", before, after);
        pay(restricted, "pay-one", "pack-s", "RUB", 49_900, 100_000, "succeeded", before, before);
        pay(gone, "pay-one", "pack-s", "RUB", 49_900, 100_000, "succeeded", after, after);
        credit(a, before, LedgerKind.PURCHASE, 100_000);
        credit(a, before, LedgerKind.BONUS, 5_000);
        credit(a, before, LedgerKind.USAGE, -30_000);
        credit(a, after, LedgerKind.USAGE, -20_000);
        credit(a, after, LedgerKind.EXPIRY, -1_000);
        credit(b, before, LedgerKind.ADJUSTMENT, 7_000);
        credit(b, after, LedgerKind.ADJUSTMENT, -2_000);
        credit(restricted, before, LedgerKind.PURCHASE, 100_000);
        credit(gone, after, LedgerKind.BONUS, 9_000);
        rollup.rebuild(from.minusDays(10), until);
        // per-user usage (top users read it); after the rebuild, which makes it from events and this database has none
        for (long[] usage : new long[][] {{a, 500}, {b, 300}, {restricted, 900}, {gone, 1_000}}) {
            dsl.insertInto(USAGE_DAILY).set(USAGE_DAILY.USER_ID, usage[0]).set(USAGE_DAILY.DAY, before)
                    .set(USAGE_DAILY.MODEL, "m1").set(USAGE_DAILY.PROVIDER, "p1").set(USAGE_DAILY.EVENTS, 3)
                    .set(USAGE_DAILY.INPUT_TOKENS, 10L).set(USAGE_DAILY.OUTPUT_TOKENS, 1L).set(USAGE_DAILY.TOKENS_CHARGED, usage[1]).execute();
        }
        signIn("support-1", Role.SUPPORT);
        users.setProcessingRestricted(restricted, users.profile(restricted).version(), true, "asked by email");
        // an account the platform deleted: its rows stay, its data is left out of analytics
        dsl.update(APP_USER).set(APP_USER.STATUS, "deleted").where(APP_USER.ID.eq(gone)).execute();
        rollup.userDataChanged(gone);
        rollup.rebuildDirtyDays();
        signIn("analyst-1", Role.ANALYST);
    }

    @BeforeEach
    void signInAsAnalyst() {
        signIn("analyst-1", Role.ANALYST);
    }

    private void pay(long user, String channel, String product, String currency, long amount, long tokens, String status,
                     LocalDate paid, LocalDate changed) {
        dsl.insertInto(PAYMENT).set(PAYMENT.CHANNEL, channel).set(PAYMENT.EXTERNAL_ID, TestData.unique("ext-"))
                .set(PAYMENT.USER_ID, user).set(PAYMENT.AMOUNT_MINOR, amount).set(PAYMENT.CURRENCY, currency)
                .set(PAYMENT.TOKENS, tokens).set(PAYMENT.PRODUCT_ID, product).set(PAYMENT.STATUS, status)
                .set(PAYMENT.PAID_AT, paid.atTime(10, payments.size())).set(PAYMENT.CREATED_AT, paid.atTime(10, 0))
                .set(PAYMENT.UPDATED_AT, changed.atTime(12, 0)).execute();
        payments.add(new Payment(user, channel, product, currency, amount, tokens, status, paid, changed));
    }

    /** A real ledger entry (balances stay consistent), moved to the day it should have happened on. */
    private void credit(long user, LocalDate day, LedgerKind kind, long delta) {
        String key = TestData.unique("money-");
        ledger.apply(new LedgerRequest(user, delta, kind, null, "test", key, true));
        dsl.update(TOKEN_LEDGER).set(TOKEN_LEDGER.CREATED_AT, day.atTime(9, entries.size())).where(TOKEN_LEDGER.IDEMPOTENCY_KEY.eq(key))
                .execute();
        entries.add(new Entry(user, day, kind, delta));
    }

    private void signIn(String username, Role role) {
        var context = securityContexts.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(username, "n/a",
                List.of(new SimpleGrantedAuthority(role.authority()))));
        securityContexts.setContext(context);
    }

    private boolean analysed(long user) {
        return user != restricted && user != gone;
    }

    @Test
    void shouldAddUpRevenuePerMonthAndCurrencyWithFirstAndRepeatPurchasesRefundsAndChargebacks() {
        MoneyReportService.RevenueReport report = reports.revenue(from, until, Grouping.MONTH, RevenueSplit.NONE, null, null);

        for (RevenueFigures row : report.rows()) {
            Predicate<Payment> paidIn = p -> analysed(p.user()) && p.currency().equals(row.currency())
                    && Grouping.MONTH.start(p.paid()).equals(row.period());
            Predicate<Payment> changedIn = p -> analysed(p.user()) && p.currency().equals(row.currency())
                    && Grouping.MONTH.start(p.changed()).equals(row.period());
            List<Payment> paid = payments.stream().filter(paidIn).toList();
            assertThat(row.purchases()).as(row.toString()).isEqualTo(paid.size());
            assertThat(row.grossMinor()).isEqualTo(paid.stream().mapToLong(Payment::amount).sum());
            assertThat(row.tokensSold()).isEqualTo(paid.stream().mapToLong(Payment::tokens).sum());
            assertThat(row.firstPurchases()).isEqualTo(paid.stream().filter(this::first).count());
            assertThat(row.refundedMinor()).isEqualTo(payments.stream().filter(changedIn.and(p -> p.status().equals("refunded")))
                    .mapToLong(Payment::amount).sum());
            assertThat(row.chargedBackMinor()).isEqualTo(payments.stream().filter(changedIn.and(p -> p.status().equals("charged_back")))
                    .mapToLong(Payment::amount).sum());
        }
        assertThat(report.rows()).extracting(RevenueFigures::period).contains(firstOfMonth.minusMonths(1), firstOfMonth);
        assertThat(report.totals()).extracting(RevenueFigures::currency).containsExactly("RUB", "USD");
        RevenueFigures rub = report.totals().getFirst();
        assertThat(rub.netMinor()).isEqualTo(49_900 + 99_900 + 49_900 - 99_900);
        assertThat(rub.repeatPurchases()).isEqualTo(2);
        assertThat(report.totals().getLast().netMinor()).isZero();
        assertThat(reports.revenue(from, until, Grouping.DAY, RevenueSplit.PRODUCT, "pay-one", null).rows())
                .extracting(RevenueFigures::key).containsOnly("pack-s", "pack-l");
    }

    /** The user's earliest payment of all, whatever happened to it later. */
    private boolean first(Payment payment) {
        return payments.stream().filter(p -> p.user() == payment.user()).min(java.util.Comparator.comparing(Payment::paid)
                .thenComparing(p -> payments.indexOf(p))).orElseThrow() == payment;
    }

    @Test
    void shouldBalanceTheTokenEconomyAndCarryTheOutstandingTokensAcrossPeriods() throws Exception {
        MoneyReportService.TokenReport report = reports.tokens(from, until, Grouping.MONTH);

        long expectedNet = entries.stream().filter(e -> analysed(e.user())).mapToLong(Entry::delta).sum();
        assertThat(report.outstandingAtStart()).isZero();
        assertThat(report.totals().net()).isEqualTo(expectedNet);
        assertThat(report.totals().outstandingAtEnd()).isEqualTo(expectedNet);
        assertThat(report.totals().purchased()).isEqualTo(100_000);
        assertThat(report.totals().bonuses()).isEqualTo(5_000);
        assertThat(report.totals().credited()).isEqualTo(7_000);
        assertThat(report.totals().consumed()).isEqualTo(50_000);
        assertThat(report.totals().expired()).isEqualTo(1_000);
        assertThat(report.totals().takenBack()).isEqualTo(2_000);
        assertThat(report.rows()).hasSize(2);
        long firstMonth = entries.stream().filter(e -> analysed(e.user()) && e.day().isBefore(firstOfMonth)).mapToLong(Entry::delta).sum();
        assertThat(report.rows().getFirst().outstandingAtEnd()).isEqualTo(firstMonth);
        assertThat(reports.tokens(firstOfMonth, until, Grouping.DAY).outstandingAtStart()).as("opening balance").isEqualTo(firstMonth);

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        reports.exportTokens(from, until, Grouping.MONTH, ExportFormat.XLSX, key -> key, xlsx);
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(9).getStringCellValue()).isEqualTo("tokens.outstanding");
            assertThat((long) sheet.getRow(3).getCell(9).getNumericCellValue()).isEqualTo(expectedNet);
        }
    }

    @Test
    void shouldRankTheTopUsersUnderPseudonymsThatChangeWithEveryViewAndExportAndNameNoOne() throws Exception {
        List<TopUsersService.TopUser> byUsage = top.top(from, until, false);
        List<TopUsersService.TopUser> again = top.top(from, until, false);
        List<TopUsersService.TopUser> bySpend = top.top(from, until, true);

        assertThat(byUsage).extracting(TopUsersService.TopUser::tokensCharged).containsExactly(500L, 300L);
        assertThat(bySpend).extracting(TopUsersService.TopUser::tokensBought).containsExactly(450_000L, 100_000L);
        assertThat(byUsage).allSatisfy(u -> assertThat(u.pseudonym()).matches("u-[A-Za-z0-9_-]{16}"));
        assertThat(byUsage.getFirst().pseudonym()).as("a new key per view").isNotEqualTo(again.getFirst().pseudonym());
        assertThat(byUsage.getFirst().pseudonym()).isNotEqualTo(byUsage.get(1).pseudonym());

        ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
        top.export(from, until, false, ExportFormat.XLSX, key -> key, xlsx);
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        top.export(from, until, true, ExportFormat.CSV, key -> key, csv);
        String exported = unzippedText(xlsx.toByteArray()) + new String(csv.toByteArray(), java.nio.charset.StandardCharsets.UTF_8);
        for (var user : dsl.selectFrom(APP_USER).where(APP_USER.ID.in(a, b, restricted, gone)).fetch()) {
            for (Object identifier : new Object[] {user.getUsername(), user.getDisplayName(), user.getEmail(), user.getTelegramUserId()}) {
                if (identifier != null) {
                    assertThat(exported).as("an export names " + identifier).doesNotContain(identifier.toString());
                }
            }
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.toByteArray()))) {
            String first = workbook.getSheetAt(0).getRow(1).getCell(1).getStringCellValue();
            assertThat(first).matches("u-[A-Za-z0-9_-]{16}").isNotEqualTo(byUsage.getFirst().pseudonym());
        }
    }

    private static String unzippedText(byte[] zip) throws Exception {
        StringBuilder text = new StringBuilder();
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                text.append(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        return text.toString();
    }
}
