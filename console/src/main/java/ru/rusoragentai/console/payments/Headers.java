package ru.rusoragentai.console.payments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Webhook headers as stored in the inbox: one {@code name: value} per line, credentials left out. */
final class Headers {

    private static final Set<String> NEVER_STORED = Set.of("authorization", "cookie", "proxy-authorization");

    private Headers() {
    }

    static String format(Map<String, List<String>> headers) {
        StringBuilder text = new StringBuilder();
        headers.forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!NEVER_STORED.contains(lower)) {
                values.forEach(v -> text.append(lower).append(": ").append(v.replace('\r', ' ').replace('\n', ' ')).append('\n'));
            }
        });
        return text.length() > 16_000 ? text.substring(0, 16_000) : text.toString();
    }

    static Map<String, List<String>> parse(String text) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                headers.computeIfAbsent(line.substring(0, colon), k -> new ArrayList<>()).add(line.substring(colon + 2));
            }
        }
        return headers;
    }
}
