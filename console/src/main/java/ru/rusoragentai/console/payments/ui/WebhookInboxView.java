package ru.rusoragentai.console.payments.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Pre;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import ru.rusoragentai.console.kit.RowAction;
import ru.rusoragentai.console.i18n.Texts;
import ru.rusoragentai.console.kit.Plurals;
import ru.rusoragentai.console.payments.BulkReplay;
import ru.rusoragentai.console.payments.InboxEntry;
import ru.rusoragentai.console.payments.InboxStatus;
import ru.rusoragentai.console.payments.IntakeResult;
import ru.rusoragentai.console.payments.WebhookIntakeService;
import ru.rusoragentai.console.plugins.PluginException;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.kit.Badge;

/** Every webhook delivery, newest first, filterable by status; parked ones can be replayed once fixed. */
@Menu(title = "nav.webhooks", order = 13, icon = "vaadin:inbox")
@Route("webhooks")
@RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN})
public class WebhookInboxView extends VerticalLayout implements HasDynamicTitle {

    private static final int MAX_BULK_REPLAY = 1_000;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final WebhookIntakeService intake;
    private final Grid<InboxEntry> grid = new Grid<>();
    private final ComboBox<InboxStatus> status = new ComboBox<>();
    private final Span total = new Span();
    private final Button replayWaiting = new Button();

