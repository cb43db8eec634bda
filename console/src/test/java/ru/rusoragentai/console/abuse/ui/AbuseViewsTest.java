package ru.rusoragentai.console.abuse.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._assertNone;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static ru.rusoragentai.db.Tables.ABUSE_FLAG;
import static ru.rusoragentai.db.Tables.ABUSE_RULE;
import static ru.rusoragentai.db.Tables.ABUSE_SNOOZE;
import static ru.rusoragentai.db.Tables.APP_USER;
import static ru.rusoragentai.db.Tables.AUDIT_EVENT;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.RouteParameters;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.rusoragentai.console.abuse.detect.Finding;
import ru.rusoragentai.console.abuse.ui.AbuseCaseView;
import ru.rusoragentai.console.abuse.ui.AbuseQueueView;
import ru.rusoragentai.console.abuse.ui.AbuseRulesView;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.support.KaribuTest;
import ru.rusoragentai.console.support.TestClock;
import ru.rusoragentai.console.support.TestData;
import ru.rusoragentai.console.users.ui.UserDetailView;
import ru.rusoragentai.console.abuse.AbuseCaseService;
import ru.rusoragentai.console.abuse.AbuseFixture;
import ru.rusoragentai.console.abuse.AbuseRuleService;
import ru.rusoragentai.console.abuse.ActionKind;
import ru.rusoragentai.console.abuse.ActionSummary;
import ru.rusoragentai.console.abuse.FlagSummary;
import ru.rusoragentai.console.abuse.RuleRow;

/** The abuse screens through the real Spring context: queue, flag decisions, measures, rules, cases and the refusals. */
class AbuseViewsTest extends KaribuTest {

    @Autowired
    AbuseRuleService rules;

    private long minor(String name) {
        long user = TestData.insertUser(dsl, name);
        dsl.update(APP_USER).set(APP_USER.POSSIBLE_MINOR, true).where(APP_USER.ID.eq(user)).execute();
        return user;
    }

    private long flagOf(String rule, long user) {
        return dsl.select(ABUSE_FLAG.ID).from(ABUSE_FLAG).where(ABUSE_FLAG.RULE_CODE.eq(rule).and(ABUSE_FLAG.SUBJECT_KEY.eq("u:" + user)))
                .fetchSingle().value1();
    }

    private String flagStatus(long flag) {
        return dsl.select(ABUSE_FLAG.STATUS).from(ABUSE_FLAG).where(ABUSE_FLAG.ID.eq(flag)).fetchSingle().value1();
    }

    @SuppressWarnings("unchecked")
    private Grid<FlagSummary> queueGrid() {
        return _get(Grid.class, spec -> spec.withId("queue-grid"));
    }

    private int rowOf(Grid<FlagSummary> grid, long flag) {
        return GridKt._findAll(grid).stream().map(FlagSummary::id).toList().indexOf(flag);
    }

    @SuppressWarnings("unchecked")
    private void filterRule(String rule) {
        ComboBox<String> filter = _get(ComboBox.class, spec -> spec.withId("queue-rule"));
        filter.setValue(rule);
    }

    @Test
    @SuppressWarnings("unchecked")
    void shouldSayTheAgeFilterInEachLanguagesPluralForms() {
        openUiAs("operator_views", Role.OPERATOR);
        UI.getCurrent().setLocale(java.util.Locale.forLanguageTag("ru"));
        UI.getCurrent().navigate(AbuseQueueView.class);
        Select<Integer> russian = _get(Select.class, spec -> spec.withId("queue-age"));
        assertThat(List.of(1, 7, 30).stream().map(russian.getItemLabelGenerator()::apply).toList())
                .containsExactly("последний 1 день", "последние 7 дней", "последние 30 дней");

        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        UI.getCurrent().navigate(AbuseRulesView.class);
        UI.getCurrent().navigate(AbuseQueueView.class);
        Select<Integer> english = _get(Select.class, spec -> spec.withId("queue-age"));
        assertThat(List.of(1, 7).stream().map(english.getItemLabelGenerator()::apply).toList()).containsExactly("the last 1 day", "the last 7 days");
    }

