package ru.rusoragentai.console.abuse;

import org.jspecify.annotations.Nullable;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import ru.rusoragentai.console.abuse.detect.Detector;
import ru.rusoragentai.console.abuse.detect.Finding;
import ru.rusoragentai.console.abuse.detect.RunMemo;
import ru.rusoragentai.console.abuse.detect.Scope;
import ru.rusoragentai.console.abuse.detect.Source;

/**
 * Runs detectors and stores what they find. Each rule runs in its own transaction that locks its row, reads from its
 * watermark to the newest id of its source, writes flags, cases and scores and moves the watermark: a run that fails
 * changes nothing but the rule's recorded error, and the other rules still run. Internal: services check permissions.
 */
@Component
class Evaluator {

    private static final Logger log = LoggerFactory.getLogger(Evaluator.class);

    /**
     * A rule this far behind its source (or one that never ran) judges the subjects active in its window instead of
     * reading every row it missed: only rows inside the window can change a judgment as of now.
     */
    static final long CATCH_UP_ROWS = 1_000_000;

    /** One rule's run. */
    record RuleRun(@Nullable String rule, long raised, long findings, long millis, @Nullable String error) {
    }

    private final Map<String, Detector> detectors;
    private final RuleRepository rules;
    private final FlagStore flags;
    private final ScoreRepository scores;
    private final AbuseProperties properties;
    private final TransactionTemplate tx;
    private final TransactionTemplate separateTx;
    private final Clock clock;

