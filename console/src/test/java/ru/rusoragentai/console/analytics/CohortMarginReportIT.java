package ru.rusoragentai.console.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.rusoragentai.db.Tables.APP_USER;
import static ru.rusoragentai.db.Tables.MODEL_CATALOGUE;
import static ru.rusoragentai.db.Tables.PAYMENT;
import static ru.rusoragentai.db.Tables.RECONCILIATION_DIFF;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.rusoragentai.console.analytics.CohortReportService.CohortTable;
import ru.rusoragentai.console.analytics.MarginReportService.MarginSplit;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.support.DatabaseTest;
import ru.rusoragentai.console.support.PlatformRows;
import ru.rusoragentai.console.support.TestClock;
import ru.rusoragentai.console.support.TestClockConfiguration;
import ru.rusoragentai.console.support.TestData;
import ru.rusoragentai.console.support.TestDatabase;
import ru.rusoragentai.console.usage.UsageRollupService;
import ru.rusoragentai.console.users.UserService;

/**
 * Cohorts, ARPU and margin on a database of their own, so that every user, event and payment is one the test inserted:
 * the figures are computed here from those rows (never from the roll-ups), over three months, with a user who restricts
 * processing after the roll-ups were built and one whose account is gone.
 */
@Import(TestClockConfiguration.class)
@SpringBootTest(properties = {"console.demo.seed-on-empty=false", "console.jobs.enabled=false",
        "console.crypto.master-key=" + DatabaseTest.TEST_MASTER_KEY, "console.pricing.usd-per-million-platform-tokens=30.00"})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CohortMarginReportIT {

    private static final String URL = TestDatabase.newDatabase("cohorts");

    @Autowired
    CohortReportService cohorts;
    @Autowired
    MarginReportService margins;
    @Autowired
    UsageRollupService rollup;
    @Autowired
    UserService users;
    @Autowired
    DSLContext dsl;
    @Autowired
    SecurityContextHolderStrategy securityContexts;

    private record User(long id, LocalDate signedUp) {
    }

    private record Event(long user, LocalDate day, String model, int input, int output, long charged) {
    }

    private record Payment(long user, String currency, long amount, boolean refunded, LocalDate paid, LocalDate changed) {
    }

    private final List<User> people = new ArrayList<>();
    private final List<Event> events = new ArrayList<>();
    private final List<Payment> payments = new ArrayList<>();
    private LocalDate from;
    private LocalDate until;
    private LocalDate reconciledDay;
    private long restricted;
    private long gone;

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        TestDatabase.register(registry, URL);
    }

    @BeforeAll
    void insertThreeMonths() {
        until = TestClock.today().minusDays(2);
        from = until.withDayOfMonth(1).minusMonths(2);
        LocalDate m0 = from;
        LocalDate m1 = from.plusMonths(1);
        LocalDate m2 = from.plusMonths(2);
        long early = user("Early", m0.plusDays(2));
        long brief = user("Brief", m0.plusDays(9));
        long later = user("Later", m1.plusDays(4));
        restricted = user("Restricted Later", m0.plusDays(3));
        gone = user("Gone", m1.plusDays(1));
        PlatformRows rows = new PlatformRows(dsl);
        reconciledDay = m1.plusDays(6);
        for (long[] use : new long[][] {{early, 0}, {early, 1}, {early, 2}, {brief, 0}, {later, 1}, {later, 2}, {restricted, 0},
                {restricted, 1}, {restricted, 2}, {gone, 1}}) {
            LocalDate day = use[1] == 0 ? m0.plusDays(12) : use[1] == 1 ? reconciledDay : m2.plusDays(Math.min(0, until.getDayOfMonth() - 2));
            event(rows, use[0], day.atTime(10, events.size()), "m1", 1_000, 200, 3_000);
            event(rows, use[0], day.atTime(11, events.size()), "m2", 500, 100, 1_000);
        }
        event(rows, early, reconciledDay.atTime(12, 0), "m3", 40, 4, 77);
        pay(early, "RUB", 99_000, false, m0.plusDays(3), m0.plusDays(3));
        pay(early, "RUB", 49_000, true, m0.plusDays(20), m1.plusDays(2));
        pay(later, "RUB", 59_900, false, m1.plusDays(5), m1.plusDays(5));
        pay(brief, "USD", 1_500, false, m0.plusDays(12), m0.plusDays(12));
        pay(restricted, "RUB", 10_000, false, m1.plusDays(1), m1.plusDays(1));
        pay(gone, "RUB", 20_000, false, m1.plusDays(2), m1.plusDays(2));
        dsl.insertInto(MODEL_CATALOGUE).set(MODEL_CATALOGUE.PROVIDER, "p1").set(MODEL_CATALOGUE.MODEL, "m1")
                .set(MODEL_CATALOGUE.PLUGIN_ID, "test").set(MODEL_CATALOGUE.DISPLAY_NAME, "M1")
                .set(MODEL_CATALOGUE.USD_PER_MILLION_INPUT, new BigDecimal("3.0000"))
                .set(MODEL_CATALOGUE.USD_PER_MILLION_OUTPUT, new BigDecimal("15.0000")).set(MODEL_CATALOGUE.FETCHED_AT, TestClock.now()).execute();
        dsl.insertInto(MODEL_CATALOGUE).set(MODEL_CATALOGUE.PROVIDER, "p1").set(MODEL_CATALOGUE.MODEL, "m2")
                .set(MODEL_CATALOGUE.PLUGIN_ID, "test").set(MODEL_CATALOGUE.DISPLAY_NAME, "M2")
                .set(MODEL_CATALOGUE.USD_PER_MILLION_INPUT, new BigDecimal("0.2500"))
                .set(MODEL_CATALOGUE.USD_PER_MILLION_OUTPUT, new BigDecimal("1.2500")).set(MODEL_CATALOGUE.FETCHED_AT, TestClock.now()).execute();
        // the provider reported its own cost for m1 on one day: 0.05 USD for everyone's tokens that day (the restricted
        // and the gone user's too, so only the analysed users' share of it counts)
        long dayTokens = events.stream().filter(e -> e.day().equals(reconciledDay) && e.model().equals("m1"))
                .mapToLong(e -> e.input() + e.output()).sum();
        dsl.insertInto(RECONCILIATION_DIFF).set(RECONCILIATION_DIFF.PROVIDER, "p1").set(RECONCILIATION_DIFF.DAY, reconciledDay)
                .set(RECONCILIATION_DIFF.MODEL, "m1").set(RECONCILIATION_DIFF.PROVIDER_COST, new BigDecimal("0.050000"))
                .set(RECONCILIATION_DIFF.OUR_INPUT, dayTokens).set(RECONCILIATION_DIFF.OUR_OUTPUT, 0L)
                .set(RECONCILIATION_DIFF.CHECKED_AT, TestClock.now()).execute();
        rollup.rebuild(from.minusDays(3), until);
        signIn("support-1", Role.SUPPORT);
        users.setProcessingRestricted(restricted, users.profile(restricted).version(), true, "asked by email");
        dsl.update(APP_USER).set(APP_USER.STATUS, "deleted").where(APP_USER.ID.eq(gone)).execute();
        rollup.userDataChanged(gone);
        rollup.rebuildDirtyDays();
    }

    @BeforeEach
    void signInAsAnalyst() {
        signIn("analyst-1", Role.ANALYST);
    }

    private long user(String name, LocalDate signedUp) {
        long id = TestData.insertUser(dsl, name);
        dsl.update(APP_USER).set(APP_USER.CREATED_AT, signedUp.atTime(9, 0)).where(APP_USER.ID.eq(id)).execute();
        people.add(new User(id, signedUp));
        return id;
    }

    private void event(PlatformRows rows, long user, LocalDateTime at, String model, int input, int output, long charged) {
        rows.usage(user, at).provider("p1").model(model).feature("chat").tokens(input, output).charged(charged).latency(300)
                .status("ok").session(null).insert();
        events.add(new Event(user, at.toLocalDate(), model, input, output, charged));
    }

    private void pay(long user, String currency, long amount, boolean refunded, LocalDate paid, LocalDate changed) {
        dsl.insertInto(PAYMENT).set(PAYMENT.CHANNEL, "pay-one").set(PAYMENT.EXTERNAL_ID, TestData.unique("ext-"))
                .set(PAYMENT.USER_ID, user).set(PAYMENT.AMOUNT_MINOR, amount).set(PAYMENT.CURRENCY, currency)
                .set(PAYMENT.TOKENS, 100_000L).set(PAYMENT.PRODUCT_ID, "pack").set(PAYMENT.STATUS, refunded ? "refunded" : "succeeded")
                .set(PAYMENT.PAID_AT, paid.atTime(10, 0)).set(PAYMENT.CREATED_AT, paid.atTime(10, 0))
                .set(PAYMENT.UPDATED_AT, changed.atTime(12, 0)).execute();
        payments.add(new Payment(user, currency, amount, refunded, paid, changed));
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

    private LocalDate month(LocalDate day) {
        return Grouping.MONTH.start(day);
    }

    /** Net revenue of a month in a currency from the payments: paid in it, less refunded in it. */
    private long net(Predicate<Payment> which, LocalDate month, String currency) {
        return payments.stream().filter(which.and(p -> p.currency().equals(currency)))
                .mapToLong(p -> (month(p.paid()).equals(month) ? p.amount() : 0) - (p.refunded() && month(p.changed()).equals(month) ? p.amount() : 0))
                .sum();
    }

    @Test
    void shouldCountEachCohortsActiveShareAndRevenuePerMonthLeavingOutRestrictedAndGoneUsers() {
        CohortReport report = cohorts.cohorts(from, until, Grouping.MONTH);

        assertThat(report.periods()).containsExactly(from, from.plusMonths(1), from.plusMonths(2));
        List<LocalDate> cohortMonths = people.stream().filter(u -> analysed(u.id())).map(u -> month(u.signedUp())).distinct().sorted().toList();
        assertThat(report.cohorts()).extracting(CohortReport.Cohort::period).containsExactlyElementsOf(cohortMonths);
        for (CohortReport.Cohort cohort : report.cohorts()) {
            Set<Long> members = people.stream().filter(u -> analysed(u.id()) && month(u.signedUp()).equals(cohort.period()))
                    .map(User::id).collect(Collectors.toSet());
            assertThat(cohort.users()).isEqualTo(members.size());
            for (int offset = 0; offset < cohort.active().size(); offset++) {
                LocalDate then = cohort.period().plusMonths(offset);
                long active = events.stream().filter(e -> members.contains(e.user()) && month(e.day()).equals(then))
                        .map(Event::user).distinct().count();
                assertThat(cohort.active().get(offset)).as(cohort.period() + " +" + offset).isEqualTo(active);
                List<Long> revenue = cohort.revenue().get("RUB");
                if (revenue != null) {
                    assertThat(revenue.get(offset)).isEqualTo(net(p -> members.contains(p.user()), then, "RUB"));
                }
            }
        }
        assertThat(report.cohorts().getFirst().users()).as("early and brief; restricted left out").isEqualTo(2);
        assertThat(report.cohorts().getFirst().activeShare(1)).isEqualTo(0.5);
        assertThat(report.cohorts().getFirst().revenue().get("RUB")).containsExactly(99_000L + 49_000, -49_000L, 0L);
    }

    @Test
    void shouldDivideEachMonthsNetRevenueByItsActiveAndPayingUsers() {
        CohortReport report = cohorts.cohorts(from, until, Grouping.MONTH);

        assertThat(report.periodRows()).extracting(CohortReport.PeriodFigures::currency).containsOnly("RUB", "USD");
        for (CohortReport.PeriodFigures row : report.periodRows()) {
            long active = events.stream().filter(e -> analysed(e.user()) && month(e.day()).equals(row.period())).map(Event::user).distinct().count();
            long paying = payments.stream().filter(p -> analysed(p.user()) && month(p.paid()).equals(row.period())).map(Payment::user).distinct().count();
            long net = net(p -> analysed(p.user()), row.period(), row.currency());
            assertThat(row.activeUsers()).as(row.toString()).isEqualTo(active);
            assertThat(row.payingUsers()).as(row.toString()).isEqualTo(paying);
            assertThat(row.netMinor()).as(row.toString()).isEqualTo(net);
            assertThat(row.arpu()).isEqualTo(BigDecimal.valueOf(net).divide(BigDecimal.valueOf(active * 100), 2, RoundingMode.HALF_UP));
        }
        CohortReport.PeriodFigures rubTotal = report.periodTotals().getFirst();
        assertThat(rubTotal.currency()).isEqualTo("RUB");
        assertThat(rubTotal.activeUsers()).as("everyone active in the range, once").isEqualTo(3);
        assertThat(rubTotal.netMinor()).isEqualTo(99_000 + 49_000 - 49_000 + 59_900);

        ReportTable retention = CohortReportService.table(report, CohortTable.RETENTION, key -> key);
        assertThat(retention.columns()).extracting(c -> c.header()).containsExactly("cohorts.cohort", "cohorts.users",
                "cohorts.offset.month 0", "cohorts.offset.month 1", "cohorts.offset.month 2");
        assertThat(retention.totals().getFirst()[3]).as("of the 3 users who could be active a month after sign-up, 2 were")
                .isEqualTo(2 / 3.0);
        assertThatThrownBy(() -> cohorts.cohorts(from, until, Grouping.DAY)).isInstanceOf(ReportException.class);
    }

    @Test
    void shouldValueChargedTokensAgainstReconciledOrListCostPerModel() {
        MarginReportService.MarginReport report = margins.margin(from, until, Grouping.MONTH, MarginSplit.MODEL, null, null);

        BigDecimal price = new BigDecimal("30.00");
        for (MarginFigures row : report.rows()) {
            String model = row.key().substring("p1/".length());
            List<Event> mine = events.stream().filter(e -> analysed(e.user()) && e.model().equals(model)
                    && month(e.day()).equals(row.period())).toList();
            long charged = mine.stream().mapToLong(Event::charged).sum();
            assertThat(row.tokensCharged()).as(row.toString()).isEqualTo(charged);
            assertThat(row.revenue()).isEqualByComparingTo(price.multiply(BigDecimal.valueOf(charged)).divide(BigDecimal.valueOf(1_000_000)));
            BigDecimal cost = BigDecimal.ZERO;
            for (Event e : mine) {
                cost = cost.add(switch (model) {
                    case "m1" -> e.day().equals(reconciledDay) ? BigDecimal.ZERO
                            : new BigDecimal("3").multiply(BigDecimal.valueOf(e.input())).add(new BigDecimal("15").multiply(BigDecimal.valueOf(e.output())));
                    case "m2" -> new BigDecimal("0.25").multiply(BigDecimal.valueOf(e.input())).add(new BigDecimal("1.25").multiply(BigDecimal.valueOf(e.output())));
                    default -> BigDecimal.ZERO;
                });
            }
            cost = cost.divide(BigDecimal.valueOf(1_000_000));
            if (model.equals("m1") && month(reconciledDay).equals(row.period())) {
                long all = events.stream().filter(e -> e.day().equals(reconciledDay) && e.model().equals("m1")).mapToLong(e -> e.input() + e.output()).sum();
                long ours = mine.stream().filter(e -> e.day().equals(reconciledDay)).mapToLong(e -> e.input() + e.output()).sum();
                BigDecimal share = new BigDecimal("0.05").multiply(BigDecimal.valueOf(ours)).divide(BigDecimal.valueOf(all), 6, RoundingMode.HALF_UP);
                cost = cost.add(share);
                assertThat(row.reconciledCost()).isEqualByComparingTo(share);
            }
            assertThat(row.cost()).as(row.toString()).isEqualByComparingTo(cost);
            assertThat(row.unpricedTokens()).isEqualTo(model.equals("m3") ? mine.stream().mapToLong(e -> e.input() + e.output()).sum() : 0);
        }
        assertThat(report.rows()).extracting(MarginFigures::key).contains("p1/m1", "p1/m2", "p1/m3");
        assertThat(report.totals().tokensCharged()).isEqualTo(events.stream().filter(e -> analysed(e.user())).mapToLong(Event::charged).sum());
        assertThat(report.totals().marginShare()).isNotNull();
    }

    @Test
    void shouldRefuseEveryoneButAnalystsAndAdmins() {
        signIn("support-1", Role.SUPPORT);
        assertThatThrownBy(() -> cohorts.cohorts(from, until, Grouping.MONTH)).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> margins.margin(from, until, Grouping.MONTH, MarginSplit.NONE, null, null))
                .isInstanceOf(AccessDeniedException.class);
    }
}
