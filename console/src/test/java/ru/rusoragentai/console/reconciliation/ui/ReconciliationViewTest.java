package ru.rusoragentai.console.reconciliation.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static ru.rusoragentai.db.Tables.AUDIT_EVENT;
import static ru.rusoragentai.db.Tables.JOB_RUN;
import static ru.rusoragentai.db.Tables.RECONCILIATION_DIFF;
import static ru.rusoragentai.db.Tables.USAGE_DAILY;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.rusoragentai.console.plugins.PluginService;
import ru.rusoragentai.console.reconciliation.ReconciliationRow;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.support.KaribuTest;
import ru.rusoragentai.console.support.PluginFixture;
import ru.rusoragentai.console.support.TestData;

class ReconciliationViewTest extends KaribuTest {

    private static final LocalDate DAY = LocalDate.of(2026, 10, 5);

    @Autowired
    PluginService plugins;


    @BeforeEach
    void providerAndOurUsage() {
        signInAs("setup", Role.ADMIN);
        PluginFixture.installFixedProvider(plugins);
        long user = TestData.insertUser(dsl, "Reconciled");
        // our events: 900 in / 500 out of fixed-large on DAY; the fixed provider reports 1,000 / 500 for the first day asked
        dsl.insertInto(USAGE_DAILY).set(USAGE_DAILY.USER_ID, user).set(USAGE_DAILY.DAY, DAY).set(USAGE_DAILY.MODEL, "fixed-large")
                .set(USAGE_DAILY.PROVIDER, "fixed").set(USAGE_DAILY.EVENTS, 3).set(USAGE_DAILY.INPUT_TOKENS, 900L)
                .set(USAGE_DAILY.OUTPUT_TOKENS, 500L).set(USAGE_DAILY.TOKENS_CHARGED, 1L).execute();
    }

    @AfterEach
    void cleanUp() {
        signInAs("cleanup", Role.ADMIN);
        dsl.deleteFrom(USAGE_DAILY).where(USAGE_DAILY.PROVIDER.eq("fixed")).execute();
        dsl.deleteFrom(RECONCILIATION_DIFF).where(RECONCILIATION_DIFF.PROVIDER.eq("fixed")).execute();
        PluginFixture.removeTestPlugins(plugins);
    }

    @Test
    void shouldRunNowAndShowTheDifferencePerDayAndModel() {
        openUiAs("operator-ui", Role.OPERATOR);
        UI.getCurrent().navigate(ReconciliationView.class);
        _get(DatePicker.class, spec -> spec.withId("recon-from")).setValue(DAY);
        _get(DatePicker.class, spec -> spec.withId("recon-until")).setValue(DAY.plusDays(1));

        _click(_get(Button.class, spec -> spec.withId("recon-run")));

        @SuppressWarnings("unchecked")
        Grid<ReconciliationRow> grid = _get(Grid.class, spec -> spec.withId("recon-grid"));
        ReconciliationRow row = GridKt._findAll(grid).stream().filter(r -> r.provider().equals("fixed")).findFirst().orElseThrow();
        assertThat(row.model()).isEqualTo("fixed-large");
        assertThat(row.providerInput()).isEqualTo(1000L);
        assertThat(row.ourInput()).isEqualTo(900L);
        assertThat(row.tokenDifference()).isEqualTo(100L);
        assertThat(row.differencePercent()).isEqualByComparingTo(new BigDecimal("7.1"));
        // our cost: 900 in at USD 2/M + 500 out at USD 8/M
        assertThat(row.ourCost()).isEqualByComparingTo(new BigDecimal("0.0058"));
        assertThat(GridKt._findAll(grid)).filteredOn(r -> r.provider().equals("google")).allSatisfy(r ->
                assertThat(r.providerInput()).isNull());
        assertThat(dsl.fetchExists(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("reconciliation.run").and(AUDIT_EVENT.ACTOR.eq("operator-ui")))).isTrue();
        // anthropic has no admin key in the tests: the message says it could not be asked, not "0 differ", and is a warning
        var shown = com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications();
        assertThat(shown).as("one message, not a pile").hasSize(1);
        assertThat(shown.getFirst().getElement().getProperty("text"))
                .contains("fixed: rows: 1, with a difference: 1")
                .contains("anthropic: the provider could not be asked (No Admin API key configured");
        assertThat(shown.getFirst().getThemeNames()).contains("warning");

        _click(_get(Button.class, spec -> spec.withId("recon-run")));
        assertThat(com.github.mvysny.kaributesting.v10.NotificationsKt.getNotifications()).as("a second run replaces the message").hasSize(1);
        assertThat(dsl.select(JOB_RUN.SUMMARY).from(JOB_RUN).where(JOB_RUN.JOB.eq("reconciliation")).orderBy(JOB_RUN.ID.desc())
                .limit(1).fetchSingle().value1()).contains("fixed: rows: 1, with a difference: 1");
    }
}
