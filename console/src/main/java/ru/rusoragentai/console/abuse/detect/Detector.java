package ru.rusoragentai.console.abuse.detect;

import java.util.List;

/**
 * One abuse pattern. A detector reads the platform's data for the subjects that {@link Scope} points at and returns
 * what it finds; it never writes. Its parameters live in {@code abuse_rule} and {@code abuse_rule_param} under its
 * {@link #code()}, its description in the translations under {@code abuse.rule.<code>.description}.
 */
public interface Detector {

    /** Stable rule code, the key of its row in {@code abuse_rule}. */
    String code();

    /** The table whose new rows wake this detector up; its ids are the rule's watermark. */
    Source source();

    /** Extra numeric parameters beyond threshold and window, with their bounds. */
    default List<ParamSpec> params() {
        return List.of();
    }

    /** Everything the rule matches for the subjects in scope, as of {@link Scope#asOf()}. */
    List<Finding> evaluate(Rule rule, Scope scope);

    /**
     * Everything the rule matches over a past range (a re-evaluation or a backtest). The default judges the window ending
     * at each of {@link RangeSteps#of}; detectors with short windows override it to find the few windows worth judging
     * in one pass over the range.
     */
    default List<Finding> evaluateRange(Rule rule, java.time.LocalDateTime from, java.time.LocalDateTime to) {
        List<Finding> found = new java.util.ArrayList<>();
        for (java.time.LocalDateTime asOf : RangeSteps.of(rule, from, to)) {
            found.addAll(evaluate(rule, Scope.activeBetween(asOf.minus(RangeSteps.step(rule)), asOf)));
        }
        return found;
    }
}
