package ru.rusoragentai.console.abuse;

import org.jspecify.annotations.Nullable;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutor;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import ru.rusoragentai.console.abuse.detect.Finding;
import ru.rusoragentai.console.abuse.detect.ParamSpec;
import ru.rusoragentai.console.audit.AuditService;
import ru.rusoragentai.console.security.CurrentStaff;
import ru.rusoragentai.console.security.Role;

/** The Rules screen: each detector's parameters, mode and quality, running it now, re-evaluating and backtesting. */
@Service
@Transactional(readOnly = true)
public class AbuseRuleService {

    public static final String AUDIT_TARGET = "abuse_rule";

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(AbuseRuleService.class);

    /** A rule with how well it has done: flags raised, decided, precision. */
    public record RuleSummary(RuleRow row, List<ParamSpec> specs, long raised, long shadowRaised, long confirmed,
                              long dismissed, long open) {
        /** Confirmed out of decided, or null before anything was decided. */
        public Double precision() {
            long decided = confirmed + dismissed;
            return decided == 0 ? null : (double) confirmed / decided;
        }
    }

    /** What a run did, for a notification. */
    public record RunResult(@Nullable String rule, long raised, long findings, long millis, @Nullable String error) {
    }

    private final Evaluator evaluator;
    private final RuleRepository rules;
    private final AuditService audit;
    private final CurrentStaff staff;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final Executor executor;

    AbuseRuleService(Evaluator evaluator, RuleRepository rules, AuditService audit, CurrentStaff staff, Clock clock,
                     TransactionTemplate tx, @Qualifier("applicationTaskExecutor") Executor executor) {
        this.tx = tx;
        this.executor = executor;
        this.evaluator = evaluator;
        this.rules = rules;
        this.audit = audit;
        this.staff = staff;
        this.clock = clock;
    }

