package ru.rusoragentai.console.privacy;

import static ru.rusoragentai.db.Tables.APP_USER;
import static ru.rusoragentai.db.Tables.PRIVACY_REQUEST;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.UpdateSetMoreStep;
import org.jooq.impl.DSL;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Repository;

@Repository
public class PrivacyRequestRepository {

    /** What happens to a request row, one intent per step of the workflow; whatever an intent does not name stays. */
    public sealed interface Change {

        /** Identity checked by the given method, with the officer's note or none. */
        record Verified(String method, @Nullable String note) implements Change {
        }

        /** Work started on it. */
        record Started() implements Change {
        }

        /** Answered: done, with what the subject was told. */
        record Completed(@Nullable String outcome, LocalDateTime at) implements Change {
        }

        /** Refused, with the reason kept and the answer the subject was given. */
        record Rejected(@Nullable String reason, String answer, LocalDateTime at) implements Change {
        }

        /** Deadline moved to {@code due}, {@code extendedBy} days past the original in all. */
        record Extended(LocalDate due, int extendedBy, @Nullable String reason) implements Change {
        }

        /** An erasure planned by one officer; it now awaits another's approval. */
        record ErasurePrepared(String by) implements Change {
        }

        /** The erasure approved by a second officer. */
        record ErasureApproved(String by) implements Change {
        }
    }

    private final DSLContext dsl;

    PrivacyRequestRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** A user by exact id, Telegram id, username (with or without @) or email; deleted users excepted. */
    public Optional<Long> findUser(String identifier) {
        String value = identifier.strip();
        Condition match = APP_USER.USERNAME.eq(value.startsWith("@") ? value.substring(1) : value).or(APP_USER.EMAIL.eq(value));
        if (value.matches("\\d{1,18}")) {
            long number = Long.parseLong(value);
            match = match.or(APP_USER.ID.eq(number)).or(APP_USER.TELEGRAM_USER_ID.eq(number));
        }
        return dsl.select(APP_USER.ID).from(APP_USER).where(match, APP_USER.STATUS.ne("deleted"))
                .orderBy(APP_USER.ID).limit(1).fetchOptional(APP_USER.ID);
    }

    public long insert(Long userId, String reference, RequestType type, String channel, Jurisdiction jurisdiction,
                LocalDateTime received, LocalDate due, LocalDate acknowledgeBy, String note, String actor, LocalDateTime now) {
        return dsl.insertInto(PRIVACY_REQUEST)
                .set(PRIVACY_REQUEST.USER_ID, userId)
                .set(PRIVACY_REQUEST.SUBJECT_REFERENCE, reference)
                .set(PRIVACY_REQUEST.TYPE, type.dbValue())
                .set(PRIVACY_REQUEST.STATUS, RequestStatus.RECEIVED.dbValue())
                .set(PRIVACY_REQUEST.CHANNEL, channel)
                .set(PRIVACY_REQUEST.JURISDICTION, jurisdiction.dbValue())
                .set(PRIVACY_REQUEST.RECEIVED_AT, received)
                .set(PRIVACY_REQUEST.DUE_AT, endOf(due))
                .set(PRIVACY_REQUEST.ORIGINAL_DUE, due)
                .set(PRIVACY_REQUEST.ACKNOWLEDGE_BY, acknowledgeBy == null ? null : endOf(acknowledgeBy))
                .set(PRIVACY_REQUEST.INTAKE_NOTE, note)
                .set(PRIVACY_REQUEST.CREATED_BY, actor)
                .set(PRIVACY_REQUEST.CREATED_AT, now)
                .returningResult(PRIVACY_REQUEST.ID)
                .fetchSingle().value1();
    }

    public Optional<PrivacyRequest> find(long id) {
        return dsl.selectFrom(PRIVACY_REQUEST).where(PRIVACY_REQUEST.ID.eq(id)).fetchOptional(PrivacyRequestRepository::request);
    }

