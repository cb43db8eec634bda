package ru.rusoragentai.console.users.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import ru.rusoragentai.console.tokens.Adjustment;
import ru.rusoragentai.console.tokens.AdjustmentService;
import ru.rusoragentai.console.tokens.LedgerEntry;
import ru.rusoragentai.console.tokens.LedgerKind;
import ru.rusoragentai.console.tokens.TokenLedgerService;

/** The user's ledger, paged lazily and filterable by kind, and their manual adjustments. */
class LedgerSection extends VerticalLayout {

    LedgerSection(long userId, TokenLedgerService ledger, AdjustmentService adjustments) {
        setSizeFull();
        setPadding(false);
        Select<LedgerKind> kind = new Select<>();
        kind.setId("ledger-kind-filter");
        kind.setLabel(getTranslation("ledger.kind"));
        kind.setItems(LedgerKind.values());
        kind.setEmptySelectionAllowed(true);
        kind.setEmptySelectionCaption(getTranslation("ledger.kind.all"));
        kind.setItemLabelGenerator(k -> k == null ? getTranslation("ledger.kind.all") : getTranslation("ledger.kind." + k.dbValue()));

        Grid<LedgerEntry> grid = new Grid<>();
        grid.setId("user-ledger");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(e -> UserSections.time(e.createdAt())).setHeader(getTranslation("ledger.time")).setAutoWidth(true);
        grid.addColumn(e -> getTranslation("ledger.kind." + e.kind().dbValue())).setHeader(getTranslation("ledger.kind")).setAutoWidth(true);
        grid.addColumn(e -> (e.delta() > 0 ? "+" : "") + e.delta()).setHeader(getTranslation("ledger.delta")).setAutoWidth(true);
        grid.addColumn(LedgerEntry::balanceAfter).setHeader(getTranslation("ledger.balance-after")).setAutoWidth(true);
        grid.addColumn(LedgerEntry::actor).setHeader(getTranslation("audit.actor")).setAutoWidth(true);
        grid.addColumn(e -> e.reason() == null ? e.reference() : e.reason()).setHeader(getTranslation("ledger.reason")).setFlexGrow(3);
        grid.setMinHeight("20rem");
        Runnable load = () -> grid.setItems(q -> ledger.history(userId, kind.getValue(), q.getOffset(), q.getLimit()).stream(),
                q -> ledger.historyCount(userId, kind.getValue()));
        kind.addValueChangeListener(e -> load.run());
        load.run();

        Grid<Adjustment> adjusted = new Grid<>();
        adjusted.setId("user-adjustments");
        adjusted.addThemeVariants(GridVariant.LUMO_COMPACT);
        adjusted.addColumn(a -> UserSections.time(a.requestedAt())).setHeader(getTranslation("ledger.time")).setAutoWidth(true);
        adjusted.addColumn(Adjustment::delta).setHeader(getTranslation("ledger.delta")).setAutoWidth(true);
        adjusted.addColumn(a -> getTranslation("adjust.reason." + a.reason().dbValue())).setHeader(getTranslation("adjust.reason")).setAutoWidth(true);
        adjusted.addColumn(a -> getTranslation("adjust.status." + a.status().name())).setHeader(getTranslation("user.status")).setAutoWidth(true);
        adjusted.addColumn(Adjustment::requestedBy).setHeader(getTranslation("adjust.requested-by")).setAutoWidth(true);
        adjusted.addColumn(a -> a.decidedBy() == null ? "" : a.decidedBy()).setHeader(getTranslation("adjust.decided-by")).setAutoWidth(true);
        adjusted.addColumn(Adjustment::comment).setHeader(getTranslation("adjust.comment")).setFlexGrow(3);
        adjusted.setItems(adjustments.forUser(userId));
        adjusted.setAllRowsVisible(true);
        add(kind, grid, new H4(getTranslation("adjust.heading")), adjusted);
    }
}
