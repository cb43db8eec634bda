package ru.rusoragentai.console.analytics.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.rusoragentai.console.analytics.MoneyReportService.RevenueSplit;
import ru.rusoragentai.console.kit.EChart;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.support.KaribuTest;
import ru.rusoragentai.console.support.TestClock;
import ru.rusoragentai.console.support.TestData;
import ru.rusoragentai.console.usage.UsageRollupService;

class MoneyReportViewsTest extends KaribuTest {

    @Autowired
    UsageRollupService rollup;

    @Test
    @SuppressWarnings("unchecked")
    void shouldShowRevenueOfTheChosenChannelPerPackWithTotalsAndAChart() {
        LocalDate day = TestClock.today().minusDays(4);
        String channel = TestData.unique("chan-");
        long user = TestData.insertUser(dsl, "Payer");
        for (String[] payment : new String[][] {{"pack-s", "49900"}, {"pack-l", "99900"}}) {
            dsl.insertInto(ru.rusoragentai.db.Tables.PAYMENT).set(ru.rusoragentai.db.Tables.PAYMENT.CHANNEL, channel)
                    .set(ru.rusoragentai.db.Tables.PAYMENT.EXTERNAL_ID, TestData.unique("x"))
                    .set(ru.rusoragentai.db.Tables.PAYMENT.USER_ID, user)
                    .set(ru.rusoragentai.db.Tables.PAYMENT.AMOUNT_MINOR, Long.parseLong(payment[1]))
                    .set(ru.rusoragentai.db.Tables.PAYMENT.CURRENCY, "RUB").set(ru.rusoragentai.db.Tables.PAYMENT.TOKENS, 1_000L)
                    .set(ru.rusoragentai.db.Tables.PAYMENT.PRODUCT_ID, payment[0])
                    .set(ru.rusoragentai.db.Tables.PAYMENT.STATUS, "succeeded")
                    .set(ru.rusoragentai.db.Tables.PAYMENT.PAID_AT, day.atTime(10, 0))
                    .set(ru.rusoragentai.db.Tables.PAYMENT.CREATED_AT, day.atTime(10, 0))
                    .set(ru.rusoragentai.db.Tables.PAYMENT.UPDATED_AT, day.atTime(10, 0)).execute();
        }
        rollup.rebuild(day, day.plusDays(1));
        openUiAs("analyst-ui", Role.ANALYST);
        UI.getCurrent().navigate(RevenueReportView.class);

        _get(DatePicker.class, spec -> spec.withId("revenue-from")).setValue(day);
        _get(DatePicker.class, spec -> spec.withId("revenue-until")).setValue(day.plusDays(1));
        _get(ComboBox.class, spec -> spec.withId("revenue-channel")).setValue(channel);
        _get(Select.class, spec -> spec.withId("revenue-split")).setValue(RevenueSplit.PRODUCT);

        ReportGrid grid = _get(ReportGrid.class, spec -> spec.withId("revenue-grid"));
        List<Object[]> rows = GridKt._findAll(grid);
        assertThat(rows).extracting(r -> r[1]).containsExactly("pack-l", "pack-s");
        assertThat(grid.getFooterRows().getFirst().getCell(grid.getColumns().get(11)).getText()).isEqualTo("1,498.00");
        assertThat(_get(EChart.class, spec -> spec.withId("revenue-chart")).getOption()).contains("\"RUB\"", "1498.0");
    }

    @Test
    void shouldStateTheLiabilityOfUnspentTokens() {
        openUiAs("analyst-ui", Role.ANALYST);
        UI.getCurrent().navigate(TokenEconomyView.class);

        assertThat(_get(Span.class, spec -> spec.withId("tokens-liability")).getText()).startsWith("Unspent tokens (liability) at ");
        assertThat(_get(EChart.class, spec -> spec.withId("tokens-chart")).getOption()).contains("\"Issued\"", "\"Outstanding\"");
    }

    @Test
    void shouldListTopUsersUnderPseudonymsOnly() {
        LocalDate day = TestClock.today().minusDays(5);
        long user = TestData.insertUser(dsl, "Heavy Pseudonymous");
        dsl.insertInto(ru.rusoragentai.db.Tables.USAGE_DAILY).set(ru.rusoragentai.db.Tables.USAGE_DAILY.USER_ID, user)
                .set(ru.rusoragentai.db.Tables.USAGE_DAILY.DAY, day).set(ru.rusoragentai.db.Tables.USAGE_DAILY.MODEL, "m")
                .set(ru.rusoragentai.db.Tables.USAGE_DAILY.PROVIDER, "p").set(ru.rusoragentai.db.Tables.USAGE_DAILY.EVENTS, 1)
                .set(ru.rusoragentai.db.Tables.USAGE_DAILY.INPUT_TOKENS, 1L).set(ru.rusoragentai.db.Tables.USAGE_DAILY.OUTPUT_TOKENS, 1L)
                .set(ru.rusoragentai.db.Tables.USAGE_DAILY.TOKENS_CHARGED, 999_999_999L).execute();
        openUiAs("analyst-ui", Role.ANALYST);
        UI.getCurrent().navigate(TopUsersView.class);
        _get(DatePicker.class, spec -> spec.withId("top-from")).setValue(day);
        _get(DatePicker.class, spec -> spec.withId("top-until")).setValue(day.plusDays(1));

        ReportGrid grid = _get(ReportGrid.class, spec -> spec.withId("top-grid"));
        Object[] first = GridKt._findAll(grid).getFirst();
        assertThat(first[1].toString()).matches("u-[A-Za-z0-9_-]{16}");
        assertThat(first[3]).isEqualTo(999_999_999L);
        // the id as a cell of its own (a pseudonym's random characters may happen to contain its digits)
        assertThat(GridKt._getFormattedRow(grid, 0)).noneMatch(cell -> cell.contains("Heavy") || cell.equals(Long.toString(user)));
    }

    @Test
    void shouldRefuseSupportStaffAndOperators() {
        openUiAs("agent-ui", Role.SUPPORT);
        assertNotAllowed(() -> UI.getCurrent().navigate(RevenueReportView.class));
        openUiAs("operator-ui", Role.OPERATOR);
        assertNotAllowed(() -> UI.getCurrent().navigate(TokenEconomyView.class));
        assertNotAllowed(() -> UI.getCurrent().navigate(TopUsersView.class));
    }
}
