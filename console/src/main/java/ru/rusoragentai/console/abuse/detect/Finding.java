package ru.rusoragentai.console.abuse.detect;

import org.jspecify.annotations.Nullable;
import java.util.Map;

/**
 * One subject matching a rule in one episode. The same rule, subject and episode is the same flag: a later run with
 * more evidence updates it, and a decided flag is never raised again.
 *
 * @param userId       the user it is about, or null for a staff member
 * @param staffSubject the staff member it is about (insider rule), or null
 * @param episode      what makes this occurrence distinct, e.g. the shared address or the day of a spike
 * @param groupKey     flags of one rule that share it form one case (one ring); null when the flag stands alone
 * @param evidence     what was seen, for people: counts, addresses, linked account ids, a series for a chart
 */
public record Finding(@Nullable Long userId, String staffSubject, String episode, @Nullable String groupKey, Map<String, Object> evidence) {

    public static Finding user(long userId, String episode, String groupKey, Map<String, Object> evidence) {
        return new Finding(userId, null, episode, groupKey, evidence);
    }

    public String subjectKey() {
        return userId != null ? "u:" + userId : "s:" + staffSubject;
    }
}
