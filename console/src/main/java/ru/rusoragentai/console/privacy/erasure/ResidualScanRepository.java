package ru.rusoragentai.console.privacy.erasure;

import ru.rusoragentai.console.privacy.Subject;
import static ru.rusoragentai.db.Tables.ABUSE_ACTION;
import static ru.rusoragentai.db.Tables.ABUSE_FLAG;
import static ru.rusoragentai.db.Tables.APP_USER;
import static ru.rusoragentai.db.Tables.AUDIT_EVENT;
import static ru.rusoragentai.db.Tables.CONVERSATION;
import static ru.rusoragentai.db.Tables.PAYMENT;
import static ru.rusoragentai.db.Tables.PRIVACY_REQUEST;
import static ru.rusoragentai.db.Tables.STAFF_RECENT;
import static ru.rusoragentai.db.Tables.TOKEN_ADJUSTMENT;
import static ru.rusoragentai.db.Tables.TOKEN_BALANCE;
import static ru.rusoragentai.db.Tables.TOKEN_LEDGER;
import static ru.rusoragentai.db.Tables.USAGE_DAILY;
import static ru.rusoragentai.db.Tables.USAGE_EVENT;
import static ru.rusoragentai.db.Tables.USER_SESSION;
import static ru.rusoragentai.db.Tables.WEBHOOK_INBOX;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The residual scan's counts: every place the subject could still be found, each through an index. */
@Repository
class ResidualScanRepository {

    private static final int IN_SLICE = 1_000;

    private final DSLContext dsl;

    ResidualScanRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /**
     * How many rows of {@code table} match the subject on {@code what}. The checks are listed in {@link ResidualScan};
     * each uses an index, so the scan stays fast on the full data set.
     */
    long count(ResidualScan.Check check, Subject subject) {
        switch (check.id()) {
            case "staff_recent.value" -> {
                return staffRecentIds(dsl, subject).size();
            }
            case "user_session.ip", "usage_event.ip" -> {
                // in slices: a heavy mobile user can have thousands of addresses
                boolean sessions = check.id().startsWith("user_session");
                boolean anyOfTheirs = sessions ? dsl.fetchExists(USER_SESSION, USER_SESSION.USER_ID.eq(subject.userId()))
                        : dsl.fetchExists(USAGE_EVENT, USAGE_EVENT.USER_ID.eq(subject.userId()));
                if (!anyOfTheirs) {
                    return 0; // an address in another user's row is that user's data, not the subject's
                }
                long rows = 0;
                List<byte[]> ips = ipBytes(subject);
                for (int from = 0; from < ips.size(); from += IN_SLICE) {
                    List<byte[]> slice = ips.subList(from, Math.min(ips.size(), from + IN_SLICE));
                    rows += sessions
                            ? dsl.fetchCount(USER_SESSION, USER_SESSION.IP.in(slice), USER_SESSION.USER_ID.eq(subject.userId()))
                            : dsl.fetchCount(USAGE_EVENT, USAGE_EVENT.IP.in(slice), USAGE_EVENT.USER_ID.eq(subject.userId()));
                }
                return rows;
            }
            default -> {
                // one indexed lookup below
            }
        }
        Condition condition = switch (check.id()) {
            case "app_user.id" -> APP_USER.ID.eq(subject.userId());
            case "app_user.telegram_user_id" -> APP_USER.TELEGRAM_USER_ID.eq(subject.telegramUserId());
            case "app_user.username" -> subject.username() == null ? DSL.falseCondition() : APP_USER.USERNAME.eq(subject.username());
            case "app_user.email" -> subject.email() == null ? DSL.falseCondition() : APP_USER.EMAIL.eq(subject.email());
            case "user_session.user_id" -> USER_SESSION.USER_ID.eq(subject.userId());
            case "usage_event.user_id" -> USAGE_EVENT.USER_ID.eq(subject.userId());
            case "usage_daily.user_id" -> USAGE_DAILY.USER_ID.eq(subject.userId());
            case "payment.user_id" -> PAYMENT.USER_ID.eq(subject.userId());
            case "conversation.user_id" -> CONVERSATION.USER_ID.eq(subject.userId());
            case "token_ledger.user_id" -> TOKEN_LEDGER.USER_ID.eq(subject.userId());
            case "token_balance.user_id" -> TOKEN_BALANCE.USER_ID.eq(subject.userId());
            case "token_adjustment.user_id" -> TOKEN_ADJUSTMENT.USER_ID.eq(subject.userId());
            case "abuse_flag.user_id" -> ABUSE_FLAG.USER_ID.eq(subject.userId());
            case "abuse_snooze.user_id" -> ru.rusoragentai.db.Tables.ABUSE_SNOOZE.USER_ID.eq(subject.userId());
            case "abuse_score.user_id" -> ru.rusoragentai.db.Tables.ABUSE_SCORE.USER_ID.eq(subject.userId());
            case "abuse_action.user_id" -> ru.rusoragentai.db.Tables.ABUSE_ACTION.USER_ID.eq(subject.userId());
            case "abuse_blocklist.user_id" -> ru.rusoragentai.db.Tables.ABUSE_BLOCKLIST.USER_ID.eq(subject.userId());
            case "webhook_inbox.user_id" -> WEBHOOK_INBOX.USER_ID.eq(subject.userId());
            case "webhook_inbox.telegram_user_id" -> WEBHOOK_INBOX.TELEGRAM_USER_ID.eq(subject.telegramUserId());
            case "privacy_request.user_id" -> PRIVACY_REQUEST.USER_ID.eq(subject.userId());
            case "subject_key.user_id" -> ru.rusoragentai.db.Tables.SUBJECT_KEY.USER_ID.eq(subject.userId());
            case "audit_event.target_id" -> AUDIT_EVENT.TARGET_TYPE.eq("user").and(AUDIT_EVENT.TARGET_ID.eq(Long.toString(subject.userId())));
            default -> throw new IllegalArgumentException("unknown residual check " + check.id());
        };
        return dsl.fetchCount(DSL.selectOne().from(DSL.table(DSL.name(check.table()))).where(condition));
    }

