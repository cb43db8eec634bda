package ru.rusoragentai.console.abuse.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridSortOrder;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.data.provider.SortDirection;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import ru.rusoragentai.console.kit.Badge;
import ru.rusoragentai.console.abuse.AbuseActionService;
import ru.rusoragentai.console.abuse.AbuseQueueService;
import ru.rusoragentai.console.abuse.AbuseRuleService;
import ru.rusoragentai.console.abuse.FlagFilter;
import ru.rusoragentai.console.abuse.FlagStatus;
import ru.rusoragentai.console.abuse.FlagSummary;
import ru.rusoragentai.console.abuse.QueueSort;
import ru.rusoragentai.console.abuse.Severity;
import ru.rusoragentai.console.security.CurrentStaff;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.kit.Plurals;
import ru.rusoragentai.console.kit.ReasonDialog;

/**
 * The review queue: flags newest or riskiest first, filtered by rule, severity, status, age, score and assignee. A row
 * opens the flag with its evidence and the decisions; operators take, confirm, dismiss (one or many) and act.
 */
@Menu(title = "nav.abuse", order = 4, icon = "vaadin:flag")
@Route("abuse")
@RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN, Role.Names.SUPPORT})
public class AbuseQueueView extends VerticalLayout implements HasDynamicTitle {

    private final AbuseQueueService queue;
    private final AbuseActionService actions;
    private final ru.rusoragentai.console.abuse.AbuseGraphService graphs;
    private final CurrentStaff staff;
    private final boolean decides;
    private final Grid<FlagSummary> grid = new Grid<>();
    private final ComboBox<String> rule = new ComboBox<>();
    private final Select<Severity> severity = new Select<>();
    private final MultiSelectComboBox<FlagStatus> status = new MultiSelectComboBox<>();
    private final IntegerField minScore = new IntegerField();
    private final Select<Integer> age = new Select<>();
    private final Select<String> assignee = new Select<>();
    private final Span total = new Span();
    private final Button assign = new Button();
    private final Button dismiss = new Button();

    public AbuseQueueView(AbuseQueueService queue, AbuseActionService actions, AbuseRuleService rules,
                          ru.rusoragentai.console.abuse.AbuseGraphService graphs, CurrentStaff staff) {
        this.queue = queue;
        this.graphs = graphs;
        this.actions = actions;
        this.staff = staff;
        this.decides = staff.hasRole(Role.OPERATOR) || staff.hasRole(Role.ADMIN);
        setSizeFull();
        filters(decides ? rules.codes() : List.of());
        configureGrid();
        HorizontalLayout bulk = new HorizontalLayout(total, assign, dismiss);
        bulk.setAlignItems(Alignment.BASELINE);
        assign.setVisible(decides);
        dismiss.setVisible(decides);
        FlexLayout filters = new FlexLayout(rule, severity, status, minScore, age, assignee);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.getStyle().set("gap", "var(--lumo-space-s)");
        add(new H2(getTranslation("abuse.heading")), filters, bulk, grid);
        refresh();
    }

    private void filters(List<String> ruleCodes) {
        rule.setId("queue-rule");
        rule.setLabel(getTranslation("abuse.rule"));
        rule.setItems(ruleCodes.isEmpty() ? AbuseRuleCodes.ALL : ruleCodes);
        rule.setItemLabelGenerator(code -> AbuseText.rule(this, code));
        rule.setClearButtonVisible(true);
        severity.setId("queue-severity");
        severity.setLabel(getTranslation("abuse.severity"));
        severity.setItems(Severity.values());
        severity.setEmptySelectionAllowed(true);
        severity.setEmptySelectionCaption(getTranslation("abuse.any"));
        severity.setItemLabelGenerator(s -> s == null ? getTranslation("abuse.any") : getTranslation("abuse.severity." + s.dbValue()));
        status.setId("queue-status");
        status.setLabel(getTranslation("abuse.status"));
        status.setItems(FlagStatus.values());
        status.setItemLabelGenerator(s -> AbuseText.status(this, s));
        status.setValue(EnumSet.of(FlagStatus.NEW, FlagStatus.IN_REVIEW));
        status.setWidth("22em");
        minScore.setId("queue-min-score");
        minScore.setLabel(getTranslation("abuse.min-score"));
        minScore.setMin(0);
        minScore.setClearButtonVisible(true);
        age.setId("queue-age");
        age.setLabel(getTranslation("abuse.age"));
        age.setItems(0, 1, 7, 30);
        age.setValue(0);
        age.setItemLabelGenerator(days -> days == 0 ? getTranslation("abuse.any") : Plurals.text(this, "abuse.age.days", days, days));
        assignee.setId("queue-assignee");
        assignee.setLabel(getTranslation("abuse.assignee"));
        assignee.setItems("any", "me", "nobody");
        assignee.setValue("any");
        assignee.setItemLabelGenerator(a -> getTranslation("abuse.assignee." + a));
        rule.addValueChangeListener(e -> refresh());
        severity.addValueChangeListener(e -> refresh());
        status.addValueChangeListener(e -> refresh());
        minScore.addValueChangeListener(e -> refresh());
        age.addValueChangeListener(e -> refresh());
        assignee.addValueChangeListener(e -> refresh());
        total.setId("queue-total");
        assign.setText(getTranslation("abuse.assign-selected"));
        assign.setId("queue-assign");
        assign.addClickListener(e -> assignSelected());
        dismiss.setText(getTranslation("abuse.dismiss-selected"));
        dismiss.setId("queue-dismiss");
        dismiss.addThemeVariants(ButtonVariant.LUMO_ERROR);
        dismiss.addClickListener(e -> dismissSelected());
    }

