package ru.rusoragentai.spi;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One webhook delivery exactly as received: the raw body (signatures are over these bytes) and the headers.
 */
public final class WebhookDelivery {

    private final byte[] body;
    private final Map<String, List<String>> headers;

    private WebhookDelivery(byte[] body, Map<String, List<String>> headers) {
        this.body = body.clone();
        TreeMap<String, List<String>> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.forEach((k, v) -> copy.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
        this.headers = Collections.unmodifiableMap(copy);
    }

    public static WebhookDelivery of(byte[] body, Map<String, List<String>> headers) {
        return new WebhookDelivery(body, headers);
    }

    /** A copy of the raw body. */
    public byte[] body() {
        return body.clone();
    }

    /** The raw body decoded as UTF-8. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** All headers, names in lower case. */
    public Map<String, List<String>> headers() {
        return headers;
    }

    /** The first value of a header, by case-insensitive name. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.getFirst());
    }

    @Override
    public String toString() {
        return "WebhookDelivery[" + body.length + " bytes, headers=" + headers.keySet() + "]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof WebhookDelivery that && Arrays.equals(body, that.body) && headers.equals(that.headers);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(body) * 31 + headers.hashCode();
    }
}
