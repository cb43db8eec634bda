package ru.rusoragentai.plugins.support;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reading vendor JSON into plain maps and lists, with typed accessors that explain what is missing. */
public final class Json {

    private static final JSON READER = JSON.std.with(JSON.Feature.USE_BIG_DECIMAL_FOR_FLOATS);

    private Json() {
    }

    /**
     * Parses a JSON object.
     *
     * @throws JsonException when the text is not a JSON object
     */
    public static Map<String, Object> object(String text) {
        try {
            Object value = READER.anyFrom(text);
            if (value instanceof Map<?, ?> map) {
                return cast(map);
            }
            throw new JsonException("expected a JSON object");
        } catch (IOException | RuntimeException e) {
            if (e instanceof JsonException json) {
                throw json;
            }
            throw new JsonException("not valid JSON");
        }
    }

    /** A nested object, or an empty map when absent or null. */
    public static Map<String, Object> object(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value instanceof Map<?, ?> map ? cast(map) : Map.of();
    }

    /** A list of objects, or an empty list when absent or null. */
    public static List<Map<String, Object>> objects(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (!(value instanceof List<?> list)) {
            return List.of();
        }
        return list.stream().filter(Map.class::isInstance).map(m -> cast((Map<?, ?>) m)).toList();
    }

    public static Optional<String> text(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        return value == null ? Optional.empty() : Optional.of(String.valueOf(value));
    }

    /** A required text field. */
    public static String requireText(Map<String, Object> parent, String key) {
        return text(parent, key).filter(s -> !s.isBlank()).orElseThrow(() -> new JsonException("missing " + key));
    }

    /** A number (JSON number or numeric string), or zero when absent or null. */
    public static long longValue(Map<String, Object> parent, String key) {
        return decimal(parent, key).map(BigDecimal::longValue).orElse(0L);
    }

    /** A required whole number. */
    public static long requireLong(Map<String, Object> parent, String key) {
        return decimal(parent, key).map(BigDecimal::longValueExact).orElseThrow(() -> new JsonException("missing " + key));
    }

    public static Optional<BigDecimal> decimal(Map<String, Object> parent, String key) {
        Object value = parent.get(key);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(value instanceof BigDecimal d ? d : new BigDecimal(String.valueOf(value)));
        } catch (NumberFormatException e) {
            throw new JsonException(key + " is not a number");
        }
    }

    public static boolean bool(Map<String, Object> parent, String key) {
        return Boolean.TRUE.equals(parent.get(key));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> cast(Map<?, ?> map) {
        return (Map<String, Object>) map;
    }

    /** The JSON is not what the vendor documents. */
    public static final class JsonException extends RuntimeException {
        public JsonException(String message) {
            super(message);
        }
    }
}