    @RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN})
    public List<RuleSummary> rules() {
        Map<String, RuleRepository.Counts> counts = rules.counts();
        return rules.all().stream().filter(r -> evaluator.detectors().containsKey(r.code())).map(r -> {
            var c = counts.getOrDefault(r.code(), new RuleRepository.Counts(0, 0, 0, 0, 0));
            return new RuleSummary(r, evaluator.detectors().get(r.code()).params(), c.raised(), c.shadow(), c.confirmed(), c.dismissed(), c.open());
        }).toList();
    }

    /** The codes of the rules a detector serves, for a filter (no counts read). */
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN})
    public List<String> codes() {
        return rules.all().stream().map(RuleRow::code).filter(evaluator.detectors()::containsKey).toList();
    }

    /**
     * Saves an edited rule after checking every value against its bounds; refused with {@link AbuseException} when a
     * value is out of bounds or someone saved the rule since it was read.
     */
    @Transactional
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN})
    public void update(RuleRow edited) {
        RuleRow current = rules.find(edited.code()).orElseThrow(() -> new AbuseException("abuse.error.no-rule"));
        var detector = evaluator.detectors().get(edited.code());
        if (edited.threshold() < 1 || edited.threshold() > 1_000_000_000L) {
            throw new AbuseException("abuse.error.threshold");
        }
        if (edited.windowMinutes() < 0 || edited.windowMinutes() > 366 * 1440) {
            throw new AbuseException("abuse.error.window");
        }
        if (edited.weight() < 0 || edited.weight() > 1000) {
            throw new AbuseException("abuse.error.weight");
        }
        for (ParamSpec spec : detector.params()) {
            Long value = edited.params().get(spec.name());
            if (value == null || value < spec.min() || value > spec.max()) {
                throw new AbuseException("abuse.error.param", spec.name(), spec.min(), spec.max());
            }
        }
        if (!rules.update(edited, staff.actor(), LocalDateTime.now(clock))) {
            throw new AbuseException("abuse.error.stale");
        }
        audit.record("abuse.rule_changed", AUDIT_TARGET, edited.code(), changes(current, edited));
    }

    /** Runs one rule (or every enabled rule, for a null code) from its watermark now. */
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN})
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public List<RunResult> runNow(String code) {
        List<Evaluator.RuleRun> runs = code == null ? evaluator.runAll() : List.of(evaluator.runIncremental(code));
        recordRun("abuse.run_now", code == null ? "all" : code, AbuseJob.summary(runs));
        return results(runs);
    }

    /** Judges a past range again; flags already raised are updated, never repeated, decided ones stay decided. */
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN})
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public RunResult reevaluate(String code, LocalDateTime from, LocalDateTime to) {
        checkRange(from, to);
        var run = evaluator.reevaluate(code, from, to);
        recordRun("abuse.reevaluated", code, from + " .. " + to + ": " + AbuseJob.summary(List.of(run)));
        return new RunResult(run.rule(), run.raised(), run.findings(), run.millis(), run.error());
    }

    /** How far a re-evaluation of every rule has got: rules judged, of how many, and the one being judged (null at the end). */
    public record Progress(int done, int total, @Nullable String rule) {
    }

    /** Judges a past range again with every enabled rule, reading what they share once. */
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN})
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public List<RunResult> reevaluateAll(LocalDateTime from, LocalDateTime to) {
        checkRange(from, to);
        return judgeEveryRule(from, to, progress -> { });
    }

    /**
     * {@link #reevaluateAll} in the background, for the Rules screen: a range of a large platform takes tens of seconds.
     * {@code progress} hears of each rule as it starts (on the worker's thread); the future completes with the results.
     * The permission is checked here, before anything starts; the work runs as the staff member who asked.
     */
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN})
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public CompletableFuture<List<RunResult>> reevaluateAllInBackground(LocalDateTime from, LocalDateTime to,
                                                                       Consumer<Progress> progress) {
        checkRange(from, to);
        Executor asStaff = new DelegatingSecurityContextExecutor(executor, SecurityContextHolder.getContext());
        return CompletableFuture.supplyAsync(() -> judgeEveryRule(from, to, progress), asStaff).whenComplete((runs, failed) -> {
            if (failed != null) {
                log.error("Re-evaluation of every rule from {} to {} stopped", from, to, failed);
            }
        });
    }

    private List<RunResult> judgeEveryRule(LocalDateTime from, LocalDateTime to, Consumer<Progress> progress) {
        List<Evaluator.RuleRun> runs = evaluator.reevaluateAll(from, to, (done, total, rule) -> progress.accept(new Progress(done, total, rule)));
        recordRun("abuse.reevaluated", "all", from + " .. " + to + ": " + AbuseJob.summary(runs));
        return results(runs);
    }

    /** Who the rule, with its current parameters, would flag over a past range; nothing is written but the audit. */
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN})
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.NOT_SUPPORTED)
    public List<Finding> backtest(String code, LocalDateTime from, LocalDateTime to) {
        checkRange(from, to);
        List<Finding> found = evaluator.backtest(code, from, to);
        recordRun("abuse.backtested", code, from + " .. " + to + ": " + found.size() + " findings");
        return found;
    }

    /** How many subjects the rule matches as of now over its window. */
    @RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN})
    public long matchingNow(String code) {
        RuleRow rule = rules.find(code).orElseThrow(() -> new AbuseException("abuse.error.no-rule"));
        LocalDateTime now = LocalDateTime.now(clock);
        return evaluator.backtest(code, now.minusMinutes(Math.max(rule.windowMinutes(), 60)), now).stream()
                .map(Finding::subjectKey).distinct().count();
    }

    @RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN})
    public LocalDateTime now() {
        return LocalDateTime.now(clock);
    }

    private static List<RunResult> results(List<Evaluator.RuleRun> runs) {
        return runs.stream().map(r -> new RunResult(r.rule(), r.raised(), r.findings(), r.millis(), r.error())).toList();
    }

    private void recordRun(String action, String target, String details) {
        tx.executeWithoutResult(s -> audit.record(action, AUDIT_TARGET, target, details));
    }

    private static void checkRange(LocalDateTime from, LocalDateTime to) {
        if (from == null || to == null || !from.isBefore(to) || from.isBefore(to.minusDays(400))) {
            throw new AbuseException("abuse.error.range");
        }
    }

    private static String changes(RuleRow a, RuleRow b) {
        StringBuilder text = new StringBuilder();
        diff(text, "threshold", a.threshold(), b.threshold());
        diff(text, "window_minutes", a.windowMinutes(), b.windowMinutes());
        diff(text, "enabled", a.enabled(), b.enabled());
        diff(text, "weight", a.weight(), b.weight());
        diff(text, "severity", a.severity(), b.severity());
        diff(text, "shadow", a.shadow(), b.shadow());
        b.params().forEach((name, value) -> diff(text, name, a.params().get(name), value));
        return text.isEmpty() ? "no change" : text.toString();
    }

    private static void diff(StringBuilder text, String name, Object before, Object after) {
        if (!java.util.Objects.equals(before, after)) {
            text.append(text.isEmpty() ? "" : ", ").append(name).append(": ").append(before).append(" -> ").append(after);
        }
    }
}
