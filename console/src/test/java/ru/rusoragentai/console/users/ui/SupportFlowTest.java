package ru.rusoragentai.console.users.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static ru.rusoragentai.db.Tables.APP_USER;
import static ru.rusoragentai.db.Tables.AUDIT_EVENT;
import static ru.rusoragentai.db.Tables.TOKEN_LEDGER;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouteParameters;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.support.KaribuTest;
import ru.rusoragentai.console.support.SupportFixture;
import ru.rusoragentai.console.support.TestData;
import ru.rusoragentai.console.tokens.LedgerEntry;
import ru.rusoragentai.console.tokens.ReasonCode;
import ru.rusoragentai.console.users.ui.UserDetailView;
import ru.rusoragentai.console.users.ui.UserSearchView;
import ru.rusoragentai.console.support.TestClock;
import ru.rusoragentai.console.users.MatchKind;
import ru.rusoragentai.console.users.SearchHit;

/** "I paid and got no tokens": find the user, open them, credit tokens, see the ledger row and the audit entry. */
class SupportFlowTest extends KaribuTest {

    private SupportFixture user;

    @BeforeEach
    void createUser() throws Exception {
        user = SupportFixture.create(dsl, TestData.unique("Анна Supportova "));
    }

    @Test
    void shouldFindOpenAndCreditAUserAndShowTheLedgerRowAndAuditEntry() {
        openUiAs("agent-flow", Role.SUPPORT);
        UI.getCurrent().navigate(UserSearchView.class);
        _get(TextField.class, spec -> spec.withId("user-search-field")).setValue("@" + user.username());
        @SuppressWarnings("unchecked")
        Grid<SearchHit> results = _get(Grid.class, spec -> spec.withId("user-search-results"));
        SearchHit first = GridKt._get(results, 0);
        assertThat(first.userId()).isEqualTo(user.userId());
        assertThat(first.matchedBy()).isEqualTo(MatchKind.USERNAME);
        assertThat(_get(com.vaadin.flow.component.html.Span.class, spec -> spec.withId("user-search-summary")).getText())
                .isEqualTo("1 user found");

        UI.getCurrent().navigate(UserDetailView.class, new RouteParameters("id", Long.toString(user.userId())));
        assertThat(_get(H2.class, spec -> spec.withId("user-name")).getText()).isEqualTo(user.displayName());

        _click(_get(Button.class, spec -> spec.withId("user-adjust")));
        _get(IntegerField.class, spec -> spec.withId("adjust-delta")).setValue(1_500);
        @SuppressWarnings("unchecked")
        Select<ReasonCode> reason = _get(Select.class, spec -> spec.withId("adjust-reason"));
        reason.setValue(ReasonCode.COMPENSATION);
        _get(TextArea.class, spec -> spec.withId("adjust-comment")).setValue("paid, tokens missing");
        _click(_get(Button.class, spec -> spec.withId("adjust-submit")));

        NotificationsKt.expectNotifications("Adjustment applied.");
        assertThat(_get(Span.class, spec -> spec.withId("user-balance")).getText().replaceAll("\\D", "")).isEqualTo("1500");
        var row = dsl.selectFrom(TOKEN_LEDGER).where(TOKEN_LEDGER.USER_ID.eq(user.userId())).fetchSingle();
        assertThat(row.getActor()).isEqualTo("agent-flow");
        assertThat(row.getDelta()).isEqualTo(1_500);

        TabSheet sections = _get(TabSheet.class, spec -> spec.withId("user-sections"));
        sections.setSelectedTab(_get(Tab.class, spec -> spec.withId("tab-ledger")));
        @SuppressWarnings("unchecked")
        Grid<LedgerEntry> ledgerGrid = _get(Grid.class, spec -> spec.withId("user-ledger"));
        assertThat(GridKt._get(ledgerGrid, 0).delta()).isEqualTo(1_500);
        assertThat(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("tokens.adjusted")
                .and(AUDIT_EVENT.TARGET_ID.eq(Long.toString(user.userId()))).and(AUDIT_EVENT.ACTOR.eq("agent-flow")))).isEqualTo(1);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"id", "telegram", "username", "email", "name", "payment", "ip"})
    void shouldFindTheUserFromTheSearchScreenByEachIdentifierKind(String kind) {
        String query = switch (kind) {
            case "id" -> Long.toString(user.userId());
            case "telegram" -> Long.toString(user.telegramId());
            case "username" -> "@" + user.username();
            case "email" -> user.email().toUpperCase();
            case "name" -> user.displayName().substring(0, 12).toLowerCase();
            case "payment" -> user.paymentId();
            default -> user.ip();
        };
        openUiAs("agent-kinds", Role.SUPPORT);
        UI.getCurrent().navigate(UserSearchView.class);
        _get(TextField.class, spec -> spec.withId("user-search-field")).setValue(query);
        @SuppressWarnings("unchecked")
        Grid<SearchHit> results = _get(Grid.class, spec -> spec.withId("user-search-results"));
        assertThat(GridKt._findAll(results)).as(kind).extracting(SearchHit::userId).contains(user.userId());
    }

    @Test
    void shouldChartTheUsersTokensPerModelPerDay() {
        dsl.insertInto(ru.rusoragentai.db.Tables.USAGE_EVENT)
                .set(ru.rusoragentai.db.Tables.USAGE_EVENT.OCCURRED_AT, TestClock.now())
                .set(ru.rusoragentai.db.Tables.USAGE_EVENT.USER_ID, user.userId())
                .set(ru.rusoragentai.db.Tables.USAGE_EVENT.PROVIDER, "openai").set(ru.rusoragentai.db.Tables.USAGE_EVENT.MODEL, "gpt-5")
                .set(ru.rusoragentai.db.Tables.USAGE_EVENT.FEATURE, "chat").set(ru.rusoragentai.db.Tables.USAGE_EVENT.INPUT_TOKENS, 10)
                .set(ru.rusoragentai.db.Tables.USAGE_EVENT.OUTPUT_TOKENS, 20).set(ru.rusoragentai.db.Tables.USAGE_EVENT.TOKENS_CHARGED, 4321L)
                .set(ru.rusoragentai.db.Tables.USAGE_EVENT.LATENCY_MS, 100).set(ru.rusoragentai.db.Tables.USAGE_EVENT.STATUS, "ok")
                .execute();
        openUiAs("agent-chart", Role.SUPPORT);
        UI.getCurrent().navigate(UserDetailView.class, new RouteParameters("id", Long.toString(user.userId())));
        TabSheet sections = _get(TabSheet.class, spec -> spec.withId("user-sections"));
        sections.setSelectedTab(_get(Tab.class, spec -> spec.withId("tab-usage")));
        String option = _get(ru.rusoragentai.console.kit.EChart.class, spec -> spec.withId("usage-chart")).getOption();
        assertThat(option).contains("\"name\":\"gpt-5\"").contains("4321");
    }

    @Test
    void shouldCorrectTheEmailAndRecordBeforeAndAfter() {
        openUiAs("agent-edit", Role.SUPPORT);
        UI.getCurrent().navigate(UserDetailView.class, new RouteParameters("id", Long.toString(user.userId())));
        _click(_get(Button.class, spec -> spec.withId("user-edit")));
        String newEmail = "fixed." + user.email();
        _get(EmailField.class, spec -> spec.withId("edit-email")).setValue(newEmail);
        _click(_get(Button.class, spec -> spec.withId("edit-save")));
        assertThat(dsl.select(APP_USER.EMAIL).from(APP_USER).where(APP_USER.ID.eq(user.userId())).fetchSingle().value1()).isEqualTo(newEmail);
        String stored = dsl.select(AUDIT_EVENT.DETAILS).from(AUDIT_EVENT).where(AUDIT_EVENT.ACTION.eq("user.corrected")
                .and(AUDIT_EVENT.TARGET_ID.eq(Long.toString(user.userId())))).fetchSingle().value1();
        // stored sealed under the user's key, shown to staff in the clear
        assertThat(stored).contains("changed email").doesNotContain(user.email());
        String shown = context.getBean(ru.rusoragentai.console.audit.AuditService.class).forTarget("user", Long.toString(user.userId()), 0, 20)
                .stream().filter(e -> e.action().equals("user.corrected")).findFirst().orElseThrow().details();
        assertThat(shown).contains(user.email(), newEmail);
    }

    @Test
    void shouldRefuseADuplicateEmailWithAClearMessageAndChangeNothing() throws Exception {
        SupportFixture other = SupportFixture.create(dsl, "Other Person");
        openUiAs("agent-edit", Role.SUPPORT);
        UI.getCurrent().navigate(UserDetailView.class, new RouteParameters("id", Long.toString(user.userId())));
        _click(_get(Button.class, spec -> spec.withId("user-edit")));
        _get(EmailField.class, spec -> spec.withId("edit-email")).setValue(other.email());
        _click(_get(Button.class, spec -> spec.withId("edit-save")));
        NotificationsKt.expectNotifications("Another user already has that email.");
        assertThat(dsl.select(APP_USER.EMAIL).from(APP_USER).where(APP_USER.ID.eq(user.userId())).fetchSingle().value1()).isEqualTo(user.email());
    }

    @Test
    void shouldSuspendOnlyAfterAReasonIsGiven() {
        openUiAs("agent-suspend", Role.SUPPORT);
        UI.getCurrent().navigate(UserDetailView.class, new RouteParameters("id", Long.toString(user.userId())));
        _click(_get(Button.class, spec -> spec.withId("user-suspend")));
        _click(_get(Button.class, spec -> spec.withId("reason-confirm")));
        assertThat(status()).isEqualTo("active");
        _get(TextArea.class, spec -> spec.withId("reason-text")).setValue("chargeback fraud");
        _click(_get(Button.class, spec -> spec.withId("reason-confirm")));
        assertThat(status()).isEqualTo("suspended");
        assertThat(_get(Span.class, spec -> spec.withId("user-status")).getText()).isEqualTo("Suspended");
        assertThat(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("user.suspended").and(AUDIT_EVENT.TARGET_ID.eq(Long.toString(user.userId()))))).isEqualTo(1);
    }

    private String status() {
        return dsl.select(APP_USER.STATUS).from(APP_USER).where(APP_USER.ID.eq(user.userId())).fetchSingle().value1();
    }
}