    /**
     * The staff members' recent searches and opened users that point at the subject: an identifier itself, or a
     * search that would have found them by name (any word of the display name, the username or the email, or a
     * prefix of one: "Сокол" for "Дарья Соколова"). Searches of fewer than three characters name nobody.
     */
    static List<Long> staffRecentIds(DSLContext dsl, Subject subject) {
        Set<String> exact = new HashSet<>(List.of(Long.toString(subject.userId()), Long.toString(subject.telegramUserId())));
        exact.addAll(subject.ips());
        List<String> words = new ArrayList<>();
        for (String value : new String[] {subject.username(), subject.email(), subject.displayName()}) {
            if (value != null) {
                String lower = value.toLowerCase(Locale.ROOT).replace('ё', 'е');
                exact.add(lower);
                words.add(lower);
                words.addAll(List.of(lower.split("[\\s@._-]+")));
            }
        }
        List<Long> ids = new ArrayList<>();
        dsl.select(STAFF_RECENT.ID, STAFF_RECENT.VALUE).from(STAFF_RECENT).fetch()
                .forEach(r -> {
                    String value = r.value2().strip().toLowerCase(Locale.ROOT).replace('ё', 'е').replaceFirst("^@", "");
                    boolean named = value.length() >= 3 && (exact.contains(value)
                            || words.stream().anyMatch(w -> w.startsWith(value) || value.contains(w) && w.length() >= 3));
                    if (exact.contains(value) || named) {
                        ids.add(r.value1());
                    }
                });
        return ids;
    }

    private static List<byte[]> ipBytes(Subject subject) {
        List<byte[]> bytes = new ArrayList<>();
        for (String ip : subject.ips()) {
            try {
                bytes.add(InetAddress.getByName(ip).getAddress());
            } catch (UnknownHostException e) {
                // only literals are stored; nothing to look for
            }
        }
        return bytes;
    }
}
