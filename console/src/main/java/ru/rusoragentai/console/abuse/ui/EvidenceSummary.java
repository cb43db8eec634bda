package ru.rusoragentai.console.abuse.ui;

import com.vaadin.flow.component.Component;
import java.util.Map;
import ru.rusoragentai.console.abuse.FlagSummary;
import ru.rusoragentai.console.kit.Plurals;

/** One line of a flag's evidence for the queue's column, e.g. "5 accounts on 203.0.113.77". */
final class EvidenceSummary {

    private EvidenceSummary() {
    }

    static String of(Component in, FlagSummary flag) {
        Map<String, Object> e = flag.evidence();
        String key = "abuse.summary." + flag.rule();
        return switch (flag.rule()) {
            case "multi_account" -> counted(in, key, e.get("accounts"), in.getTranslation("abuse.shared." + e.get("shared")), e.get("value"));
            case "signup_burst" -> counted(in, key, e.get("accounts"), e.get("value"));
            case "bonus_farming" -> e.containsKey("referrer") ? counted(in, key + ".ring", e.get("accounts"))
                    : in.getTranslation(key + ".alone", n(in, e.get("grants")), n(in, e.get("spent")));
            case "usage_spike" -> e.containsKey("times") ? counted(in, key, e.get("tokens"), n(in, e.get("times")))
                    : counted(in, key + ".new", e.get("tokens"));
            case "expensive_burn" -> counted(in, key, e.get("tokens"), n(in, e.get("share_percent")));
            case "automation" -> counted(in, key, e.get("requests"), n(in, e.get("peer_average")), n(in, e.get("error_percent")));
            case "lockstep" -> counted(in, key, e.get("accounts"), n(in, e.get("match_percent")));
            case "refunds" -> e.containsKey("used_percent") ? in.getTranslation(key + ".chargeback", n(in, e.get("used_percent")))
                    : in.getTranslation(key, n(in, e.get("refunds")), n(in, e.get("chargebacks")));
            case "impossible_travel" -> in.getTranslation(key, e.get("from"), e.get("to"), n(in, e.get("km")), n(in, e.get("minutes")));
            case "shared_account" -> in.getTranslation(key, n(in, e.get("networks")), e.getOrDefault("countries", ""));
            case "insider" -> in.getTranslation(key, n(in, e.get("adjustments")), n(in, e.get("tokens")), n(in, e.get("peer_median")));
            case "possible_minor" -> in.getTranslation(key);
            default -> String.valueOf(e);
        };
    }

    /** The text in the plural form of {@code count}, which it shows first; the other values follow. */
    private static String counted(Component in, String key, Object count, Object... rest) {
        Object[] params = new Object[rest.length + 1];
        params[0] = n(in, count);
        System.arraycopy(rest, 0, params, 1, rest.length);
        return Plurals.text(in, key, count instanceof Number number ? number.longValue() : 0, params);
    }

    private static String n(Component in, Object value) {
        return value instanceof Number number ? AbuseText.number(in, number) : String.valueOf(value);
    }
}
