package ru.rusoragentai.console.users.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static ru.rusoragentai.db.Tables.TOKEN_BALANCE;
import static ru.rusoragentai.db.Tables.TOKEN_LEDGER;
import static ru.rusoragentai.db.Tables.USER_SESSION;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.RouteParameters;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.support.PlatformRows;
import ru.rusoragentai.console.support.KaribuTest;
import ru.rusoragentai.console.support.SupportFixture;
import ru.rusoragentai.console.support.TestClock;
import ru.rusoragentai.console.support.TestData;
import ru.rusoragentai.console.users.ui.UserDetailView;
import ru.rusoragentai.console.users.UserService;

/** The user page's tabs read like statements: time order, the chosen period, sortable columns, grouped digits. */
class UserPageDataTest extends KaribuTest {

    private SupportFixture user;

    @BeforeEach
    void createUser() throws Exception {
        user = SupportFixture.create(dsl, TestData.unique("Statement Reader "));
        LocalDateTime now = TestClock.now();
        ledger(now.minusDays(3), 10_000, 10_000, "bonus");
        ledger(now.minusDays(2), 2_000_000, 2_010_000, "purchase");
        ledger(now.minusDays(1), -106, 2_009_894, "usage");
        // the books stay balanced for the tests that check every balance against its ledger
        dsl.insertInto(TOKEN_BALANCE).set(TOKEN_BALANCE.USER_ID, user.userId()).set(TOKEN_BALANCE.BALANCE, 2_009_894L)
                .set(TOKEN_BALANCE.UPDATED_AT, now).onDuplicateKeyUpdate().set(TOKEN_BALANCE.BALANCE, 2_009_894L).execute();
        usage(now.minusHours(1), 4_321);
        usage(now.minusDays(60), 1_234_567);
    }

    @Test
    void shouldListTheLedgerNewestFirstWithGroupedDigitsAndSortByTime() {
        open(Locale.ENGLISH, "tab-ledger");
        Grid<?> ledger = grid("user-ledger");
        assertThat(column(ledger, 3)).containsExactly("2,009,894", "2,010,000", "10,000");
        assertThat(column(ledger, 2)).containsExactly("-106", "+2,000,000", "+10,000");

        sortAscending(ledger);
        assertThat(column(ledger, 3)).as("oldest first").containsExactly("10,000", "2,010,000", "2,009,894");
    }

    @Test
    void shouldGroupDigitsTheRussianWay() {
        open(Locale.forLanguageTag("ru"), "tab-ledger");
        assertThat(column(grid("user-ledger"), 3).getFirst().replace('\u00a0', ' ').replace('\u202f', ' ')).isEqualTo("2 009 894");
    }

    @Test
    void shouldSayWhyThePlatformChangedTheBalanceInTheReadersLanguage() {
        open(Locale.forLanguageTag("ru"), "tab-ledger");
        String month = TestClock.now().minusDays(1).toLocalDate().toString().substring(0, 7);
        assertThat(column(grid("user-ledger"), 5)).containsExactly("Использование за " + month, "Покупка digital:42", "Приветственный бонус");
    }

    @Test
    void shouldListOnlyTheUsageOfTheChosenPeriod() {
        open(Locale.ENGLISH, "tab-usage");
        Grid<?> events = grid("user-usage-events");
        assertThat(column(events, 4)).as("last 30 days").containsExactly("4,321");

        @SuppressWarnings("unchecked")
        RadioButtonGroup<Integer> period = _get(RadioButtonGroup.class, spec -> spec.withId("usage-period"));
        period.setValue(90);
        assertThat(column(events, 4)).as("last 90 days").containsExactly("4,321", "1,234,567");
        sortAscending(events);
        assertThat(column(events, 4)).containsExactly("1,234,567", "4,321");
    }

    @Test
    void shouldShowManualAdjustmentsOnATabOfTheirOwnAndLetEveryListSort() {
        dsl.insertInto(USER_SESSION).set(USER_SESSION.USER_ID, user.userId()).set(USER_SESSION.STARTED_AT, TestClock.now())
                .set(USER_SESSION.IP, new byte[] {10, 0, 0, 7}).set(USER_SESSION.COUNTRY_CODE, "RU").execute();
        open(Locale.ENGLISH, "tab-ledger");
        assertThat(_find(Grid.class, spec -> spec.withId("user-adjustments"))).as("not on the ledger's tab").isEmpty();

        for (String tab : List.of("adjustments", "sessions", "payments", "privacy", "staff-actions")) {
            select("tab-" + tab);
            Grid<?> grid = grid("user-" + tab);
            assertThat(grid.getColumns().getFirst().isSortable()).as(tab).isTrue();
        }
    }

    @Test
    void shouldWordStaffActionsInTheStaffMembersLanguage() {
        signInAs("agent-adjuster", Role.SUPPORT);
        new org.springframework.transaction.support.TransactionTemplate(context.getBean(
                org.springframework.transaction.PlatformTransactionManager.class)).executeWithoutResult(tx -> context.getBean(
                ru.rusoragentai.console.audit.AuditService.class).record("tokens.adjusted", UserService.AUDIT_TARGET,
                Long.toString(user.userId()), "+75 tokens"));
        open(Locale.forLanguageTag("ru"), "tab-staff-actions");
        assertThat(column(grid("user-staff-actions"), 2)).contains("Баланс токенов скорректирован");
    }

    private void open(Locale locale, String tab) {
        openUiAs("agent-reader", Role.SUPPORT);
        UI.getCurrent().setLocale(locale);
        UI.getCurrent().navigate(UserDetailView.class, new RouteParameters("id", Long.toString(user.userId())));
        select(tab);
    }

    private static void select(String tab) {
        _get(TabSheet.class, spec -> spec.withId("user-sections")).setSelectedTab(_get(Tab.class, spec -> spec.withId(tab)));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void sortAscending(Grid<?> grid) {
        Grid raw = grid;
        raw.sort(GridSortOrder.asc(raw.getColumnByKey("time")).build());
    }

    private static Grid<?> grid(String id) {
        return _get(Grid.class, spec -> spec.withId(id));
    }

    private static List<String> column(Grid<?> grid, int index) {
        int size = GridKt._size(grid);
        return java.util.stream.IntStream.range(0, size).mapToObj(i -> GridKt._getFormattedRow(grid, i).get(index)).toList();
    }

    private void ledger(LocalDateTime at, long delta, long balanceAfter, String kind) {
        String reference = switch (kind) {
            case "bonus" -> "signup";
            case "purchase" -> "digital:42";
            case "usage" -> "usage:" + at.toLocalDate().toString().substring(0, 7);
            default -> null;
        };
        dsl.insertInto(TOKEN_LEDGER).set(TOKEN_LEDGER.USER_ID, user.userId()).set(TOKEN_LEDGER.DELTA, delta).set(TOKEN_LEDGER.REFERENCE, reference)
                .set(TOKEN_LEDGER.REASON, "bonus".equals(kind) ? "Welcome bonus" : "purchase".equals(kind) ? "pay-tribute purchase of digital:7" : null)
                .set(TOKEN_LEDGER.BALANCE_AFTER, balanceAfter).set(TOKEN_LEDGER.KIND, kind).set(TOKEN_LEDGER.ACTOR, "system")
                .set(TOKEN_LEDGER.IDEMPOTENCY_KEY, TestData.unique("page-")).set(TOKEN_LEDGER.CREATED_AT, at).execute();
    }

    private void usage(LocalDateTime at, long charged) {
        new PlatformRows(dsl).usage(user.userId(), at).provider("openai").model("gpt-5").tokens(10, 20).charged(charged).insert();
    }
}
