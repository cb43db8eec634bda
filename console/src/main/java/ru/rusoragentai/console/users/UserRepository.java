package ru.rusoragentai.console.users;

import static ru.rusoragentai.db.Tables.APP_USER;
import static ru.rusoragentai.db.Tables.PAYMENT;
import static ru.rusoragentai.db.Tables.PRIVACY_REQUEST;
import static ru.rusoragentai.db.Tables.TOKEN_BALANCE;
import static ru.rusoragentai.db.Tables.USAGE_DAILY;
import static ru.rusoragentai.db.Tables.USAGE_EVENT;
import static ru.rusoragentai.db.Tables.USER_SESSION;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;
import ru.rusoragentai.db.tables.UserSession;

@Repository
class UserRepository {

    private final DSLContext dsl;

    UserRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    Optional<UserProfile> profile(long id) {
        return dsl.select(APP_USER.ID, APP_USER.USERNAME, APP_USER.DISPLAY_NAME, APP_USER.EMAIL, APP_USER.TELEGRAM_USER_ID,
                        APP_USER.STATUS, APP_USER.CREATED_AT, APP_USER.LAST_SEEN_AT, APP_USER.LOCALE,
                        APP_USER.CONVERSATION_RETENTION_DAYS, APP_USER.BIRTH_YEAR, APP_USER.POSSIBLE_MINOR,
                        APP_USER.PROCESSING_RESTRICTED, APP_USER.PROCESSING_OBJECTED, APP_USER.VERSION,
                        DSL.coalesce(TOKEN_BALANCE.BALANCE, 0L))
                .from(APP_USER).leftJoin(TOKEN_BALANCE).on(TOKEN_BALANCE.USER_ID.eq(APP_USER.ID))
                .where(APP_USER.ID.eq(id))
                .fetchOptional(r -> new UserProfile(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9(), r.value10(), r.value11(), r.value12(), r.value13(), r.value14(),
                        r.value15(), r.value16()));
    }

    boolean usernameTaken(String username, long exceptId) {
        return dsl.fetchExists(APP_USER, APP_USER.USERNAME.eq(username).and(APP_USER.ID.ne(exceptId)));
    }

    boolean emailTaken(String email, long exceptId) {
        return dsl.fetchExists(APP_USER, APP_USER.EMAIL.eq(email).and(APP_USER.ID.ne(exceptId)));
    }

    boolean updateIdentity(long id, int version, String username, String displayName, String email) {
        return dsl.update(APP_USER)
                .set(APP_USER.USERNAME, username)
                .set(APP_USER.DISPLAY_NAME, displayName)
                .set(APP_USER.EMAIL, email)
                .set(APP_USER.VERSION, APP_USER.VERSION.plus(1))
                .where(APP_USER.ID.eq(id).and(APP_USER.VERSION.eq(version)))
                .execute() == 1;
    }

    boolean updateStatus(long id, int version, String status) {
        return updateVersioned(id, version, APP_USER.STATUS, status);
    }

    void updateDailyTokenCap(long id, Long cap) {
        dsl.update(APP_USER).set(APP_USER.DAILY_TOKEN_CAP, cap).set(APP_USER.VERSION, APP_USER.VERSION.plus(1))
                .where(APP_USER.ID.eq(id)).execute();
    }

    boolean updateRestriction(long id, int version, boolean restricted) {
        return updateVersioned(id, version, APP_USER.PROCESSING_RESTRICTED, restricted);
    }

    boolean updateObjection(long id, int version, boolean objected) {
        return updateVersioned(id, version, APP_USER.PROCESSING_OBJECTED, objected);
    }

    /** Sets one column if nobody changed the user since {@code version} was read. */
    private <T> boolean updateVersioned(long id, int version, org.jooq.Field<T> field, T value) {
        return dsl.update(APP_USER)
                .set(field, value)
                .set(APP_USER.VERSION, APP_USER.VERSION.plus(1))
                .where(APP_USER.ID.eq(id).and(APP_USER.VERSION.eq(version)))
                .execute() == 1;
    }

    /** Finished days from the roll-up, today from the events themselves. */
    List<UserActivity.UsageDay> usageByDay(long userId, LocalDate firstDay, LocalDate today) {
        List<UserActivity.UsageDay> days = new java.util.ArrayList<>(dsl.select(USAGE_DAILY.DAY, USAGE_DAILY.MODEL, USAGE_DAILY.TOKENS_CHARGED)
                .from(USAGE_DAILY)
                .where(USAGE_DAILY.USER_ID.eq(userId).and(USAGE_DAILY.DAY.ge(firstDay)).and(USAGE_DAILY.DAY.lt(today)))
                .orderBy(USAGE_DAILY.DAY, USAGE_DAILY.MODEL)
                .fetch(r -> new UserActivity.UsageDay(r.value1(), r.value2(), r.value3())));
        days.addAll(dsl.select(USAGE_EVENT.MODEL, DSL.sum(USAGE_EVENT.TOKENS_CHARGED))
                .from(USAGE_EVENT)
                .where(USAGE_EVENT.USER_ID.eq(userId).and(USAGE_EVENT.OCCURRED_AT.ge(today.atStartOfDay())))
                .groupBy(USAGE_EVENT.MODEL)
                .fetch(r -> new UserActivity.UsageDay(today, r.value1(), r.value2().longValue())));
        return days;
    }

