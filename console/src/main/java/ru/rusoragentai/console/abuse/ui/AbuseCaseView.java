package ru.rusoragentai.console.abuse.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import ru.rusoragentai.console.abuse.AbuseActionService;
import ru.rusoragentai.console.abuse.AbuseCaseService;
import ru.rusoragentai.console.abuse.AbuseException;
import ru.rusoragentai.console.abuse.AbuseGraphService;
import ru.rusoragentai.console.abuse.AbuseQueueService;
import ru.rusoragentai.console.abuse.ActionSummary;
import ru.rusoragentai.console.abuse.CaseNote;
import ru.rusoragentai.console.abuse.CaseSummary;
import ru.rusoragentai.console.abuse.FlagFilter;
import ru.rusoragentai.console.abuse.FlagSummary;
import ru.rusoragentai.console.abuse.QueueSort;
import ru.rusoragentai.console.security.CurrentStaff;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.kit.ReasonDialog;

/**
 * One case: its flags, the linked accounts between its users, notes, an outcome, and measures on every account, which
 * wait for a second administrator.
 */
@Route("abuse/cases/:id")
@RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN, Role.Names.SUPPORT})
public class AbuseCaseView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final AbuseCaseService cases;
    private final AbuseQueueService queue;
    private final AbuseActionService actions;
    private final AbuseGraphService graphs;
    private final CurrentStaff staff;
    private CaseSummary current;

    public AbuseCaseView(AbuseCaseService cases, AbuseQueueService queue, AbuseActionService actions, AbuseGraphService graphs,
                         CurrentStaff staff) {
        this.cases = cases;
        this.queue = queue;
        this.actions = actions;
        this.graphs = graphs;
        this.staff = staff;
        setWidthFull();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        try {
            current = cases.find(Long.parseLong(event.getRouteParameters().get("id").orElse("")));
        } catch (NumberFormatException | AbuseException missing) {
            event.forwardTo(AbuseQueueView.class);
            Notices.refused(this, new AbuseException("abuse.error.no-case"));
            return;
        }
        render();
    }

    private void render() {
        removeAll();
        boolean decides = staff.hasRole(Role.OPERATOR) || staff.hasRole(Role.ADMIN);
        H2 heading = new H2(getTranslation("abuse.case.heading", current.id(), AbuseText.rule(this, current.rule())));
        heading.setId("case-heading");
        Paragraph state = new Paragraph(getTranslation("abuse.case.state", getTranslation("abuse.case.status." + current.status()),
                current.flags(), current.openFlags(), current.users())
                + (current.outcome() == null ? "" : " " + getTranslation("abuse.case.outcome." + current.outcome())));
        state.setId("case-state");
        add(heading, state);
        if (decides && "open".equals(current.status())) {
            add(caseButtons());
        }
        add(flags(), new H3(getTranslation("abuse.graph")), new LinkedGraph(graphs.aroundCase(current.id()), new UserLinks(staff.roles()).canOpen()));
        add(new H3(getTranslation("abuse.case.actions")), caseActions(decides));
        add(new H3(getTranslation("abuse.case.notes")), notes(decides));
    }

    private HorizontalLayout caseButtons() {
        Button close = new Button(getTranslation("abuse.case.close"), e -> closeDialog());
        close.setId("case-close");
        Button act = new Button(getTranslation("abuse.act.case"), e -> new ActionDialog(current.id(), actions, this::reload).open());
        act.setId("case-act");
        act.addThemeVariants(ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(close, act);
    }

    private Grid<FlagSummary> flags() {
        Grid<FlagSummary> grid = new Grid<>();
        grid.setId("case-flags");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(f -> AbuseText.subject(this, f)).setHeader(getTranslation("abuse.subject")).setAutoWidth(true);
        grid.addColumn(f -> Integer.toString(f.score())).setHeader(getTranslation("abuse.score")).setAutoWidth(true);
        grid.addComponentColumn(f -> AbuseText.statusBadge(this, f.status())).setHeader(getTranslation("abuse.status")).setAutoWidth(true);
        grid.addColumn(f -> EvidenceSummary.of(this, f)).setHeader(getTranslation("abuse.evidence")).setFlexGrow(3);
        grid.setItems(q -> queue.find(FlagFilter.ofCase(current.id()), QueueSort.NEWEST, q.getOffset(), q.getLimit()).stream(),
                q -> queue.count(FlagFilter.ofCase(current.id())));
        grid.addItemClickListener(e -> new FlagDialog(queue.flag(e.getItem().id()), queue, actions, graphs, staff, this::reload).open());
        grid.setHeight("280px");
        grid.getStyle().set("flex-shrink", "0");
        return grid;
    }

    private VerticalLayout caseActions(boolean decides) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.setId("case-actions");
        var all = actions.ofCase(current.id());
        if (all.isEmpty()) {
            box.add(new Paragraph(getTranslation("abuse.case.no-actions")));
        }
        for (ActionSummary a : all) {
            String who = a.userId() == null ? getTranslation("abuse.case.every-account") : "#" + a.userId();
            HorizontalLayout row = new HorizontalLayout(new Paragraph(getTranslation("abuse.action.line", getTranslation("abuse.action." + a.kind().dbValue()),
                    who, getTranslation("abuse.action.status." + a.status()), a.requestedBy(), AbuseText.time(a.requestedAt()), a.reason())));
            row.setAlignItems(Alignment.BASELINE);
            if ("pending".equals(a.status()) && staff.hasRole(Role.ADMIN) && decides) {
                Button approve = new Button(getTranslation("abuse.case.approve"), e -> approve(a));
                approve.setId("case-approve-" + a.id());
                approve.addThemeVariants(ButtonVariant.LUMO_PRIMARY, ButtonVariant.LUMO_SMALL);
                Button reject = new Button(getTranslation("abuse.case.reject"), e -> new ReasonDialog(getTranslation("abuse.case.reject"),
                        getTranslation("abuse.case.reject.question"), reason -> {
                            if (Notices.attempt(this, () -> actions.rejectForCase(a.id(), reason))) {
                                reload();
                            }
                        }).open());
                reject.setId("case-reject-" + a.id());
                reject.addThemeVariants(ButtonVariant.LUMO_SMALL);
                row.add(approve, reject);
            }
            box.add(row);
        }
        return box;
    }

    private void approve(ActionSummary action) {
        com.vaadin.flow.component.confirmdialog.ConfirmDialog confirm = new com.vaadin.flow.component.confirmdialog.ConfirmDialog(
                getTranslation("abuse.case.approve"), getTranslation("abuse.case.approve.question",
                getTranslation("abuse.action." + action.kind().dbValue()), current.users()), getTranslation("abuse.case.approve"), e -> {
                    if (Notices.attempt(this, () -> Notices.done(this, "abuse.case.approved", actions.approveForCase(action.id()))) ) {
                        reload();
                    }
                });
        confirm.setId("case-approve-confirm");
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.open();
    }

    private VerticalLayout notes(boolean decides) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.setId("case-notes");
        for (CaseNote note : cases.notes(current.id())) {
            box.add(new Paragraph(AbuseText.time(note.createdAt()) + " · " + note.author() + ": " + note.body()));
        }
        if (decides) {
            TextArea text = new TextArea(getTranslation("abuse.case.note"));
            text.setId("case-note-text");
            text.setWidthFull();
            text.setMaxLength(4000);
            Button add = new Button(getTranslation("abuse.case.add-note"), e -> {
                if (text.getValue().isBlank()) {
                    text.setInvalid(true);
                    text.setErrorMessage(getTranslation("abuse.error.note"));
                    return;
                }
                if (Notices.attempt(this, () -> cases.addNote(current.id(), text.getValue()))) {
                    reload();
                }
            });
            add.setId("case-add-note");
            box.add(text, add);
        }
        return box;
    }

    private void closeDialog() {
        com.vaadin.flow.component.dialog.Dialog dialog = new com.vaadin.flow.component.dialog.Dialog();
        dialog.setId("case-close-dialog");
        dialog.setHeaderTitle(getTranslation("abuse.case.close"));
        Select<AbuseCaseService.Outcome> outcome = new Select<>();
        outcome.setId("case-outcome");
        outcome.setLabel(getTranslation("abuse.case.outcome"));
        outcome.setItems(AbuseCaseService.Outcome.values());
        outcome.setItemLabelGenerator(o -> getTranslation("abuse.case.outcome." + o.name().toLowerCase(java.util.Locale.ROOT)));
        TextArea reason = new TextArea(getTranslation("user.reason"));
        reason.setId("case-close-reason");
        reason.setWidthFull();
        dialog.add(outcome, reason);
        Button close = new Button(getTranslation("abuse.case.close"), e -> {
            outcome.setInvalid(outcome.getValue() == null);
            reason.setInvalid(reason.getValue().isBlank());
            reason.setErrorMessage(getTranslation("user.error.reason-required"));
            if (outcome.isInvalid() || reason.isInvalid()) {
                return;
            }
            if (Notices.attempt(this, () -> current = cases.close(current.id(), current.version(), outcome.getValue(), reason.getValue()))) {
                dialog.close();
                Notices.done(this, "abuse.case.closed");
                render();
            }
        });
        close.setId("case-close-confirm");
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), close);
        dialog.open();
    }

    private void reload() {
        current = cases.find(current.id());
        render();
    }

    @Override
    public String getPageTitle() {
        return current == null ? "" : getTranslation("abuse.case.heading", current.id(), AbuseText.rule(this, current.rule()));
    }
}
