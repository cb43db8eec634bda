package ru.rusoragentai.console.abuse.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.stream.Collectors;
import ru.rusoragentai.console.kit.RowAction;
import ru.rusoragentai.console.abuse.AbuseActionService;
import ru.rusoragentai.console.abuse.AbuseGraphService;
import ru.rusoragentai.console.abuse.AbuseQueueService;
import ru.rusoragentai.console.abuse.AbuseScoreService;
import ru.rusoragentai.console.abuse.ActionSummary;
import ru.rusoragentai.console.abuse.FlagFilter;
import ru.rusoragentai.console.abuse.FlagSummary;
import ru.rusoragentai.console.abuse.QueueSort;
import ru.rusoragentai.console.abuse.RiskScore;
import ru.rusoragentai.console.security.CurrentStaff;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.kit.ReasonDialog;

/** Everything abuse monitoring holds about one user, with the measures staff may take or undo. */
class UserAbusePanel extends VerticalLayout {

    private final long userId;
    private final AbuseQueueService queue;
    private final AbuseActionService actions;
    private final AbuseScoreService scores;
    private final AbuseGraphService graphs;
    private final CurrentStaff staff;

    UserAbusePanel(long userId, AbuseQueueService queue, AbuseActionService actions, AbuseScoreService scores, AbuseGraphService graphs,
                   CurrentStaff staff) {
        this.userId = userId;
        this.queue = queue;
        this.actions = actions;
        this.scores = scores;
        this.graphs = graphs;
        this.staff = staff;
        setPadding(false);
        setId("user-abuse");
        render();
    }

    private void render() {
        removeAll();
        boolean decides = staff.hasRole(Role.OPERATOR) || staff.hasRole(Role.ADMIN);
        RiskScore risk = scores.score(userId);
        Paragraph score = new Paragraph(risk.score() == 0 ? getTranslation("abuse.user.no-score")
                : getTranslation("abuse.user.score", risk.score(), risk.breakdown().entrySet().stream()
                .map(e -> AbuseText.rule(this, e.getKey()) + " " + e.getValue()).collect(Collectors.joining(", "))));
        score.setId("user-abuse-score");
        add(score);
        if (decides) {
            Button act = new Button(getTranslation("abuse.act"), e -> new ActionDialog(userId, null, actions, this::render).open());
            act.setId("user-abuse-act");
            act.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            add(act);
        }
        add(flags(), new H3(getTranslation("abuse.user.measures")), measures(decides));
        var snoozes = queue.snoozes(userId);
        if (!snoozes.isEmpty()) {
            add(new Paragraph(getTranslation("abuse.user.snoozed", snoozes.stream()
                    .map(s -> AbuseText.rule(this, s.rule()) + " → " + AbuseText.time(s.until())).collect(Collectors.joining(", ")))));
        }
        var blocks = actions.blocklistOf(userId);
        if (!blocks.isEmpty()) {
            add(new Paragraph(getTranslation("abuse.user.blocked", blocks.stream().filter(b -> b.removedAt() == null)
                    .map(b -> getTranslation("abuse.block." + b.kind()) + " " + (b.text() == null ? "" : b.text())
                            + (b.expiresAt() == null ? "" : " → " + AbuseText.time(b.expiresAt())))
                    .collect(Collectors.joining("; ")))));
        }
        add(new H3(getTranslation("abuse.graph")), new LinkedGraph(graphs.aroundUser(userId), new UserLinks(staff.roles()).canOpen()));
    }

    private Grid<FlagSummary> flags() {
        Grid<FlagSummary> grid = new Grid<>();
        grid.setId("user-abuse-flags");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(f -> AbuseText.time(f.createdAt())).setHeader(getTranslation("abuse.created")).setAutoWidth(true)
                .setComparator(FlagSummary::createdAt);
        grid.addColumn(f -> AbuseText.rule(this, f.rule())).setHeader(getTranslation("abuse.rule")).setAutoWidth(true).setSortable(true);
        grid.addComponentColumn(f -> AbuseText.statusBadge(this, f.status())).setHeader(getTranslation("abuse.status")).setAutoWidth(true)
                .setComparator(f -> f.status().ordinal());
        grid.addColumn(f -> EvidenceSummary.of(this, f)).setHeader(getTranslation("abuse.evidence")).setFlexGrow(3);
        grid.setItems(queue.find(FlagFilter.ofUser(userId), QueueSort.NEWEST, 0, 200));
        grid.addItemClickListener(e -> new FlagDialog(queue.flag(e.getItem().id()), queue, actions, graphs, staff, this::render).open());
        grid.setEmptyStateText(getTranslation("abuse.user.no-flags"));
        grid.setHeight("240px");
        grid.getStyle().set("flex-shrink", "0");
        return grid;
    }

    private Grid<ActionSummary> measures(boolean decides) {
        Grid<ActionSummary> grid = new Grid<>();
        grid.setId("user-abuse-measures");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(a -> AbuseText.time(a.requestedAt())).setHeader(getTranslation("abuse.action.at")).setAutoWidth(true);
        grid.addColumn(a -> getTranslation("abuse.action." + a.kind().dbValue()) + (a.amount() == null ? "" : " " + AbuseText.number(this, a.amount())))
                .setHeader(getTranslation("abuse.action.kind")).setAutoWidth(true);
        grid.addColumn(a -> getTranslation("abuse.action.status." + a.status())).setHeader(getTranslation("abuse.status")).setAutoWidth(true);
        grid.addColumn(ActionSummary::requestedBy).setHeader(getTranslation("abuse.action.by")).setAutoWidth(true);
        grid.addColumn(ActionSummary::reason).setHeader(getTranslation("user.reason")).setFlexGrow(2);
        grid.addComponentColumn(a -> {
            if (!decides || !a.inForce()) {
                return new Span();
            }
            Button revert = new Button(getTranslation("abuse.action.revert"), e -> new ReasonDialog(getTranslation("abuse.action.revert"),
                    getTranslation("abuse.action.revert.question", getTranslation("abuse.action." + a.kind().dbValue())), reason -> {
                        if (Notices.attempt(this, () -> actions.revert(a.id(), reason))) {
                            Notices.done(this, "abuse.action.reverted");
                            render();
                        }
                    }).open());
            RowAction.mark(revert, "measure-revert", a.id());
            revert.addThemeVariants(ButtonVariant.LUMO_SMALL);
            return revert;
        }).setKey("revert").setAutoWidth(true);
        grid.setItems(actions.ofUser(userId));
        grid.setEmptyStateText(getTranslation("abuse.user.no-measures"));
        grid.setHeight("200px");
        grid.getStyle().set("flex-shrink", "0");
        return grid;
    }
}