    List<UserActivity.UsageEvent> usageEvents(long userId, java.time.LocalDateTime from, boolean newestFirst, int offset, int limit) {
        return dsl.select(USAGE_EVENT.ID, USAGE_EVENT.OCCURRED_AT, USAGE_EVENT.PROVIDER, USAGE_EVENT.MODEL, USAGE_EVENT.FEATURE,
                        USAGE_EVENT.INPUT_TOKENS, USAGE_EVENT.OUTPUT_TOKENS, USAGE_EVENT.TOKENS_CHARGED, USAGE_EVENT.LATENCY_MS,
                        USAGE_EVENT.STATUS, USAGE_EVENT.IP)
                .from(USAGE_EVENT).where(USAGE_EVENT.USER_ID.eq(userId)).and(USAGE_EVENT.OCCURRED_AT.ge(from))
                // the (user_id, occurred_at) index gives either order; adding id would filesort every event of the user
                .orderBy(newestFirst ? USAGE_EVENT.OCCURRED_AT.desc() : USAGE_EVENT.OCCURRED_AT.asc())
                .limit(limit).offset(offset)
                .fetch(r -> new UserActivity.UsageEvent(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(),
                        r.value7(), r.value8(), r.value9(), r.value10(), IpText.of(r.value11())));
    }

    int usageEventCount(long userId) {
        return dsl.fetchCount(USAGE_EVENT, USAGE_EVENT.USER_ID.eq(userId));
    }

    List<UserActivity.Session> sessions(long userId, int limit) {
        return dsl.select(USER_SESSION.STARTED_AT, USER_SESSION.ENDED_AT, USER_SESSION.IP, USER_SESSION.DEVICE_TYPE,
                        USER_SESSION.BROWSER, USER_SESSION.OS, USER_SESSION.COUNTRY_CODE, USER_SESSION.REGION)
                .from(USER_SESSION).where(USER_SESSION.USER_ID.eq(userId))
                .orderBy(USER_SESSION.STARTED_AT.desc()).limit(limit)
                .fetch(r -> new UserActivity.Session(r.value1(), r.value2(), IpText.of(r.value3()), r.value4(), r.value5(),
                        r.value6(), r.value7(), r.value8()));
    }

    List<UserActivity.Payment> payments(long userId) {
        return dsl.select(PAYMENT.CHANNEL, PAYMENT.EXTERNAL_ID, PAYMENT.AMOUNT_MINOR, PAYMENT.CURRENCY, PAYMENT.TOKENS,
                        PAYMENT.STATUS, PAYMENT.PAID_AT)
                .from(PAYMENT).where(PAYMENT.USER_ID.eq(userId)).orderBy(PAYMENT.PAID_AT.desc())
                .fetch(r -> new UserActivity.Payment(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6(), r.value7()));
    }

    /** Other users who signed in from an IP this user used. */
    List<UserActivity.LinkedAccount> sharingAnIp(long userId, int limit) {
        UserSession mine = USER_SESSION.as("mine");
        UserSession theirs = USER_SESSION.as("theirs");
        return dsl.selectDistinct(APP_USER.ID, APP_USER.USERNAME, APP_USER.DISPLAY_NAME, theirs.IP)
                .from(mine)
                .join(theirs).on(theirs.IP.eq(mine.IP).and(theirs.USER_ID.ne(mine.USER_ID)))
                .join(APP_USER).on(APP_USER.ID.eq(theirs.USER_ID))
                .where(mine.USER_ID.eq(userId))
                .limit(limit)
                .fetch(r -> new UserActivity.LinkedAccount(r.value1(), r.value2(), r.value3(), IpText.of(r.value4())));
    }

    List<UserActivity.PrivacyRequest> privacyRequests(long userId) {
        return dsl.select(PRIVACY_REQUEST.ID, PRIVACY_REQUEST.TYPE, PRIVACY_REQUEST.STATUS, PRIVACY_REQUEST.RECEIVED_AT, PRIVACY_REQUEST.DUE_AT)
                .from(PRIVACY_REQUEST).where(PRIVACY_REQUEST.USER_ID.eq(userId)).orderBy(PRIVACY_REQUEST.RECEIVED_AT.desc())
                .fetch(r -> new UserActivity.PrivacyRequest(r.value1(), r.value2(), r.value3(), r.value4(), r.value5()));
    }
}
