package ru.rusoragentai.console.payments.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static ru.rusoragentai.db.Tables.TOKEN_BALANCE;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.rusoragentai.console.payments.InboxEntry;
import ru.rusoragentai.console.payments.InboxStatus;
import ru.rusoragentai.console.payments.IntakeResult;
import ru.rusoragentai.console.payments.WebhookIntakeService;
import ru.rusoragentai.console.plugins.PluginService;
import ru.rusoragentai.console.plugins.SettingsApprovalService;
import ru.rusoragentai.console.plugins.SettingsChange;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.support.KaribuTest;
import ru.rusoragentai.console.support.TestData;

class WebhookInboxViewTest extends KaribuTest {

    private static final String KEY = "inbox-view-key";

    @Autowired
    WebhookIntakeService intake;

    @Autowired
    PluginService plugins;

    @Autowired
    ru.rusoragentai.console.plugins.PluginGateway contexts;

    @Autowired
    SettingsApprovalService approvals;

    @Test
    void shouldFilterParkedDeliveriesAndReplayOneAfterTheUserSignsUp() throws Exception {
        signInAs("operator-ui", Role.OPERATOR);
        var saved = plugins.saveSettings("pay-tribute", new SettingsChange(Map.of("products", "digital:5 = 777"), Map.of("api-key", KEY), Set.of()));
        if (saved.pending()) {
            signInAs("admin-ui", Role.ADMIN);
            approvals.approve(saved.pendingChangeId());
            signInAs("operator-ui", Role.OPERATOR);
        }
        long telegramId = TestData.unusedTelegramId();
        String body = """
                {"name": "new_digital_product", "created_at": "2026-11-27T09:00:00Z", "sent_at": "2026-11-27T09:00:00Z",
                 "payload": {"product_id": 5, "purchase_id": %d, "amount": 100, "currency": "eur", "telegram_user_id": %d}}"""
                .formatted(System.nanoTime(), telegramId);
        IntakeResult parked = intake.receive("pay-tribute", body.getBytes(StandardCharsets.UTF_8),
                Map.of("trbt-signature", List.of(sign(body))));
        assertThat(parked.status()).isEqualTo(InboxStatus.UNMATCHED);
        long user = TestData.insertUserWithTelegramId(dsl, "Late sign-up", telegramId);

        openUiAs("operator-ui", Role.OPERATOR);
        UI.getCurrent().navigate(WebhookInboxView.class);
        @SuppressWarnings("unchecked")
        ComboBox<InboxStatus> status = _get(ComboBox.class, spec -> spec.withId("inbox-status"));
        status.setValue(InboxStatus.UNMATCHED);
        List<InboxEntry> rows = GridKt._findAll(grid());
        assertThat(rows).allSatisfy(e -> assertThat(e.status()).isEqualTo(InboxStatus.UNMATCHED));
        int row = rows.stream().map(InboxEntry::id).toList().indexOf(parked.inboxId());
        // the outcome is said in the reader's language: in Russian the same row reads in Russian
        UI.getCurrent().setLocale(java.util.Locale.forLanguageTag("ru"));
        assertThat(GridKt._getFormattedRow(grid(), row)).contains("покупка", "Нет пользователя с Telegram id " + telegramId
                + "; повторите, когда он зарегистрируется.");
        UI.getCurrent().setLocale(java.util.Locale.ENGLISH);
        Component cell = GridKt._getCellComponent(grid(), row, "actions");
        _click(_get(cell, Button.class, spec -> spec.withClasses("replay").withAttribute("data-row", Long.toString(parked.inboxId()))));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("replay-confirm")));

        NotificationsKt.expectNotifications("Applied: Credited tokens: 777; balance now 777. Replayed under the settings it arrived under"
                + " (settings change #" + contexts.settingsVersion("pay-tribute") + ").");
        assertThat(dsl.select(TOKEN_BALANCE.BALANCE).from(TOKEN_BALANCE).where(TOKEN_BALANCE.USER_ID.eq(user)).fetchSingle().value1())
                .isEqualTo(777L);
        assertThat(GridKt._findAll(grid())).extracting(InboxEntry::id).doesNotContain(parked.inboxId());
    }

    @Test
    void shouldRefuseAnalysts() {
        openUiAs("analyst-ui", Role.ANALYST);
        assertNotAllowed(() -> UI.getCurrent().navigate(WebhookInboxView.class));
    }

    @SuppressWarnings("unchecked")
    private static Grid<InboxEntry> grid() {
        return _get(Grid.class, spec -> spec.withId("inbox-grid"));
    }

    private static String sign(String body) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return java.util.HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }
}
