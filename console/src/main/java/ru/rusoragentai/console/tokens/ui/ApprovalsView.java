package ru.rusoragentai.console.tokens.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import ru.rusoragentai.console.kit.RowAction;
import ru.rusoragentai.console.kit.Plurals;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.kit.Numbers;
import ru.rusoragentai.console.tokens.Adjustment;
import ru.rusoragentai.console.tokens.AdjustmentException;
import ru.rusoragentai.console.tokens.AdjustmentService;
import ru.rusoragentai.console.tokens.InsufficientBalanceException;
import ru.rusoragentai.console.tokens.TokenLedgerService;
import ru.rusoragentai.console.users.UserPage;

/** Four-eyes queue: large adjustments wait here for an ADMIN who did not request them. */
@Menu(title = "nav.approvals", order = 3, icon = "vaadin:check-square-o")
@Route("approvals")
@RolesAllowed(Role.Names.ADMIN)
public class ApprovalsView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final AdjustmentService adjustments;
    private final Grid<Adjustment> grid = new Grid<>();
    private final TokenLedgerService ledger;
    /** Who each listed adjustment is for, filled page by page as the grid asks for rows. */
    private final Map<Long, String> names = new HashMap<>();

    public ApprovalsView(AdjustmentService adjustments, TokenLedgerService ledger) {
        this.adjustments = adjustments;
        this.ledger = ledger;
        setSizeFull();
        grid.setId("approvals-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(a -> TIME.format(a.requestedAt())).setHeader(getTranslation("ledger.time")).setAutoWidth(true);
        grid.addComponentColumn(a -> UserPage.link(names.getOrDefault(a.userId(), "") + " (#" + a.userId() + ")", a.userId()))
                .setKey("user").setHeader(getTranslation("approvals.user")).setAutoWidth(true);
        grid.addColumn(a -> Numbers.signed(grid, a.delta()))
                .setHeader(getTranslation("ledger.delta")).setAutoWidth(true);
        grid.addColumn(a -> getTranslation("adjust.reason." + a.reason().dbValue())).setHeader(getTranslation("adjust.reason")).setAutoWidth(true);
        grid.addColumn(Adjustment::comment).setHeader(getTranslation("adjust.comment")).setFlexGrow(2);
        grid.addColumn(Adjustment::requestedBy).setHeader(getTranslation("adjust.requested-by")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setKey("actions").setHeader(getTranslation("staff.actions")).setAutoWidth(true);
        grid.setSizeFull();
        grid.setEmptyStateText(getTranslation("approvals.empty"));
        Button check = new Button(getTranslation("ledger.check"), e -> checkBalances());
        check.setId("ledger-check");
        add(new HorizontalLayout(new H2(getTranslation("approvals.heading")), check), grid);
        refresh();
    }

    private HorizontalLayout actions(Adjustment adjustment) {
        Button approve = new Button(getTranslation("approvals.approve"), e -> decide(adjustment, true));
        RowAction.mark(approve, "approve", adjustment.id());
        approve.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_SUCCESS);
        Button reject = new Button(getTranslation("approvals.reject"), e -> decide(adjustment, false));
        RowAction.mark(reject, "reject", adjustment.id());
        reject.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(approve, reject);
    }

    private void decide(Adjustment adjustment, boolean approve) {
        Dialog dialog = new Dialog();
        dialog.setId("decision-dialog");
        dialog.setHeaderTitle(getTranslation(approve ? "approvals.approve" : "approvals.reject") + " #" + adjustment.id());
        TextArea note = new TextArea(getTranslation(approve ? "approvals.note" : "approvals.reject-reason"));
        note.setId("decision-note");
        note.setWidthFull();
        dialog.add(note);
        BiFunction<Long, String, Adjustment> action = approve ? adjustments::approve : adjustments::reject;
        note.setRequiredIndicatorVisible(!approve);
        note.addValueChangeListener(e -> note.setInvalid(false));
        Button confirm = new Button(getTranslation("action.confirm"), e -> {
            if (!approve && note.getValue().isBlank()) {
                // a rejection needs its reason: say so next to the field and keep what was typed around it
                note.setErrorMessage(getTranslation("adjust.error.rejection-note"));
                note.setInvalid(true);
                return;
            }
            dialog.close();
            try {
                action.apply(adjustment.id(), note.getValue());
                Notification.show(getTranslation(approve ? "approvals.approved" : "approvals.rejected"))
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            } catch (AdjustmentException refused) {
                Notification.show(getTranslation(refused.messageKey())).addThemeVariants(NotificationVariant.LUMO_ERROR);
            } catch (InsufficientBalanceException refused) {
                Notification.show(Plurals.text(this, "adjust.error.insufficient", refused.balance(), refused.balance())).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
            refresh();
        });
        confirm.setId("decision-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), confirm);
        dialog.open();
    }

    private void checkBalances() {
        var discrepancies = ledger.findDiscrepancies();
        if (discrepancies.isEmpty()) {
            Notification.show(getTranslation("ledger.check.ok")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } else {
            Notification notification = Notification.show(Plurals.text(this, "ledger.check.broken", discrepancies.size(), discrepancies.size(),
                    discrepancies.getFirst().userId(), discrepancies.getFirst().balance(), discrepancies.getFirst().ledgerSum()));
            notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
            notification.setDuration(15_000);
        }
    }

    private void refresh() {
        grid.setItems(q -> {
            List<Adjustment> page = adjustments.pending(q.getOffset(), q.getLimit());
            names.putAll(adjustments.userNames(page));
            return page.stream();
        }, q -> adjustments.pendingCount());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("approvals.heading");
    }
}
