package ru.rusoragentai.console.abuse.detect;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * How a past range is judged window by window: the instants at which a window ends, one window (at least an hour) apart,
 * at most {@link #MAX_STEPS} of them. A rule without a window (a mark on the account) is judged once, at the end.
 */
public final class RangeSteps {

    public static final int MAX_STEPS = 2_000;

    private RangeSteps() {
    }

    public static Duration step(Rule rule) {
        return Duration.ofMinutes(Math.max(rule.windowMinutes(), 60));
    }

    public static List<LocalDateTime> of(Rule rule, LocalDateTime from, LocalDateTime to) {
        if (rule.windowMinutes() == 0) {
            return List.of(to);
        }
        Duration step = step(rule);
        long count = Math.min(MAX_STEPS, Math.max(1, (Duration.between(from, to).toMinutes() + step.toMinutes() - 1) / step.toMinutes()));
        step = count == MAX_STEPS ? Duration.between(from, to).dividedBy(MAX_STEPS) : step;
        List<LocalDateTime> steps = new ArrayList<>();
        for (long i = 1; i <= count; i++) {
            LocalDateTime asOf = from.plus(step.multipliedBy(i));
            steps.add(asOf.isAfter(to) ? to : asOf);
        }
        return steps;
    }
}
