package ru.rusoragentai.console.i18n;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@link Text} kept in a column until someone reads it: {@code {"key": ..., "args": [...]}}, arguments as JSON numbers
 * and strings, a nested text as an object of its own, a {@link TextList} as {@code {"list": [...], "separator": ...}}, a
 * {@link Said} as {@code {"said": {"en": ..., "ru": ...}}}. Any other argument is kept as its string.
 */
public final class TextJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private TextJson() {
    }

    public static String write(Text text) {
        return JSON.writeValueAsString(tree(text));
    }

    /** The text, or null for null (a row written before texts were kept). */
    public static Text read(String json) {
        return json == null ? null : text(JSON.readTree(json));
    }

    private static Map<String, Object> tree(Text text) {
        List<Object> args = new ArrayList<>();
        for (Object argument : text.arguments()) {
            args.add(argument instanceof Text nested ? tree(nested)
                    : argument instanceof TextList list ? Map.of("list", list.items().stream().map(TextJson::tree).toList(), "separator", list.separator())
                    : argument instanceof Said worded ? Map.of("said", worded.wording())
                    : argument instanceof Number || argument == null ? argument : argument.toString());
        }
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("key", text.key());
        tree.put("args", args);
        return tree;
    }

    private static Text text(JsonNode node) {
        List<Object> args = new ArrayList<>();
        for (JsonNode argument : node.path("args")) {
            if (argument.isObject() && argument.has("list")) {
                List<Text> items = new ArrayList<>();
                argument.path("list").forEach(item -> items.add(text(item)));
                args.add(new TextList(items, argument.path("separator").asString()));
            } else if (argument.isObject() && argument.has("said")) {
                Map<String, String> wording = new LinkedHashMap<>();
                argument.path("said").properties().forEach(e -> wording.put(e.getKey(), e.getValue().asString()));
                args.add(new Said(wording));
            } else if (argument.isObject()) {
                args.add(text(argument));
            } else if (argument.isIntegralNumber()) {
                args.add(argument.longValue());
            } else if (argument.isNumber()) {
                args.add(argument.decimalValue());
            } else {
                args.add(argument.isNull() ? null : argument.asString());
            }
        }
        return new Text(node.path("key").asString(), args.toArray());
    }
}
