package ru.rusoragentai.console.abuse.detect;

import java.time.LocalDateTime;
import java.time.temporal.IsoFields;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Small helpers detectors share: episode keys by calendar period, evidence maps, addresses for people. */
final class Episodes {

    /** How many linked accounts evidence lists at most. */
    static final int MAX_LISTED = 50;

    private Episodes() {
    }

    static String day(LocalDateTime at) {
        return "day:" + at.toLocalDate();
    }

    static String week(LocalDateTime at) {
        return "week:" + at.get(IsoFields.WEEK_BASED_YEAR) + "-W" + at.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
    }

    static String month(LocalDateTime at) {
        return "month:" + at.toLocalDate().toString().substring(0, 7);
    }

    /** Evidence from alternating keys and values, in that order. */
    static Map<String, Object> evidence(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }

    static List<Long> listed(List<Long> accounts) {
        return accounts.size() <= MAX_LISTED ? accounts : accounts.subList(0, MAX_LISTED);
    }

    static String ip(byte[] address) {
        return Addresses.ip(address);
    }

    static String network(byte[] prefix) {
        return Addresses.network(prefix);
    }
}
