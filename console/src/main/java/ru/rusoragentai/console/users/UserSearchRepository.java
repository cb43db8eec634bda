package ru.rusoragentai.console.users;

import static ru.rusoragentai.db.Tables.APP_USER;
import static ru.rusoragentai.db.Tables.PAYMENT;
import static ru.rusoragentai.db.Tables.STAFF_RECENT;
import static ru.rusoragentai.db.Tables.USER_SESSION;

import java.time.LocalDateTime;
import java.util.Collection;
import java.util.List;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

@Repository
class UserSearchRepository {

    private static final int EXACT_LIMIT = 50;
    private static final org.jooq.Field<String> NAME_WORD2 = DSL.field(DSL.name(APP_USER.getName(), "name_word2"), String.class);
    private static final org.jooq.Field<String> NAME_WORD3 = DSL.field(DSL.name(APP_USER.getName(), "name_word3"), String.class);
    private static final List<org.jooq.Field<String>> NAME_WORDS = List.of(APP_USER.DISPLAY_NAME, NAME_WORD2, NAME_WORD3);

    private final DSLContext dsl;

    UserSearchRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    List<SearchHit> byId(long id) {
        return byCondition(APP_USER.ID.eq(id), MatchKind.USER_ID);
    }

    List<SearchHit> byTelegramId(long telegramUserId) {
        return byCondition(APP_USER.TELEGRAM_USER_ID.eq(telegramUserId), MatchKind.TELEGRAM_ID);
    }

    List<SearchHit> byUsername(String username) {
        return byCondition(APP_USER.USERNAME.eq(username), MatchKind.USERNAME);
    }

    List<SearchHit> byEmail(String email) {
        return byCondition(APP_USER.EMAIL.eq(email), MatchKind.EMAIL);
    }

    List<SearchHit> byUsernamePrefix(String likePrefix, int limit) {
        return prefixPage(APP_USER.USERNAME.like(likePrefix, '\\'), MatchKind.USERNAME_PREFIX, APP_USER.USERNAME, List.of(), 0, limit);
    }

    List<SearchHit> byEmailPrefix(String likePrefix, int limit) {
        return prefixPage(APP_USER.EMAIL.like(likePrefix, '\\'), MatchKind.EMAIL_PREFIX, APP_USER.EMAIL, List.of(), 0, limit);
    }

    /**
     * Users each of whose given word prefixes starts some word of their name, as three lists one after the other: the
     * first word typed starting the name (in name order), else its second word (in that word's order), else its third.
     * Each list is one range of its own index read in order, so a page stops after {@code limit} rows; one query with
     * the three conditions OR-ed merged every match and sorted them (seconds for a common prefix at 1M users).
     */
    List<SearchHit> byNameWords(List<String> likePrefixes, Collection<Long> exclude, int offset, int limit) {
        List<SearchHit> page = new java.util.ArrayList<>();
        int skip = offset;
        for (int word = 0; word < NAME_WORDS.size() && page.size() < limit; word++) {
            Condition list = nameWordList(word, likePrefixes);
            if (skip > 0) {
                int inList = prefixCount(list, exclude, skip);
                if (inList < skip) {
                    skip -= inList;
                    continue;
                }
            }
            page.addAll(prefixPage(list, MatchKind.NAME_PREFIX, NAME_WORDS.get(word), exclude, skip, limit - page.size()));
            skip = 0;
        }
        return page;
    }

    int countNameWords(List<String> likePrefixes, Collection<Long> exclude, int cap) {
        int count = 0;
        for (int word = 0; word < NAME_WORDS.size() && count < cap; word++) {
            count += prefixCount(nameWordList(word, likePrefixes), exclude, cap - count);
        }
        return count;
    }

    /**
     * List {@code word}: 0, the whole name starting with the words as typed; 1 and 2, the name from its second or third
     * word on (V16's virtual columns) starting with the first word typed, each further word starting some word of the
     * name, and not already in an earlier list. The collation ignores case and treats ё as е.
     */
    private static Condition nameWordList(int word, List<String> likePrefixes) {
        String first = likePrefixes.getFirst();
        // the whole name starting with the words as typed is one narrow range; splitting "emma s" into "emma" and "s"
        // there would read every Emma
        String phrase = String.join(" ", likePrefixes.stream().map(p -> p.substring(0, p.length() - 1)).toList()) + "%";
        if (word == 0) {
            return APP_USER.DISPLAY_NAME.like(phrase, '\\');
        }
        Condition list = NAME_WORDS.get(word).like(first, '\\').and(APP_USER.DISPLAY_NAME.notLike(phrase, '\\'));
        if (word == 2) {
            list = list.and(NAME_WORD2.notLike(first, '\\'));
        }
        for (String prefix : likePrefixes.subList(1, likePrefixes.size())) {
            list = list.and(APP_USER.DISPLAY_NAME.like(prefix, '\\').or(NAME_WORD2.like(prefix, '\\')).or(NAME_WORD3.like(prefix, '\\')));
        }
        return list;
    }

