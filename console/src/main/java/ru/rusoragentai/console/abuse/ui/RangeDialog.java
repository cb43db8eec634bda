package ru.rusoragentai.console.abuse.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.shared.Registration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import ru.rusoragentai.console.abuse.AbuseException;
import ru.rusoragentai.console.abuse.AbuseRuleService;
import ru.rusoragentai.console.abuse.detect.Finding;

/**
 * A past range for one rule: a backtest lists whom the rule would flag with its current parameters and writes nothing;
 * a re-evaluation judges the range again into the queue, where flags already raised are updated, never repeated. Without
 * a rule (a null code) the dialog re-evaluates every enabled rule.
 */
class RangeDialog extends Dialog {

    /** How often the screen asks how far a re-evaluation of every rule has got. */
    private static final int POLL_MILLIS = 500;

    private final Grid<Finding> found = new Grid<>();
    private final Paragraph summary = new Paragraph();
    private final ProgressBar progress = new ProgressBar();
    private final Span progressText = new Span();
    private final VerticalLayout running = new VerticalLayout(progressText, progress);
    private final AtomicReference<AbuseRuleService.Progress> latest = new AtomicReference<>();
    private Button reevaluate;

    RangeDialog(String code, AbuseRuleService rules, Runnable changed) {
        setId("range-dialog");
        setWidth("900px");
        setHeaderTitle(code == null ? getTranslation("abuse.rules.range.title-all")
                : getTranslation("abuse.rules.range.title", AbuseText.rule(this, code)));
        LocalDate today = rules.now().toLocalDate();
        DatePicker from = ru.rusoragentai.console.kit.IsoDates.apply(new DatePicker(getTranslation("abuse.rules.range.from"), today.minusDays(30)));
        from.setId("range-from");
        DatePicker to = ru.rusoragentai.console.kit.IsoDates.apply(new DatePicker(getTranslation("abuse.rules.range.to"), today.plusDays(1)));
        to.setId("range-to");
        Button backtest = new Button(getTranslation("abuse.rules.backtest"), e -> {
            if (valid(from, to)) {
                try {
                    List<Finding> findings = rules.backtest(code, from.getValue().atStartOfDay(), to.getValue().atStartOfDay());
                    found.setItems(findings);
                    summary.setText(getTranslation("abuse.rules.backtest.result", findings.size(),
                            findings.stream().map(Finding::subjectKey).distinct().count()));
                } catch (AbuseException refused) {
                    Notices.refused(this, refused);
                }
            }
        });
        backtest.setId("range-backtest");
        backtest.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        backtest.setVisible(code != null);
        reevaluate = new Button(getTranslation("abuse.rules.reevaluate"), e -> {
            if (valid(from, to)) {
                confirmReevaluate(code, rules, from.getValue().atStartOfDay(), to.getValue().atStartOfDay(), changed);
            }
        });
        reevaluate.setId("range-reevaluate");
        HorizontalLayout bar = new HorizontalLayout(from, to, backtest, reevaluate);
        bar.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        found.setId("range-found");
        found.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        found.addColumn(f -> f.userId() != null ? "#" + f.userId() : getTranslation("abuse.subject.staff", f.staffSubject()))
                .setHeader(getTranslation("abuse.subject")).setAutoWidth(true);
        found.addColumn(Finding::episode).setHeader(getTranslation("abuse.episode")).setAutoWidth(true);
        found.addColumn(f -> String.valueOf(f.evidence())).setHeader(getTranslation("abuse.evidence")).setFlexGrow(3);
        found.setHeight("360px");
        found.setVisible(code != null);
        progress.setId("range-progress");
        progressText.setId("range-progress-text");
        running.setPadding(false);
        running.setVisible(false);
        running.setId("range-running");
        add(bar, running, summary, found);
        getFooter().add(new Button(getTranslation("action.close"), e -> close()));
    }

    private boolean valid(DatePicker from, DatePicker to) {
        boolean ok = from.getValue() != null && to.getValue() != null && from.getValue().isBefore(to.getValue());
        from.setInvalid(!ok);
        from.setErrorMessage(getTranslation("abuse.error.range"));
        return ok;
    }

    private void confirmReevaluate(String code, AbuseRuleService rules, LocalDateTime from, LocalDateTime to, Runnable changed) {
        String question = code == null
                ? getTranslation("abuse.rules.reevaluate.question-all", AbuseText.time(from), AbuseText.time(to))
                : getTranslation("abuse.rules.reevaluate.question", AbuseText.rule(this, code), AbuseText.time(from), AbuseText.time(to));
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("abuse.rules.reevaluate"), question,
                getTranslation("abuse.rules.reevaluate"), e -> {
                    try {
                        if (code == null) {
                            everyRule(rules.reevaluateAllInBackground(from, to, latest::set), changed);
                        } else {
                            report(List.of(rules.reevaluate(code, from, to)));
                            changed.run();
                        }
                    } catch (AbuseException refused) {
                        Notices.refused(this, refused);
                    }
                });
        confirm.setId("range-reevaluate-confirm");
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.open();
    }

    /**
     * Every rule is judged in the background; the dialog shows which rule is being judged, and the outcome when all are
     * done. Closing the dialog leaves the work to finish on its own.
     */
    private void everyRule(CompletableFuture<List<AbuseRuleService.RunResult>> work, Runnable changed) {
        UI ui = UI.getCurrent();
        reevaluate.setEnabled(false);
        running.setVisible(true);
        progress.setIndeterminate(true);
        progressText.setText(getTranslation("abuse.rules.reevaluate.starting"));
        ui.setPollInterval(POLL_MILLIS);
        Registration[] registrations = new Registration[2];
        Runnable stop = () -> {
            for (Registration registration : registrations) {
                if (registration != null) {
                    registration.remove();
                }
            }
            ui.setPollInterval(-1);
        };
        registrations[0] = ui.addPollListener(event -> {
            AbuseRuleService.Progress now = latest.get();
            if (now != null && now.rule() != null) {
                progress.setIndeterminate(false);
                progress.setMax(Math.max(1, now.total()));
                progress.setValue(now.done());
                progressText.setText(getTranslation("abuse.rules.reevaluate.progress", now.done() + 1, now.total(),
                        AbuseText.rule(this, now.rule())));
            }
            if (work.isDone()) {
                stop.run();
                running.setVisible(false);
                reevaluate.setEnabled(true);
                try {
                    report(work.join());
                } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException failed) {
                    Notices.refused(this, new AbuseException("abuse.rules.reevaluate.broke"));
                }
                changed.run();
            }
        });
        registrations[1] = addDetachListener(event -> stop.run());
    }

    private void report(List<AbuseRuleService.RunResult> runs) {
        long failed = runs.stream().filter(run -> run.error() != null).count();
        long raised = runs.stream().mapToLong(AbuseRuleService.RunResult::raised).sum();
        if (failed > 0) {
            Notices.refused(this, new AbuseException("abuse.rules.run.failed", failed, raised));
        } else {
            Notices.done(this, "abuse.rules.reevaluate.done", raised, runs.stream().mapToLong(AbuseRuleService.RunResult::findings).sum());
        }
    }
}
