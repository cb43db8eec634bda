package ru.rusoragentai.spi;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An HTTP response as a plugin sees it.
 *
 * @param status  the HTTP status code
 * @param headers response headers (names compared case-insensitively by {@link #header})
 * @param body    the body decoded as UTF-8; empty when there was none
 */
public record HttpReply(int status, Map<String, List<String>> headers, String body) {

    /** Copies the headers with lower-case names; @throws NullPointerException when {@code body} is null */
    public HttpReply {
        Objects.requireNonNull(body, "body");
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> copy.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        headers = java.util.Collections.unmodifiableMap(copy);
    }

    /** Whether the status is 2xx. */
    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** The first value of a header, by case-insensitive name. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }
}