    Evaluator(List<Detector> detectors, RuleRepository rules, FlagStore flags, ScoreRepository scores, AbuseProperties properties,
              PlatformTransactionManager transactions, Clock clock) {
        this.detectors = detectors.stream().collect(Collectors.toMap(Detector::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        this.rules = rules;
        this.flags = flags;
        this.scores = scores;
        this.properties = properties;
        this.tx = new TransactionTemplate(transactions);
        this.separateTx = new TransactionTemplate(transactions);
        this.separateTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    Map<String, Detector> detectors() {
        return detectors;
    }

    /**
     * Every enabled rule from its watermark, all as of one instant: rules with the same window then ask the same
     * questions, which the signals answer once per run (see {@link RunMemo}). Each source's newest id is taken
     * before that instant, so rows that arrive while the run goes on are left whole to the next run.
     */
    List<RuleRun> runAll() {
        Map<Source, Long> newest = new java.util.EnumMap<>(Source.class);
        for (Source source : Source.values()) {
            newest.put(source, rules.maxId(source));
        }
        LocalDateTime now = LocalDateTime.now(clock);
        List<RuleRun> runs = new ArrayList<>();
        try (RunMemo memo = RunMemo.open()) {
            for (RuleRow rule : rules.all()) {
                if (rule.enabled() && detectors.containsKey(rule.code())) {
                    runs.add(runIncremental(rule.code(), now, newest.get(detectors.get(rule.code()).source())));
                }
            }
        }
        return runs;
    }

    /**
     * One rule from its watermark to the newest row of its source (see {@link #CATCH_UP_ROWS} for a rule far behind).
     */
    RuleRun runIncremental(String code) {
        return runIncremental(code, null, Long.MAX_VALUE);
    }

    /** As of {@code asOf} (now, for null), reading no further than {@code newest}. */
    private RuleRun runIncremental(String code, @Nullable LocalDateTime asOf, long newest) {
        Detector detector = detector(code);
        return guarded(code, () -> {
            long watermark = rules.lockWatermark(code);
            RuleRow rule = rules.find(code).orElseThrow();
            long upTo = Math.min(rules.maxId(detector.source()), newest);
            LocalDateTime now = asOf == null ? LocalDateTime.now(clock) : asOf;
            if (upTo <= watermark && watermark > 0) {
                return new long[] {0, 0, watermark};
            }
            boolean farBehind = watermark == 0 || upTo - watermark > CATCH_UP_ROWS;
            Scope scope = farBehind ? Scope.activeBetween(now.minus(rule.rule().window().plusMinutes(1)), now)
                    : Scope.newRows(now, watermark, upTo);
            long[] stored = store(rule, detector.evaluate(rule.rule(), scope), now);
            return new long[] {stored[0], stored[1], upTo};
        });
    }

    /** One rule over a past range, stepping its window through it; flags already there are updated, never repeated. */
    RuleRun reevaluate(String code, LocalDateTime from, LocalDateTime to) {
        Detector detector = detector(code);
        return guarded(code, () -> {
            long watermark = rules.lockWatermark(code);
            RuleRow rule = rules.find(code).orElseThrow();
            long[] stored = store(rule, detector.evaluateRange(rule.rule(), from, to), LocalDateTime.now(clock));
            return new long[] {stored[0], stored[1], watermark};
        });
    }

    /**
     * Every enabled rule over a past range, one after another, each in its own transaction as {@link #reevaluate} runs
     * it; the read they have in common, the range's usage by the hour, is read once (see {@link RunMemo}).
     */
    List<RuleRun> reevaluateAll(LocalDateTime from, LocalDateTime to, RangeProgress progress) {
        List<String> codes = rules.all().stream().filter(rule -> rule.enabled() && detectors.containsKey(rule.code())).map(RuleRow::code).toList();
        List<RuleRun> runs = new ArrayList<>();
        try (RunMemo memo = RunMemo.open()) {
            for (String code : codes) {
                progress.at(runs.size(), codes.size(), code);
                runs.add(reevaluate(code, from, to));
            }
        }
        progress.at(runs.size(), codes.size(), null);
        return runs;
    }

    /** Hears how far a re-evaluation of every rule has got: rules judged, of how many, and the one being judged now. */
    @FunctionalInterface
    interface RangeProgress {
        void at(int done, int total, @Nullable String rule);
    }

    /** What a rule would flag over a past range, written nowhere: distinct subject and episode. */
    List<Finding> backtest(String code, LocalDateTime from, LocalDateTime to) {
        Detector detector = detector(code);
        RuleRow rule = rules.find(code).orElseThrow();
        Map<String, Finding> distinct = new LinkedHashMap<>();
        for (Finding f : detector.evaluateRange(rule.rule(), from, to)) {
            distinct.putIfAbsent(f.subjectKey() + "|" + f.episode(), f);
        }
        return List.copyOf(distinct.values());
    }

    /** Decay: every scored user's score again, as of now. */
    int refreshAllScores() {
        List<Long> users = scores.scoredUsers();
        tx.executeWithoutResult(s -> scores.refresh(users, LocalDateTime.now(clock), properties.scoreHalfLifeDays()));
        return users.size();
    }

    void refreshScores(Set<Long> users) {
        scores.refresh(users, LocalDateTime.now(clock), properties.scoreHalfLifeDays());
    }

    private long[] store(RuleRow rule, List<Finding> found, LocalDateTime now) {
        Set<Long> snoozed = flags.snoozed(rule.code(), found.stream().map(Finding::userId).filter(Objects::nonNull).collect(Collectors.toSet()), now);
        List<Finding> kept = found.stream().filter(f -> f.userId() == null || !snoozed.contains(f.userId())).toList();
        long before = flags.count(rule.code());
        flags.upsert(rule.code(), kept, rule.shadow(), now);
        flags.attachCases(rule.code(), FlagStore.groups(kept), now);
        if (!rule.shadow()) {
            refreshScores(kept.stream().map(Finding::userId).filter(Objects::nonNull).collect(Collectors.toSet()));
        }
        return new long[] {flags.count(rule.code()) - before, kept.size()};
    }

    private RuleRun guarded(String code, java.util.function.Supplier<long[]> work) {
        long started = System.nanoTime();
        try {
            long[] result = tx.execute(s -> {
                long[] r = work.get();
                rules.finishRun(code, r[2], LocalDateTime.now(clock), (System.nanoTime() - started) / 1_000_000);
                return r;
            });
            long millis = (System.nanoTime() - started) / 1_000_000;
            return new RuleRun(code, result[0], result[1], millis, null);
        } catch (RuntimeException e) {
            long millis = (System.nanoTime() - started) / 1_000_000;
            String error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            log.error("Abuse rule {} failed", code, e);
            separateTx.executeWithoutResult(s -> rules.failRun(code, LocalDateTime.now(clock), millis, error));
            return new RuleRun(code, 0, 0, millis, error);
        }
    }

    private Detector detector(String code) {
        Detector detector = detectors.get(code);
        if (detector == null) {
            throw new IllegalArgumentException("no detector " + code);
        }
        return detector;
    }
}
