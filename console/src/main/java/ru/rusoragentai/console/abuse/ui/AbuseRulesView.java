package ru.rusoragentai.console.abuse.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.text.NumberFormat;
import java.util.List;
import ru.rusoragentai.console.kit.RowAction;
import ru.rusoragentai.console.abuse.AbuseRuleService;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.kit.Badge;

/**
 * Every rule with its parameters and how well it does: flags raised, confirmed and dismissed, precision, open now,
 * the last run and its error. Rules are edited, put in shadow mode, run now, re-evaluated over a range and backtested.
 */
@Menu(title = "nav.abuse.rules", order = 6, icon = "vaadin:sliders")
@Route("abuse/rules")
@RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN})
public class AbuseRulesView extends VerticalLayout implements HasDynamicTitle {

    private final AbuseRuleService rules;
    private final Grid<AbuseRuleService.RuleSummary> grid = new Grid<>();
    private final java.util.Map<String, Long> matching = new java.util.HashMap<>();

    public AbuseRulesView(AbuseRuleService rules) {
        this.rules = rules;
        setSizeFull();
        Button runAll = new Button(getTranslation("abuse.rules.run-all"), e -> run(null));
        runAll.setId("rules-run-all");
        runAll.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button count = new Button(getTranslation("abuse.rules.count-matching"), e -> countMatching());
        count.setId("rules-count-matching");
        Button reevaluateAll = new Button(getTranslation("abuse.rules.reevaluate-all"), e -> new RangeDialog(null, rules, this::refresh).open());
        reevaluateAll.setId("rules-reevaluate-all");
        configureGrid();
        add(new H2(getTranslation("abuse.rules.heading")), new HorizontalLayout(runAll, reevaluateAll, count), grid);
        refresh();
    }

    private void configureGrid() {
        grid.setId("rules-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(r -> AbuseText.rule(this, r.row().code())).setHeader(getTranslation("abuse.rule")).setAutoWidth(true)
                .setTooltipGenerator(r -> getTranslation("abuse.rule." + r.row().code() + ".description"))
                .setComparator(r -> AbuseText.rule(this, r.row().code()));
        grid.addComponentColumn(this::mode).setHeader(getTranslation("abuse.rules.mode")).setAutoWidth(true);
        grid.addComponentColumn(r -> AbuseText.severityBadge(this, r.row().severity())).setHeader(getTranslation("abuse.severity")).setAutoWidth(true);
        grid.addColumn(r -> r.row().weight()).setHeader(getTranslation("abuse.rules.weight")).setAutoWidth(true).setSortable(true);
        grid.addColumn(r -> number(r.raised())).setHeader(getTranslation("abuse.rules.raised")).setAutoWidth(true)
                .setComparator(AbuseRuleService.RuleSummary::raised);
        grid.addColumn(r -> number(r.confirmed())).setHeader(getTranslation("abuse.rules.confirmed")).setAutoWidth(true)
                .setComparator(AbuseRuleService.RuleSummary::confirmed);
        grid.addColumn(r -> number(r.dismissed())).setHeader(getTranslation("abuse.rules.dismissed")).setAutoWidth(true)
                .setComparator(AbuseRuleService.RuleSummary::dismissed);
        grid.addColumn(r -> r.precision() == null ? "—" : NumberFormat.getPercentInstance(getLocale()).format(r.precision()))
                .setHeader(getTranslation("abuse.rules.precision")).setAutoWidth(true)
                .setComparator(r -> r.precision() == null ? -1 : r.precision());
        grid.addColumn(r -> number(r.open())).setHeader(getTranslation("abuse.rules.open")).setAutoWidth(true)
                .setComparator(AbuseRuleService.RuleSummary::open);
        grid.addColumn(r -> number(r.shadowRaised())).setHeader(getTranslation("abuse.rules.shadow-raised")).setAutoWidth(true);
        grid.addColumn(r -> matching.containsKey(r.row().code()) ? number(matching.get(r.row().code())) : "—")
                .setHeader(getTranslation("abuse.rules.matching")).setKey("matching").setAutoWidth(true);
        grid.addColumn(r -> r.row().lastRunAt() == null ? "" : AbuseText.time(r.row().lastRunAt())
                + (r.row().lastRunMs() == null ? "" : " (" + r.row().lastRunMs() + " ms)")).setHeader(getTranslation("abuse.rules.last-run"))
                .setAutoWidth(true);
        grid.addComponentColumn(r -> r.row().lastError() == null ? new Span() : errorBadge(r.row().lastError()))
                .setHeader(getTranslation("abuse.rules.last-error")).setAutoWidth(true);
        grid.addComponentColumn(this::buttons).setKey("actions").setHeader(getTranslation("staff.actions")).setAutoWidth(true).setFrozenToEnd(true);
        grid.setSizeFull();
    }

    private Component mode(AbuseRuleService.RuleSummary r) {
        if (!r.row().enabled()) {
            return Badge.of(getTranslation("abuse.rules.mode.off"), "contrast");
        }
        return r.row().shadow() ? Badge.of(getTranslation("abuse.rules.mode.shadow"), "") : Badge.of(getTranslation("abuse.rules.mode.live"), "success");
    }

    private Component errorBadge(String error) {
        Span badge = Badge.of(getTranslation("abuse.rules.failed"), "error");
        badge.setTitle(error);
        return badge;
    }

    private Component buttons(AbuseRuleService.RuleSummary r) {
        String code = r.row().code();
        Button edit = RowAction.mark(small("abuse.rules.edit", () -> new RuleEditDialog(r, rules, this::refresh).open()), "rule-edit", code);
        Button run = RowAction.mark(small("abuse.rules.run", () -> run(code)), "rule-run", code);
        Button backtest = RowAction.mark(small("abuse.rules.backtest", () -> new RangeDialog(r.row().code(), rules, this::refresh).open()),
                "rule-backtest", code);
        return new HorizontalLayout(edit, run, backtest);
    }

    private Button small(String key, Runnable action) {
        Button button = new Button(getTranslation(key), e -> action.run());
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return button;
    }

    void run(String code) {
        List<AbuseRuleService.RunResult> runs = rules.runNow(code);
        long raised = runs.stream().mapToLong(AbuseRuleService.RunResult::raised).sum();
        long failed = runs.stream().filter(r -> r.error() != null).count();
        if (failed > 0) {
            Notices.refused(this, new ru.rusoragentai.console.abuse.AbuseException("abuse.rules.run.failed", failed, raised));
        } else {
            Notices.done(this, "abuse.rules.run.done", runs.size(), raised);
        }
        refresh();
    }

    /** Judges every rule over its current window without writing anything: how many subjects each matches now. */
    void countMatching() {
        for (var rule : rules.rules()) {
            matching.put(rule.row().code(), rules.matchingNow(rule.row().code()));
        }
        refresh();
    }

    void refresh() {
        grid.setItems(rules.rules());
    }

    private String number(long value) {
        return NumberFormat.getIntegerInstance(getLocale()).format(value);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("abuse.rules.heading");
    }
}