    private void configureGrid() {
        grid.setId("queue-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSelectionMode(decides ? Grid.SelectionMode.MULTI : Grid.SelectionMode.NONE);
        grid.addColumn(f -> AbuseText.time(f.createdAt())).setHeader(getTranslation("abuse.created")).setKey(QueueSort.Key.CREATED.name())
                .setSortable(true).setWidth("10em").setFlexGrow(0);
        grid.addColumn(f -> AbuseText.rule(this, f.rule())).setHeader(getTranslation("abuse.rule")).setKey(QueueSort.Key.RULE.name())
                .setSortable(true).setWidth("14em").setFlexGrow(1);
        grid.addColumn(Badge.<FlagSummary>renderer(f -> AbuseText.severity(this, f.severity()), f -> AbuseText.severityTheme(f.severity())))
                .setHeader(getTranslation("abuse.severity"))
                .setKey(QueueSort.Key.SEVERITY.name()).setSortable(true).setWidth("8em").setFlexGrow(0);
        grid.addColumn(f -> AbuseText.subject(this, f)).setHeader(getTranslation("abuse.subject")).setWidth("12em").setFlexGrow(1);
        grid.addColumn(f -> f.userId() == null ? "" : Integer.toString(f.score())).setHeader(getTranslation("abuse.score"))
                .setKey(QueueSort.Key.SCORE.name()).setSortable(true).setWidth("7em").setFlexGrow(0);
        grid.addColumn(Badge.<FlagSummary>renderer(f -> AbuseText.status(this, f.status()), f -> AbuseText.statusTheme(f.status())))
                .setHeader(getTranslation("abuse.status"))
                .setKey(QueueSort.Key.STATUS.name()).setSortable(true).setWidth("10em").setFlexGrow(0);
        grid.addColumn(f -> f.assignee() == null ? "" : f.assignee()).setHeader(getTranslation("abuse.assignee")).setWidth("9em").setFlexGrow(0);
        grid.addColumn(f -> EvidenceSummary.of(this, f)).setHeader(getTranslation("abuse.evidence")).setFlexGrow(3)
                .setTooltipGenerator(f -> EvidenceSummary.of(this, f));
        grid.setMultiSort(false);
        grid.sort(List.of(new GridSortOrder<>(grid.getColumnByKey(QueueSort.Key.CREATED.name()), SortDirection.DESCENDING)));
        grid.addItemClickListener(e -> open(e.getItem().id()));
        grid.setEmptyStateText(getTranslation("abuse.empty"));
        grid.setSizeFull();
    }

    void open(long flagId) {
        new FlagDialog(queue.flag(flagId), queue, actions, graphs, staff, this::refresh).open();
    }

    void refresh() {
        FlagFilter filter = filter();
        grid.setItems(q -> {
            QueueSort sort = q.getSortOrders().stream().findFirst()
                    .map(o -> new QueueSort(QueueSort.Key.valueOf(o.getSorted()), o.getDirection() == SortDirection.ASCENDING))
                    .orElse(QueueSort.NEWEST);
            return queue.find(filter, sort, q.getOffset(), q.getLimit()).stream();
        }, q -> queue.count(filter));
        int count = queue.count(filter);
        total.setText(getTranslation(Plurals.key("abuse.count", count, getLocale()), count));
    }

    FlagFilter filter() {
        String who = switch (assignee.getValue()) {
            case "me" -> staff.actor();
            case "nobody" -> FlagFilter.UNASSIGNED;
            default -> null;
        };
        int days = age.getValue() == null ? 0 : age.getValue();
        return new FlagFilter(rule.getValue(), severity.getValue(), EnumSet.copyOf(status.getValue().isEmpty()
                ? EnumSet.allOf(FlagStatus.class) : status.getValue()), minScore.getValue(),
                days == 0 ? null : queue.now().minusDays(days), who, null, null);
    }

    private void assignSelected() {
        List<Long> ids = new ArrayList<>(grid.getSelectedItems().stream().map(FlagSummary::id).toList());
        if (ids.isEmpty()) {
            Notices.refused(this, new ru.rusoragentai.console.abuse.AbuseException("abuse.error.none-selected"));
            return;
        }
        int taken = queue.assignToMe(ids);
        Notices.done(this, "abuse.assigned", taken);
        grid.deselectAll();
        refresh();
    }

    private void dismissSelected() {
        List<Long> ids = new ArrayList<>(grid.getSelectedItems().stream().map(FlagSummary::id).toList());
        if (ids.isEmpty()) {
            Notices.refused(this, new ru.rusoragentai.console.abuse.AbuseException("abuse.error.none-selected"));
            return;
        }
        new ReasonDialog(getTranslation("abuse.dismiss-selected"), Plurals.text(this, "abuse.dismiss-selected.confirm", ids.size(), ids.size()), reason ->
                Notices.attempt(this, () -> {
                    int dismissed = queue.dismissAll(ids, reason);
                    Notices.done(this, "abuse.dismissed-many", dismissed);
                    grid.deselectAll();
                    refresh();
                })).open();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("abuse.heading");
    }
}