    private List<SearchHit> byCondition(Condition condition, MatchKind kind) {
        return dsl.select(APP_USER.ID, APP_USER.USERNAME, APP_USER.DISPLAY_NAME, APP_USER.EMAIL, APP_USER.TELEGRAM_USER_ID, APP_USER.STATUS)
                .from(APP_USER).where(condition).limit(EXACT_LIMIT)
                .fetch(r -> hit(r, kind));
    }

    List<SearchHit> byPaymentExternalId(String externalId) {
        return dsl.selectDistinct(APP_USER.ID, APP_USER.USERNAME, APP_USER.DISPLAY_NAME, APP_USER.EMAIL, APP_USER.TELEGRAM_USER_ID, APP_USER.STATUS)
                .from(PAYMENT).join(APP_USER).on(APP_USER.ID.eq(PAYMENT.USER_ID))
                .where(PAYMENT.EXTERNAL_ID.eq(externalId)).limit(EXACT_LIMIT)
                .fetch(r -> hit(r, MatchKind.PAYMENT_ID));
    }

    List<SearchHit> byIp(byte[] ip) {
        var users = dsl.selectDistinct(USER_SESSION.USER_ID).from(USER_SESSION).where(USER_SESSION.IP.eq(ip)).limit(EXACT_LIMIT);
        return byCondition(APP_USER.ID.in(users), MatchKind.IP_ADDRESS);
    }

    private List<SearchHit> prefixPage(Condition prefix, MatchKind kind, org.jooq.Field<String> orderBy, Collection<Long> exclude, int offset, int limit) {
        return dsl.select(APP_USER.ID, APP_USER.USERNAME, APP_USER.DISPLAY_NAME, APP_USER.EMAIL, APP_USER.TELEGRAM_USER_ID, APP_USER.STATUS)
                .from(APP_USER)
                .where(prefix).and(exclude.isEmpty() ? DSL.trueCondition() : APP_USER.ID.notIn(exclude))
                .orderBy(orderBy, APP_USER.ID)
                .limit(limit).offset(offset)
                .fetch(r -> hit(r, kind));
    }

    private int prefixCount(Condition prefix, Collection<Long> exclude, int cap) {
        return dsl.fetchCount(dsl.selectOne().from(APP_USER)
                .where(prefix).and(exclude.isEmpty() ? DSL.trueCondition() : APP_USER.ID.notIn(exclude))
                .limit(cap));
    }

    void remember(String staff, String kind, String value, LocalDateTime now) {
        dsl.insertInto(STAFF_RECENT)
                .set(STAFF_RECENT.STAFF, staff).set(STAFF_RECENT.KIND, kind).set(STAFF_RECENT.VALUE, value).set(STAFF_RECENT.USED_AT, now)
                .onDuplicateKeyUpdate().set(STAFF_RECENT.USED_AT, now)
                .execute();
        var keep = dsl.select(STAFF_RECENT.ID).from(STAFF_RECENT)
                .where(STAFF_RECENT.STAFF.eq(staff).and(STAFF_RECENT.KIND.eq(kind)))
                .orderBy(STAFF_RECENT.USED_AT.desc()).limit(10).fetch(r -> r.value1());
        dsl.deleteFrom(STAFF_RECENT).where(STAFF_RECENT.STAFF.eq(staff).and(STAFF_RECENT.KIND.eq(kind)).and(STAFF_RECENT.ID.notIn(keep))).execute();
    }

    List<String> recent(String staff, String kind) {
        return dsl.select(STAFF_RECENT.VALUE).from(STAFF_RECENT)
                .where(STAFF_RECENT.STAFF.eq(staff).and(STAFF_RECENT.KIND.eq(kind)))
                .orderBy(STAFF_RECENT.USED_AT.desc()).limit(10).fetch(r -> r.value1());
    }

    List<SearchHit> byIds(List<Long> ids) {
        var rows = byCondition(APP_USER.ID.in(ids), MatchKind.USER_ID);
        return ids.stream().flatMap(id -> rows.stream().filter(h -> h.userId() == id)).toList();
    }

    private static SearchHit hit(Record r, MatchKind kind) {
        return new SearchHit(r.get(APP_USER.ID), r.get(APP_USER.USERNAME), r.get(APP_USER.DISPLAY_NAME), r.get(APP_USER.EMAIL),
                r.get(APP_USER.TELEGRAM_USER_ID), r.get(APP_USER.STATUS), kind);
    }
}
