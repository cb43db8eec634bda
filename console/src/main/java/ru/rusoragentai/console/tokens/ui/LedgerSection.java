package ru.rusoragentai.console.tokens.ui;

import ru.rusoragentai.console.kit.GridColumns;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import ru.rusoragentai.console.tokens.Adjustment;
import ru.rusoragentai.console.tokens.AdjustmentService;
import ru.rusoragentai.console.tokens.LedgerEntry;
import ru.rusoragentai.console.tokens.LedgerKind;
import ru.rusoragentai.console.tokens.TokenLedgerService;

/** The user's ledger, paged lazily, filterable by kind and sortable by time; and, apart, their manual adjustments. */
final class LedgerSection {

    private LedgerSection() {
    }

    static Component ledger(long userId, TokenLedgerService ledger) {
        VerticalLayout section = new VerticalLayout();
        section.setSizeFull();
        section.setPadding(false);
        Select<LedgerKind> kind = new Select<>();
        kind.setId("ledger-kind-filter");
        kind.setLabel(section.getTranslation("ledger.kind"));
        kind.setItems(LedgerKind.values());
        kind.setEmptySelectionAllowed(true);
        kind.setEmptySelectionCaption(section.getTranslation("ledger.kind.all"));
        kind.setItemLabelGenerator(k -> k == null ? section.getTranslation("ledger.kind.all") : section.getTranslation("ledger.kind." + k.dbValue()));

        Grid<LedgerEntry> grid = new Grid<>();
        grid.setId("user-ledger");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        Grid.Column<LedgerEntry> time = grid.addColumn(e -> GridColumns.time(e.createdAt())).setHeader(grid.getTranslation("ledger.time"))
                .setAutoWidth(true).setKey("time").setSortable(true);
        grid.addColumn(e -> grid.getTranslation("ledger.kind." + e.kind().dbValue())).setHeader(grid.getTranslation("ledger.kind")).setAutoWidth(true);
        // lazily paged from an index in time order: only the time column sorts
        GridColumns.numberColumn(grid, e -> e.delta(), true).setHeader(grid.getTranslation("ledger.delta")).setSortable(false);
        GridColumns.numberColumn(grid, LedgerEntry::balanceAfter, false).setHeader(grid.getTranslation("ledger.balance-after")).setSortable(false);
        grid.addColumn(LedgerEntry::actor).setHeader(grid.getTranslation("audit.actor")).setAutoWidth(true);
        grid.addColumn(e -> why(grid, e)).setHeader(grid.getTranslation("ledger.reason")).setFlexGrow(3)
                .setTooltipGenerator(e -> e.reason() == null ? e.reference() : e.reason());
        grid.setMinHeight("20rem");
        grid.sort(com.vaadin.flow.component.grid.GridSortOrder.desc(time).build());
        Runnable load = () -> grid.setItems(q -> ledger.history(userId, kind.getValue(), GridColumns.newestFirst(q), q.getOffset(),
                q.getLimit()).stream(), q -> ledger.historyCount(userId, kind.getValue()));
        kind.addValueChangeListener(e -> load.run());
        load.run();
        section.add(kind, grid);
        return section;
    }

    static Component adjustments(long userId, AdjustmentService adjustments) {
        Grid<Adjustment> adjusted = new Grid<>();
        adjusted.setId("user-adjustments");
        adjusted.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        adjusted.setSizeFull();
        adjusted.setEmptyStateText(adjusted.getTranslation("grid.empty"));
        Grid.Column<Adjustment> time = adjusted.addColumn(a -> GridColumns.time(a.requestedAt())).setHeader(adjusted.getTranslation("ledger.time"))
                .setAutoWidth(true).setComparator(Adjustment::requestedAt);
        GridColumns.numberColumn(adjusted, Adjustment::delta, true).setHeader(adjusted.getTranslation("ledger.delta"))
                .setComparator(Adjustment::delta);
        adjusted.addColumn(a -> adjusted.getTranslation("adjust.reason." + a.reason().dbValue())).setHeader(adjusted.getTranslation("adjust.reason"))
                .setAutoWidth(true).setSortable(true);
        adjusted.addColumn(a -> adjusted.getTranslation("adjust.status." + a.status().name())).setHeader(adjusted.getTranslation("user.status"))
                .setAutoWidth(true).setSortable(true);
        adjusted.addColumn(Adjustment::requestedBy).setHeader(adjusted.getTranslation("adjust.requested-by")).setAutoWidth(true).setSortable(true);
        adjusted.addColumn(a -> a.decidedBy() == null ? "" : a.decidedBy()).setHeader(adjusted.getTranslation("adjust.decided-by"))
                .setAutoWidth(true).setSortable(true);
        adjusted.addColumn(Adjustment::comment).setHeader(adjusted.getTranslation("adjust.comment")).setFlexGrow(3);
        adjusted.setItems(adjustments.forUser(userId));
        adjusted.sort(com.vaadin.flow.component.grid.GridSortOrder.desc(time).build());
        return adjusted;
    }

    /**
     * Why the balance changed, in the reader's language where the platform wrote the entry (payments, monthly usage,
     * sign-up and referral bonuses, from their kind and reference); what a person wrote stays as written. The stored
     * reason is the tooltip.
     */
    static String why(com.vaadin.flow.component.Component in, LedgerEntry e) {
        String reference = e.reference() == null ? "" : e.reference();
        return switch (e.kind()) {
            case PURCHASE, REFUND, CHARGEBACK -> in.getTranslation("ledger.why." + e.kind().dbValue(), reference);
            case USAGE -> reference.startsWith("usage:") ? in.getTranslation("ledger.why.usage", reference.substring(6)) : written(e);
            case BONUS -> "signup".equals(reference) ? in.getTranslation("ledger.why.signup")
                    : reference.startsWith("referral:") ? in.getTranslation("ledger.why.referral", reference.substring(9)) : written(e);
            default -> written(e);
        };
    }

    private static String written(LedgerEntry e) {
        return e.reason() == null ? (e.reference() == null ? "" : e.reference()) : e.reason();
    }
}
