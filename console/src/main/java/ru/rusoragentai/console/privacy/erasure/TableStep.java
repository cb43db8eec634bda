package ru.rusoragentai.console.privacy.erasure;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Optional;
import ru.rusoragentai.console.privacy.Subject;
import ru.rusoragentai.console.usage.UsageRollupService;

/**
 * The erasure steps over the console's own tables before the account goes, in the order they run; each owns the
 * tables it clears. Every statement is idempotent and loops in chunks until nothing is left, so a step can run again
 * (after a crash, or once more before the account) with no double effect.
 */
enum TableStep {

    CONVERSATIONS("console.conversations") {
        @Override
        void erase(Target t) {
            t.chunks().loop("conversations", () -> t.data().deleteConversations(t.userId(), Math.max(1, t.chunk() / 50)));
        }
    },
    USAGE("console.usage") {
        @Override
        void erase(Target t) {
            // the analysts' roll-up is rebuilt for the user's days: queued before and again after the events go, while
            // usage_daily still says which days they were
            t.rollup().userDataChanged(t.userId());
            t.chunks().inParallel("usage_event", t.data().usageDays(t.userId()).stream().map(day -> usageDay(t, day)).toList());
            t.rollup().userDataChanged(t.userId());
            t.chunks().loop("usage_daily", () -> t.data().deleteUsageDaily(t.userId(), t.chunk()));
        }
    },
    SESSIONS("console.sessions") {
        @Override
        void erase(Target t) {
            t.chunks().loop("user_session", () -> t.data().deleteSessions(t.userId(), t.chunk()));
            t.chunks().loop("abuse_flag, score, snoozes, actions; blocklist unlinked", () -> t.abuse().deleteOwnRows(t.userId(), t.chunk()));
            t.chunks().once("abuse evidence of linked accounts", () -> t.abuse().unlinkFromEvidence(t.userId()));
            t.chunks().once("staff_recent", () -> t.data().deleteStaffRecents(t.subject()));
        }
    },
    LEDGER("console.ledger") {
        @Override
        void erase(Target t) {
            t.chunks().loop("token_adjustment", () -> t.data().deleteAdjustments(t.userId(), t.chunk()));
            t.chunks().loop("token_ledger", () -> t.data().deleteLedgerChunk(t.userId(), t.chunk()));
        }
    },
    PAYMENTS("console.payments") {
        @Override
        void erase(Target t) {
            t.chunks().loop("payment (pseudonymised)", () -> t.data().pseudonymisePayments(t.userId(), t.paymentPseudonym(), t.chunk()));
            t.chunks().loop("webhook_inbox (redacted)", () -> t.data().redactWebhooks(t.subject(), t.chunk()));
        }
    };

    /** Whom a step erases, with what, in chunks of how many rows. */
    record Target(Subject subject, String paymentPseudonym, int chunk, ErasureChunks.Chunks chunks, SubjectErasureRepository data,
                  SubjectAbuseRepository abuse, UsageRollupService rollup) {
        long userId() {
            return subject.userId();
        }
    }

    private final String system;

    TableStep(String system) {
        this.system = system;
    }

    /** The task's system name, as stored on the request's tasks. */
    String system() {
        return system;
    }

    abstract void erase(Target target);

    static Optional<TableStep> of(String system) {
        return Arrays.stream(values()).filter(step -> step.system.equals(system)).findFirst();
    }

    /** One day of the user's usage, deleted chunk by chunk from its oldest row on. */
    private static ErasureChunks.Part usageDay(Target t, LocalDate day) {
        return new ErasureChunks.Part() {
            private LocalDateTime from;
            private boolean finished;

            @Override
            public int next() {
                SubjectErasureRepository.UsageChunk done = t.data().deleteUsageChunk(t.userId(), day, from, t.chunk());
                from = done.next();
                finished = from == null;
                return done.rows();
            }

            @Override
            public boolean finished() {
                return finished;
            }
        };
    }
}
