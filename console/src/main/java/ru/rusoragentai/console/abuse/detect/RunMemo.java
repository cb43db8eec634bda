package ru.rusoragentai.console.abuse.detect;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Answers the rules of one run share. Every rule of a run judges as of one instant, so rules with the same window ask
 * the same question (who was active in the last hour, and how much); inside a run it is read once. Outside a run
 * nothing is kept: a later run, or a test that changes the data and runs again as of the same instant, reads afresh.
 * Held by the thread that runs the rules, one after another.
 */
public final class RunMemo implements AutoCloseable {

    private static final ThreadLocal<RunMemo> CURRENT = new ThreadLocal<>();

    private final Map<Object, Object> answers = new HashMap<>();
    private final RunMemo outer;

    private RunMemo(RunMemo outer) {
        this.outer = outer;
    }

    /** Starts a run on this thread; close it when the run ends. */
    public static RunMemo open() {
        RunMemo memo = new RunMemo(CURRENT.get());
        CURRENT.set(memo);
        return memo;
    }

    /**
     * The answer to {@code question} kept in this thread's run, or computed by {@code read}. Outside a run, and for an
     * answer {@code keep} declines (too large to hold), it is read each time.
     */
    static <T> T answer(Object question, Supplier<T> read, java.util.function.Predicate<T> keep) {
        T known = known(question);
        if (known != null) {
            return known;
        }
        T answer = read.get();
        if (keep.test(answer)) {
            keep(question, answer);
        }
        return answer;
    }

    /** Whether this thread is in a run, so that an answer read now may be kept. */
    static boolean running() {
        return CURRENT.get() != null;
    }

    /** The answer this thread's run keeps for {@code question}, or null. */
    @SuppressWarnings("unchecked")
    static <T> T known(Object question) {
        RunMemo memo = CURRENT.get();
        return memo == null ? null : (T) memo.answers.get(question);
    }

    /** Keeps an answer for the rest of this thread's run; outside a run, nothing. */
    static void keep(Object question, Object answer) {
        RunMemo memo = CURRENT.get();
        if (memo != null) {
            memo.answers.put(question, answer);
        }
    }

    @Override
    public void close() {
        if (outer == null) {
            CURRENT.remove();
        } else {
            CURRENT.set(outer);
        }
    }
}
