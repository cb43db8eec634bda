package ru.rusoragentai.console.abuse.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import java.util.List;
import ru.rusoragentai.console.abuse.AbuseActionService;
import ru.rusoragentai.console.abuse.AbuseQueueService;
import ru.rusoragentai.console.abuse.FlagSummary;
import ru.rusoragentai.console.security.CurrentStaff;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.kit.ReasonDialog;

/** One flag: who, which rule, the evidence, and the decisions and measures staff may take on it. */
class FlagDialog extends Dialog {

    private final AbuseQueueService queue;
    private final AbuseActionService actions;
    private final ru.rusoragentai.console.abuse.AbuseGraphService graphs;
    private final CurrentStaff staff;
    private final Runnable changed;
    private FlagSummary flag;

    FlagDialog(FlagSummary flag, AbuseQueueService queue, AbuseActionService actions, ru.rusoragentai.console.abuse.AbuseGraphService graphs,
               CurrentStaff staff, Runnable changed) {
        this.flag = flag;
        this.graphs = graphs;
        this.queue = queue;
        this.actions = actions;
        this.staff = staff;
        this.changed = changed;
        setId("flag-dialog");
        setWidth("760px");
        render();
    }

    private void render() {
        removeAll();
        getFooter().removeAll();
        setHeaderTitle(AbuseText.rule(this, flag.rule()) + " · #" + flag.id());
        UserLinks links = new UserLinks(staff.roles());
        Div subject = new Div(new Span(getTranslation("abuse.subject") + ": "), flag.userId() == null
                ? new Span(AbuseText.subject(this, flag)) : links.link(flag.userId(), AbuseText.subject(this, flag)));
        subject.setId("flag-subject");
        FlexLayout badges = new FlexLayout(AbuseText.severityBadge(this, flag.severity()), AbuseText.statusBadge(this, flag.status()));
        badges.getStyle().set("gap", "var(--lumo-space-s)");
        add(subject, badges, new Paragraph(getTranslation("abuse.rule." + flag.rule() + ".description")));
        if (flag.userId() != null) {
            add(new Paragraph(getTranslation("abuse.flag.score", flag.score())));
        }
        add(new EvidenceView(flag.evidence(), links));
        add(new Paragraph(getTranslation(ru.rusoragentai.console.kit.Plurals.key("abuse.flag.seen", flag.hits(), getLocale()),
                AbuseText.time(flag.createdAt()), AbuseText.time(flag.updatedAt()), flag.hits())));
        if (flag.resolvedBy() != null) {
            Paragraph decided = new Paragraph(getTranslation("abuse.flag.decided", flag.resolvedBy(), AbuseText.time(flag.resolvedAt())));
            decided.setId("flag-decided");
            add(decided);
        }
        if (flag.userId() != null) {
            com.vaadin.flow.component.details.Details linked = new com.vaadin.flow.component.details.Details(getTranslation("abuse.graph"));
            linked.setId("flag-linked-graph");
            linked.setWidthFull();
            linked.addOpenedChangeListener(e -> {
                if (e.isOpened() && linked.getContent().findAny().isEmpty()) {
                    linked.add(new LinkedGraph(graphs.aroundUser(flag.userId()), links.canOpen()));
                }
            });
            add(linked);
        }
        if (flag.caseId() != null) {
            RouterLink toCase = new RouterLink(getTranslation("abuse.flag.case", flag.caseId()), AbuseCaseView.class,
                    new RouteParameters("id", Long.toString(flag.caseId())));
            toCase.setId("flag-case");
            toCase.getElement().addEventListener("click", e -> close());
            add(toCase);
        }
        buttons();
    }

    private void buttons() {
        Button close = new Button(getTranslation("action.close"), e -> close());
        if (!(staff.hasRole(Role.OPERATOR) || staff.hasRole(Role.ADMIN))) {
            getFooter().add(close);
            return;
        }
        List<Button> buttons = new java.util.ArrayList<>();
        if (flag.status().open()) {
            buttons.add(button("flag-assign", "abuse.assign", () -> {
                queue.assignToMe(List.of(flag.id()));
                reload();
            }));
            buttons.add(button("flag-confirm", "abuse.confirm", () -> decide(true)));
            Button dismiss = button("flag-dismiss", "abuse.dismiss", () -> decide(false));
            dismiss.addThemeVariants(ButtonVariant.LUMO_ERROR);
            buttons.add(dismiss);
        }
        if (flag.userId() != null) {
            buttons.add(button("flag-snooze", "abuse.snooze", () -> new SnoozeDialog(flag.rule(), queue.now(), (until, reason) -> {
                if (Notices.attempt(this, () -> queue.snooze(flag.rule(), flag.userId(), until, reason))) {
                    Notices.done(this, "abuse.snoozed", AbuseText.rule(this, flag.rule()), AbuseText.time(until));
                }
            }).open()));
            buttons.add(button("flag-act", "abuse.act", () -> new ActionDialog(flag.userId(), flag.id(), actions, () -> {
                reload();
                changed.run();
            }).open()));
        }
        buttons.forEach(b -> b.addThemeVariants(ButtonVariant.LUMO_SMALL));
        getFooter().add(buttons.toArray(Button[]::new));
        getFooter().add(close);
    }

    private void decide(boolean confirmed) {
        String title = getTranslation(confirmed ? "abuse.confirm" : "abuse.dismiss");
        new ReasonDialog(title, getTranslation(confirmed ? "abuse.confirm.question" : "abuse.dismiss.question"), reason ->
                Notices.attempt(this, () -> {
                    flag = queue.decide(flag.id(), flag.version(), confirmed, reason);
                    Notices.done(this, confirmed ? "abuse.confirmed" : "abuse.dismissed");
                    render();
                    changed.run();
                })).open();
    }

    private void reload() {
        flag = queue.flag(flag.id());
        render();
        changed.run();
    }

    private Button button(String id, String key, Runnable action) {
        Button button = new Button(getTranslation(key), e -> action.run());
        button.setId(id);
        return button;
    }
}