    public WebhookInboxView(WebhookIntakeService intake) {
        this.intake = intake;
        setSizeFull();
        status.setId("inbox-status");
        status.setPlaceholder(getTranslation("inbox.all"));
        status.setClearButtonVisible(true);
        status.setItems(Arrays.asList(InboxStatus.values()));
        status.setItemLabelGenerator(s -> getTranslation("inbox.status." + s.dbValue()));
        status.addValueChangeListener(e -> refresh());
        total.setId("inbox-total");
        replayWaiting.setId("inbox-replay-waiting");
        replayWaiting.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        replayWaiting.addClickListener(e -> confirmReplayWaiting());
        HorizontalLayout filters = new HorizontalLayout(status, total, replayWaiting);
        filters.setAlignItems(Alignment.BASELINE);
        grid.setId("inbox-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(e -> TIME.format(e.receivedAt())).setHeader(getTranslation("inbox.received")).setAutoWidth(true);
        grid.addColumn(InboxEntry::channelId).setHeader(getTranslation("inbox.channel")).setAutoWidth(true);
        grid.addColumn(Badge.<InboxEntry>renderer(e -> getTranslation("inbox.status." + e.status().dbValue()), WebhookInboxView::statusTheme))
                .setKey("status").setHeader(getTranslation("inbox.status")).setAutoWidth(true);
        grid.addColumn(e -> e.eventKind() == null ? "" : getTranslation("inbox.kind." + e.eventKind())).setHeader(getTranslation("inbox.kind"))
                .setAutoWidth(true);
        grid.addColumn(InboxEntry::externalId).setHeader(getTranslation("inbox.external")).setAutoWidth(true);
        // rendered in the browser: a link to the user page (client-side navigation), or the Telegram id nobody matched
        grid.addColumn(LitRenderer.<InboxEntry>of("${item.user ? html`<a href=\"users/${item.user}\" router-link>#${item.user}</a>` : item.telegram}")
                        .withProperty("user", e -> e.userId() == null ? "" : e.userId().toString())
                        .withProperty("telegram", e -> e.telegramUserId() == null ? "" : "tg:" + e.telegramUserId()))
                .setHeader(getTranslation("inbox.user")).setAutoWidth(true);
        grid.addColumn(e -> e.tokens() == null ? "" : java.text.NumberFormat.getIntegerInstance(getLocale()).format(e.tokens()))
                .setHeader(getTranslation("inbox.tokens")).setAutoWidth(true);
        grid.addColumn(this::outcome).setHeader(getTranslation("inbox.outcome")).setFlexGrow(3).setTooltipGenerator(this::outcome);
        grid.addComponentColumn(this::replayButton).setKey("actions").setHeader(getTranslation("staff.actions")).setAutoWidth(true);
        grid.setItemDetailsRenderer(new ComponentRenderer<>(e -> new Pre(e.body())));
        grid.setEmptyStateText(getTranslation("inbox.empty"));
        grid.setSizeFull();
        add(new H2(getTranslation("inbox.heading")), filters, grid);
        refresh();
    }

    /** What became of the delivery in the reader's language; rows from before outcomes were kept as texts, as written. */
    private String outcome(InboxEntry entry) {
        return entry.outcomeText() == null ? entry.outcome() : Texts.of(this, entry.outcomeText());
    }

    private static String statusTheme(InboxEntry entry) {
        return switch (entry.status()) {
            case APPLIED -> "success";
            case DUPLICATE, IGNORED -> "contrast";
            default -> "error";
        };
    }

    private Component replayButton(InboxEntry entry) {
        if (!entry.status().replayable()) {
            return new Span();
        }
        Button replay = new Button(getTranslation("inbox.replay"), e -> confirmReplay(entry));
        RowAction.mark(replay, "replay", entry.id());
        replay.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        return replay;
    }

    private void confirmReplay(InboxEntry entry) {
        ConfirmDialog dialog = new ConfirmDialog(getTranslation("inbox.replay") + " #" + entry.id(),
                getTranslation("inbox.replay.confirm", outcome(entry)), getTranslation("inbox.replay"), e -> replay(entry));
        dialog.setId("replay-confirm");
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.open();
    }

    void replay(InboxEntry entry) {
        try {
            IntakeResult result = intake.replay(entry.id());
            Notification notification = Notification.show(getTranslation("inbox.status." + result.status().dbValue()) + ": "
                    + Texts.of(this, result.outcomeText()), 6_000, Notification.Position.BOTTOM_START);
            notification.addThemeVariants(result.status() == InboxStatus.APPLIED ? NotificationVariant.LUMO_SUCCESS
                    : NotificationVariant.LUMO_WARNING);
        } catch (PluginException refused) {
            Notification.show(Texts.of(this, refused), 8_000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    /** Failed or unmatched deliveries (the filter's, when it picks one of those), oldest first. */
    private java.util.List<Long> waiting() {
        InboxStatus filter = status.getValue() != null && status.getValue().replayable() ? status.getValue() : null;
        return intake.replayable(filter, null, MAX_BULK_REPLAY);
    }

    private void confirmReplayWaiting() {
        java.util.List<Long> ids = waiting();
        ConfirmDialog dialog = new ConfirmDialog(getTranslation("inbox.replay-waiting.title"),
                Plurals.text(this, "inbox.replay-waiting.confirm", ids.size(), ids.size()), getTranslation("inbox.replay"), e -> replayAll(ids));
        dialog.setId("replay-waiting-confirm");
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.open();
    }

    void replayAll(java.util.List<Long> ids) {
        BulkReplay result = intake.replayAll(ids);
        Notification.show(getTranslation("inbox.replay-waiting.done", result.replayed(), result.refused().size()), 8_000,
                Notification.Position.BOTTOM_START).addThemeVariants(result.refused().isEmpty()
                ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_WARNING);
        refresh();
    }

    private void refresh() {
        int waitingCount = waiting().size();
        replayWaiting.setText(getTranslation("inbox.replay-waiting", waitingCount));
        replayWaiting.setEnabled(waitingCount > 0);
        InboxStatus filter = status.getValue();
        int count = intake.inboxCount(filter, null);
        total.setText(Plurals.text(this, "inbox.total", count, count));
        grid.setItems(q -> intake.inbox(filter, null, q.getOffset(), q.getLimit()).stream(), q -> intake.inboxCount(filter, null));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("inbox.heading");
    }
}
