package ru.rusoragentai.console.plugins.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.format.DateTimeFormatter;
import java.util.List;
import ru.rusoragentai.console.kit.RowAction;
import ru.rusoragentai.console.i18n.Texts;
import ru.rusoragentai.console.plugins.PluginException;

/**
 * Things waiting for a second administrator, one row each, with Approve and Reject (behind a confirmation) for
 * administrators only; hidden while nothing waits. Subclasses say what the rows are and what deciding does.
 */
abstract class PendingDecisionsPanel<T> extends VerticalLayout {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    protected final Grid<T> grid = new Grid<>();
    private final String kind;
    private final Runnable onDecided;

    /**
     * @param kind names the panel ({@code pending-<kind>s}), its confirmation ({@code pending-<kind>-confirm}) and the row
     *     buttons' classes ({@code approve-<kind>}, {@code reject-<kind>}, marked by {@link RowAction})
     */
    PendingDecisionsPanel(String kind, Runnable onDecided) {
        this.kind = kind;
        this.onDecided = onDecided;
        setPadding(false);
        setId("pending-" + kind + "s");
        grid.setId("pending-" + kind + "s-grid");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setAllRowsVisible(true);
    }

    /** Call at the end of the subclass's constructor, after its columns. */
    protected void finish(boolean canDecide, String headingKey, String helpKey) {
        if (canDecide) {
            grid.addComponentColumn(this::decisions).setKey("decide").setHeader(getTranslation("staff.actions")).setAutoWidth(true);
        }
        Paragraph help = new Paragraph(getTranslation(helpKey));
        help.addClassName("hint");
        add(new H3(getTranslation(headingKey)), help, grid);
        refresh();
    }

    protected abstract List<T> pending();

    protected abstract long id(T item);

    /** The confirmation's text: what exactly is decided. */
    protected abstract String describe(T item);

    /**
     * Carries out the decision; returns what the notification says.
     *
     * @throws PluginException when the decision is refused
     */
    protected abstract String decide(T item, boolean approve);

    void refresh() {
        List<T> items = pending();
        grid.setItems(items);
        setVisible(!items.isEmpty());
    }

    private Component decisions(T item) {
        Button approve = new Button(getTranslation("plugins.pending.approve"), e -> confirm(item, true));
        RowAction.mark(approve, "approve-" + kind, id(item));
        approve.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        Button reject = new Button(getTranslation("plugins.pending.reject"), e -> confirm(item, false));
        RowAction.mark(reject, "reject-" + kind, id(item));
        reject.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(approve, reject);
    }

    private void confirm(T item, boolean approve) {
        String action = getTranslation(approve ? "plugins.pending.approve" : "plugins.pending.reject");
        ConfirmDialog dialog = new ConfirmDialog(action + " #" + id(item), describe(item), action, e -> run(item, approve));
        dialog.setId("pending-" + kind + "-confirm");
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.open();
    }

    private void run(T item, boolean approve) {
        try {
            Notification.show(decide(item, approve)).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (PluginException refused) {
            Notification.show(Texts.of(this, refused), 8_000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
        onDecided.run();
    }
}