    /** Applies a change if the row still has the version the caller saw; false when someone else changed it. */
    public boolean update(long id, int version, Change change) {
        UpdateSetMoreStep<?> update = dsl.update(PRIVACY_REQUEST).set(PRIVACY_REQUEST.VERSION, version + 1);
        update = switch (change) {
            case Change.Verified v -> update.set(PRIVACY_REQUEST.STATUS, RequestStatus.IDENTITY_VERIFIED.dbValue())
                    .set(PRIVACY_REQUEST.VERIFICATION, v.method()).set(PRIVACY_REQUEST.VERIFICATION_NOTE, v.note());
            case Change.Started started -> update.set(PRIVACY_REQUEST.STATUS, RequestStatus.IN_PROGRESS.dbValue());
            case Change.Completed c -> update.set(PRIVACY_REQUEST.STATUS, RequestStatus.COMPLETED.dbValue())
                    .set(PRIVACY_REQUEST.OUTCOME, c.outcome()).set(PRIVACY_REQUEST.COMPLETED_AT, c.at());
            case Change.Rejected r -> update.set(PRIVACY_REQUEST.STATUS, RequestStatus.REJECTED.dbValue())
                    .set(PRIVACY_REQUEST.REJECTION_REASON, r.reason()).set(PRIVACY_REQUEST.OUTCOME, r.answer())
                    .set(PRIVACY_REQUEST.COMPLETED_AT, r.at());
            case Change.Extended e -> update.set(PRIVACY_REQUEST.DUE_AT, endOf(e.due()))
                    .set(PRIVACY_REQUEST.EXTENDED_BY, e.extendedBy()).set(PRIVACY_REQUEST.EXTENDED_REASON, e.reason());
            case Change.ErasurePrepared p -> update.set(PRIVACY_REQUEST.STATUS, RequestStatus.AWAITING_APPROVAL.dbValue())
                    .set(PRIVACY_REQUEST.PREPARED_BY, p.by());
            case Change.ErasureApproved a -> update.set(PRIVACY_REQUEST.APPROVED_BY, a.by());
        };
        return update.where(PRIVACY_REQUEST.ID.eq(id), PRIVACY_REQUEST.VERSION.eq(version)).execute() == 1;
    }

    public List<PrivacyRequest> find(RequestStatus status, boolean openOnly, int offset, int limit) {
        return dsl.selectFrom(PRIVACY_REQUEST).where(filter(status, openOnly))
                .orderBy(PRIVACY_REQUEST.DUE_AT, PRIVACY_REQUEST.ID)
                .offset(offset).limit(limit)
                .fetch(PrivacyRequestRepository::request);
    }

    public int count(RequestStatus status, boolean openOnly) {
        return dsl.fetchCount(PRIVACY_REQUEST, filter(status, openOnly));
    }

    /** Open requests, and those of them due before the given day. */
    public int[] openAndOverdue(LocalDate today) {
        Condition open = PRIVACY_REQUEST.STATUS.notIn(RequestStatus.COMPLETED.dbValue(), RequestStatus.REJECTED.dbValue());
        Record counts = dsl.select(DSL.count(), DSL.count().filterWhere(PRIVACY_REQUEST.DUE_AT.lt(today.atStartOfDay())),
                        DSL.count().filterWhere(PRIVACY_REQUEST.DUE_AT.ge(today.atStartOfDay())
                                .and(PRIVACY_REQUEST.DUE_AT.lt(today.plusDays(7).atStartOfDay()))))
                .from(PRIVACY_REQUEST).where(open).fetchSingle();
        return new int[] {counts.get(0, Integer.class), counts.get(1, Integer.class), counts.get(2, Integer.class)};
    }

    private static Condition filter(RequestStatus status, boolean openOnly) {
        Condition condition = DSL.trueCondition();
        if (status != null) {
            condition = condition.and(PRIVACY_REQUEST.STATUS.eq(status.dbValue()));
        }
        if (openOnly) {
            condition = condition.and(PRIVACY_REQUEST.STATUS.notIn(RequestStatus.COMPLETED.dbValue(), RequestStatus.REJECTED.dbValue()));
        }
        return condition;
    }

    private static LocalDateTime endOf(LocalDate day) {
        return day.atTime(LocalTime.of(23, 59, 59, 999_000_000));
    }

    private static PrivacyRequest request(Record r) {
        return new PrivacyRequest(r.get(PRIVACY_REQUEST.ID), r.get(PRIVACY_REQUEST.USER_ID), r.get(PRIVACY_REQUEST.SUBJECT_REFERENCE),
                RequestType.fromDb(r.get(PRIVACY_REQUEST.TYPE)), RequestStatus.fromDb(r.get(PRIVACY_REQUEST.STATUS)),
                r.get(PRIVACY_REQUEST.CHANNEL), Jurisdiction.fromDb(r.get(PRIVACY_REQUEST.JURISDICTION)),
                r.get(PRIVACY_REQUEST.RECEIVED_AT), r.get(PRIVACY_REQUEST.ORIGINAL_DUE), r.get(PRIVACY_REQUEST.DUE_AT).toLocalDate(),
                r.get(PRIVACY_REQUEST.ACKNOWLEDGE_BY) == null ? null : r.get(PRIVACY_REQUEST.ACKNOWLEDGE_BY).toLocalDate(),
                r.get(PRIVACY_REQUEST.EXTENDED_BY), r.get(PRIVACY_REQUEST.EXTENDED_REASON), r.get(PRIVACY_REQUEST.VERIFICATION),
                r.get(PRIVACY_REQUEST.VERIFICATION_NOTE), r.get(PRIVACY_REQUEST.PREPARED_BY), r.get(PRIVACY_REQUEST.APPROVED_BY),
                r.get(PRIVACY_REQUEST.REJECTION_REASON), r.get(PRIVACY_REQUEST.COMPLETED_AT), r.get(PRIVACY_REQUEST.CREATED_BY),
                r.get(PRIVACY_REQUEST.VERSION));
    }
}
