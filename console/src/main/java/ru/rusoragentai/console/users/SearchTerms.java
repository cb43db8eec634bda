package ru.rusoragentai.console.users;

import org.jspecify.annotations.Nullable;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads what a support agent typed: digits may be a user id, Telegram id or payment id; a leading
 * {@code @} means a username; a mail address an email; an IPv4 or IPv6 literal an IP; anything
 * else a name, username or payment id. Never resolves host names.
 */
record SearchTerms(String raw, @Nullable String text, @Nullable Long number, @Nullable String username, @Nullable String email, @Nullable byte[] ip) {

    private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:]*:[0-9a-fA-F:.]*");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]*");

    static Optional<SearchTerms> parse(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String text = input.strip();
        if (text.isEmpty() || text.length() > 254) {
            return Optional.empty();
        }
        Long number = DIGITS.matcher(text).matches() ? Long.valueOf(text) : null;
        String username = text.startsWith("@") && text.length() > 1 ? text.substring(1) : null;
        if (username == null && text.startsWith("t.me/")) {
            username = text.substring(5);
        }
        String email = EMAIL.matcher(text).matches() && !text.startsWith("@") ? text : null;
        return Optional.of(new SearchTerms(input, text, number, username, email, ipLiteral(text)));
    }

    /** Text usable in a LIKE prefix: wildcards escaped. */
    String likePrefix(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }

    private static byte @Nullable [] ipLiteral(String text) {
        if (!IPV4.matcher(text).matches() && !IPV6.matcher(text).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(text).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