    @Test
    void shouldFilterTheQueueTakeAFlagAndConfirmItOnlyWithAReason() {
        long user = minor("queue minor");
        signInAs("operator_views", Role.OPERATOR);
        rules.runNow("possible_minor");
        long flag = flagOf("possible_minor", user);

        openUiAs("operator_views", Role.OPERATOR);
        UI.getCurrent().navigate(AbuseQueueView.class);
        filterRule("possible_minor");
        Grid<FlagSummary> grid = queueGrid();
        assertThat(GridKt._findAll(grid)).allSatisfy(f -> assertThat(f.rule()).isEqualTo("possible_minor"));
        int row = rowOf(grid, flag);
        assertThat(row).isNotNegative();
        GridKt._clickItem(grid, row);

        _click(_get(Button.class, spec -> spec.withId("flag-assign")));
        assertThat(flagStatus(flag)).isEqualTo("in_review");
        _click(_get(Button.class, spec -> spec.withId("flag-confirm")));
        _click(_get(Button.class, spec -> spec.withId("reason-confirm")));
        assertThat(_get(TextArea.class, spec -> spec.withId("reason-text")).isInvalid()).isTrue();
        assertThat(flagStatus(flag)).isEqualTo("in_review");

        _get(TextArea.class, spec -> spec.withId("reason-text")).setValue("reported by the parent");
        _click(_get(Button.class, spec -> spec.withId("reason-confirm")));
        NotificationsKt.expectNotifications("Flag confirmed.");
        assertThat(flagStatus(flag)).isEqualTo("confirmed");
        assertThat(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("abuse.flag_confirmed").and(AUDIT_EVENT.TARGET_ID.eq(Long.toString(user)))))
                .isEqualTo(1);
    }

    @Test
    void shouldDismissSelectedFlagsAndSnoozeARuleForAUser() {
        List<Long> users = new ArrayList<>(List.of(minor("bulk one"), minor("bulk two"), minor("snoozed")));
        signInAs("operator_views", Role.OPERATOR);
        rules.runNow("possible_minor");
        openUiAs("operator_views", Role.OPERATOR);
        UI.getCurrent().navigate(AbuseQueueView.class);
        filterRule("possible_minor");
        Grid<FlagSummary> grid = queueGrid();
        for (long user : users.subList(0, 2)) {
            grid.select(GridKt._get(grid, rowOf(grid, flagOf("possible_minor", user))));
        }
        _click(_get(Button.class, spec -> spec.withId("queue-dismiss")));
        _get(TextArea.class, spec -> spec.withId("reason-text")).setValue("test accounts of the QA team");
        _click(_get(Button.class, spec -> spec.withId("reason-confirm")));
        NotificationsKt.expectNotifications("Flags dismissed: 2");
        assertThat(flagStatus(flagOf("possible_minor", users.get(0)))).isEqualTo("dismissed");
        assertThat(flagStatus(flagOf("possible_minor", users.get(1)))).isEqualTo("dismissed");

        GridKt._clickItem(grid, rowOf(grid, flagOf("possible_minor", users.get(2))));
        _click(_get(Button.class, spec -> spec.withId("flag-snooze")));
        _get(DatePicker.class, spec -> spec.withId("snooze-until")).setValue(TestClock.today().plusDays(10));
        _get(TextArea.class, spec -> spec.withId("snooze-reason")).setValue("checked by phone");
        _click(_get(Button.class, spec -> spec.withId("snooze-confirm")));
        assertThat(dsl.fetchCount(ABUSE_SNOOZE, ABUSE_SNOOZE.USER_ID.eq(users.get(2)).and(ABUSE_SNOOZE.RULE_CODE.eq("possible_minor")))).isEqualTo(1);
    }

    @Test
    void shouldTakeAMeasureFromTheUserPageAndRevertIt() {
        long user = TestData.insertUser(dsl, "measured");
        openUiAs("admin_views", Role.ADMIN);
        UI.getCurrent().navigate(UserDetailView.class, new RouteParameters("id", Long.toString(user)));
        TabSheet tabs = _get(TabSheet.class, spec -> spec.withId("user-sections"));
        tabs.setSelectedTab(_get(Tab.class, spec -> spec.withId("tab-abuse")));
        _click(_get(Button.class, spec -> spec.withId("user-abuse-act")));
        @SuppressWarnings("unchecked")
        Select<ActionKind> kind = _get(Select.class, spec -> spec.withId("action-kind"));
        kind.setValue(ActionKind.SUSPEND);
        _get(TextArea.class, spec -> spec.withId("action-reason")).setValue("scripted sign-ups");
        _click(_get(Button.class, spec -> spec.withId("action-confirm")));
        NotificationsKt.expectNotifications("Measure applied: Suspend.");
        assertThat(dsl.select(APP_USER.STATUS).from(APP_USER).where(APP_USER.ID.eq(user)).fetchSingle().value1()).isEqualTo("suspended");

        long action = dsl.select(ru.rusoragentai.db.Tables.ABUSE_ACTION.ID).from(ru.rusoragentai.db.Tables.ABUSE_ACTION)
                .where(ru.rusoragentai.db.Tables.ABUSE_ACTION.USER_ID.eq(user)).fetchSingle().value1();
        @SuppressWarnings("unchecked")
        Grid<ActionSummary> measures = _get(Grid.class, spec -> spec.withId("user-abuse-measures"));
        _click((Button) GridKt._getCellComponent(measures, 0, "revert"));
        _get(TextArea.class, spec -> spec.withId("reason-text")).setValue("appeal accepted");
        _click(_get(Button.class, spec -> spec.withId("reason-confirm")));
        assertThat(dsl.select(APP_USER.STATUS).from(APP_USER).where(APP_USER.ID.eq(user)).fetchSingle().value1()).isEqualTo("active");
        assertThat(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.in("abuse.action_taken", "abuse.action_reverted")
                .and(AUDIT_EVENT.TARGET_ID.eq(Long.toString(user))))).isEqualTo(2);
    }

    @Test
    void shouldEditARuleIntoShadowModeAndBacktestWithoutWriting() {
        int threshold = dsl.select(ABUSE_RULE.THRESHOLD).from(ABUSE_RULE).where(ABUSE_RULE.CODE.eq("shared_account")).fetchSingle().value1().intValue();
        openUiAs("admin_views", Role.ADMIN);
        UI.getCurrent().navigate(AbuseRulesView.class);
        try {
            ruleButton("shared_account", "rule-edit");
            _get(NumberField.class, spec -> spec.withId("rule-threshold")).setValue((double) threshold + 1);
            _get(Checkbox.class, spec -> spec.withId("rule-shadow")).setValue(true);
            _click(_get(Button.class, spec -> spec.withId("rule-save")));
            var saved = dsl.selectFrom(ABUSE_RULE).where(ABUSE_RULE.CODE.eq("shared_account")).fetchSingle();
            assertThat(saved.getThreshold()).isEqualTo(threshold + 1);
            assertThat(saved.getShadow()).isTrue();
            assertThat(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("abuse.rule_changed").and(AUDIT_EVENT.TARGET_ID.eq("shared_account"))))
                    .isPositive();
        } finally {
            signInAs("admin_views", Role.ADMIN);
            var row = rules.rules().stream().filter(r -> r.row().code().equals("shared_account")).findFirst().orElseThrow().row();
            rules.update(new RuleRow(row.code(), threshold, row.windowMinutes(), true, row.weight(), row.severity(), false, row.watermark(),
                    row.lastRunAt(), row.lastRunMs(), row.lastError(), row.version(), row.params()));
        }

        _click(_get(Button.class, spec -> spec.withId("rules-count-matching")));
        @SuppressWarnings("unchecked")
        Grid<AbuseRuleService.RuleSummary> rulesGrid = _get(Grid.class, spec -> spec.withId("rules-grid"));
        for (int row = 0; row < GridKt._size(rulesGrid); row++) {
            assertThat(GridKt._getFormatted(rulesGrid, row, "matching")).as("matching now, row " + row).matches("[\\d\\s,\u00a0]+");
        }

        var base = TestClock.now().minusDays(20);
        AbuseFixture data = new AbuseFixture(dsl);
        List<Long> ring = sharedAddressRing(data, "backtested ", base, AbuseFixture.network() + "4");
        ruleButton("multi_account", "rule-backtest");
        _get(DatePicker.class, spec -> spec.withId("range-from")).setValue(base.toLocalDate().minusDays(1));
        _get(DatePicker.class, spec -> spec.withId("range-to")).setValue(base.toLocalDate().plusDays(2));
        _click(_get(Button.class, spec -> spec.withId("range-backtest")));
        @SuppressWarnings("unchecked")
        Grid<Finding> found = _get(Grid.class, spec -> spec.withId("range-found"));
        assertThat(GridKt._findAll(found).stream().map(Finding::userId).toList()).containsAll(ring);
        ring.forEach(u -> assertThat(data.flags("multi_account", u)).as("a backtest writes no flag").isEmpty());
    }

    @Test
    void shouldAskForACaseMeasureAndApplyItWhenAnotherAdministratorApproves() {
        String ip = AbuseFixture.network() + "6";
        AbuseFixture data = new AbuseFixture(dsl);
        List<Long> ring = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ring.add(TestData.insertUser(dsl, "ui ring " + i));
            data.session(ring.getLast(), TestClock.now().minusMinutes(15), ip, "DE", null);
        }
        signInAs("operator_views", Role.OPERATOR);
        rules.runNow("multi_account");
        long caseId = dsl.select(ABUSE_FLAG.CASE_ID).from(ABUSE_FLAG).where(ABUSE_FLAG.ID.eq(flagOf("multi_account", ring.getFirst())))
                .fetchSingle().value1();

        openUiAs("admin_asks", Role.ADMIN);
        UI.getCurrent().navigate(AbuseCaseView.class, new RouteParameters("id", Long.toString(caseId)));
        _click(_get(Button.class, spec -> spec.withId("case-act")));
        @SuppressWarnings("unchecked")
        Select<ActionKind> kind = _get(Select.class, spec -> spec.withId("action-kind"));
        kind.setValue(ActionKind.WATCH);
        _get(TextArea.class, spec -> spec.withId("action-reason")).setValue("one household, watch them");
        _click(_get(Button.class, spec -> spec.withId("action-confirm")));
        NotificationsKt.expectNotifications("Measure \"Watch\" waits for a second administrator.");
        NotificationsKt.clearNotifications();
        long action = dsl.select(ru.rusoragentai.db.Tables.ABUSE_ACTION.ID).from(ru.rusoragentai.db.Tables.ABUSE_ACTION)
                .where(ru.rusoragentai.db.Tables.ABUSE_ACTION.CASE_ID.eq(caseId).and(ru.rusoragentai.db.Tables.ABUSE_ACTION.USER_ID.isNull()))
                .fetchSingle().value1();
        _click(_get(Button.class, spec -> spec.withId("case-approve-" + action)));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("case-approve-confirm")));
        NotificationsKt.expectNotifications("Another administrator must approve a measure you asked for.");

        MockVaadin.tearDown();
        openUiAs("admin_approves", Role.ADMIN);
        UI.getCurrent().navigate(AbuseCaseView.class, new RouteParameters("id", Long.toString(caseId)));
        _click(_get(Button.class, spec -> spec.withId("case-approve-" + action)));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("case-approve-confirm")));
        NotificationsKt.expectNotifications("Accounts the measure reached: 4.");

        _click(_get(Button.class, spec -> spec.withId("case-close")));
        @SuppressWarnings("unchecked")
        Select<AbuseCaseService.Outcome> outcome = _get(Select.class, spec -> spec.withId("case-outcome"));
        outcome.setValue(AbuseCaseService.Outcome.FALSE_POSITIVE);
        _get(TextArea.class, spec -> spec.withId("case-close-reason")).setValue("a student dormitory");
        _click(_get(Button.class, spec -> spec.withId("case-close-confirm")));
        ring.forEach(u -> assertThat(flagStatus(flagOf("multi_account", u))).isEqualTo("dismissed"));
        assertThat(_find(Dialog.class, spec -> spec.withId("case-close-dialog"))).isEmpty();
    }

    @Test
    void shouldReevaluateEveryRuleOverARangeOnceWithoutRepeatingFlags() {
        var base = TestClock.now().minusDays(12);
        AbuseFixture data = new AbuseFixture(dsl);
        List<Long> ring = sharedAddressRing(data, "re-evaluated ", base, AbuseFixture.network() + "7");
        openUiAs("admin_views", Role.OPERATOR);
        UI.getCurrent().navigate(AbuseRulesView.class);
        for (int round = 0; round < 2; round++) {
            _click(_get(Button.class, spec -> spec.withId("rules-reevaluate-all")));
            _assertNone(Button.class, spec -> spec.withId("range-backtest"));
            _get(DatePicker.class, spec -> spec.withId("range-from")).setValue(base.toLocalDate().minusDays(1));
            _get(DatePicker.class, spec -> spec.withId("range-to")).setValue(base.toLocalDate().plusDays(2));
            _click(_get(Button.class, spec -> spec.withId("range-reevaluate")));
            ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("range-reevaluate-confirm")));
            // the rules are judged in the background while the dialog shows which one; the screen polls until done
            assertThat(_get(Button.class, spec -> spec.withId("range-reevaluate")).isEnabled()).isFalse();
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
            while (!_find(com.vaadin.flow.component.orderedlayout.VerticalLayout.class, spec -> spec.withId("range-running")).isEmpty()) {
                assertThat(System.nanoTime()).as("every rule judged within a minute").isLessThan(deadline);
                java.util.concurrent.locks.LockSupport.parkNanos(50_000_000);
                com.vaadin.flow.component.ComponentUtil.fireEvent(UI.getCurrent(), new com.vaadin.flow.component.PollEvent(UI.getCurrent(), true));
            }
            assertThat(_get(Button.class, spec -> spec.withId("range-reevaluate")).isEnabled()).isTrue();
            _get(com.vaadin.flow.component.dialog.Dialog.class, spec -> spec.withId("range-dialog")).close();
            ring.forEach(u -> assertThat(data.flags("multi_account", u)).as("one flag per account, however often judged").hasSize(1));
        }
        assertThat(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("abuse.reevaluated").and(AUDIT_EVENT.TARGET_ID.eq("all"))))
                .isGreaterThanOrEqualTo(2);
    }

    /** Four accounts signed in from one address at {@code at}: just enough for multi-accounting. */
    private List<Long> sharedAddressRing(AbuseFixture data, String name, java.time.LocalDateTime at, String ip) {
        List<Long> ring = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ring.add(TestData.insertUser(dsl, name + i));
            data.session(ring.getLast(), at, ip, "DE", null);
        }
        return ring;
    }

    /** Clicks a rule's row button (edit, run, backtest) in the Rules grid. */
    private void ruleButton(String code, String name) {
        @SuppressWarnings("unchecked")
        Grid<AbuseRuleService.RuleSummary> grid = _get(Grid.class, spec -> spec.withId("rules-grid"));
        int row = GridKt._findAll(grid).stream().map(r -> r.row().code()).toList().indexOf(code);
        var cell = (com.vaadin.flow.component.orderedlayout.HorizontalLayout) GridKt._getCellComponent(grid, row, "actions");
        _click(cell.getChildren().map(Button.class::cast).filter(b -> b.hasClassName(name) && code.equals(b.getElement().getAttribute("data-row"))).findFirst().orElseThrow());
    }

    @Test
    void shouldRefuseTheScreensToRolesWithoutThem() {
        openUiAs("analyst_views", Role.ANALYST);
        for (String route : List.of("abuse", "abuse/rules", "abuse/cases", "abuse/cases/1")) {
            assertNotAllowed(() -> UI.getCurrent().navigate(route));
        }
        MockVaadin.tearDown();
        openUiAs("support_views", Role.SUPPORT);
        assertNotAllowed(() -> UI.getCurrent().navigate("abuse/rules"));
        UI.getCurrent().navigate(AbuseQueueView.class);
        assertThat(_find(Button.class, spec -> spec.withId("queue-dismiss"))).isEmpty();
        assertThat(_find(Button.class, spec -> spec.withId("queue-assign"))).isEmpty();
    }
}
