package ru.rusoragentai.plugins.support;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import ru.rusoragentai.spi.ModelOffer;
import ru.rusoragentai.spi.PluginCallException;
import ru.rusoragentai.spi.PluginMessage;

/**
 * A vendor's list prices in USD per million tokens, by model id prefix (the longest matching prefix wins, so
 * {@code claude-sonnet-4-5} finds {@code claude-sonnet-4-5-20250929}). Operators can add or override lines in
 * the plugin's {@code prices} setting, one {@code model-prefix = input / output} per line.
 */
public final class PriceTable {

    /** A well-formed line of the prices setting: model = USD per million input / output tokens. */
    private static final String EXAMPLE = "gpt-5 = 1.25 / 10";

    /** A price pair. */
    public record Price(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {
    }

    private final Map<String, Price> byPrefix;

    private PriceTable(Map<String, Price> byPrefix) {
        this.byPrefix = Map.copyOf(byPrefix);
    }

    /** The built-in table, with the operator's override lines applied on top. */
    public static PriceTable of(Map<String, Price> builtIn, Optional<String> overrides) {
        Map<String, Price> table = new LinkedHashMap<>(builtIn);
        overrides.ifPresent(text -> table.putAll(parse(text)));
        return new PriceTable(table);
    }

    public static Price price(String input, String output) {
        return new Price(new BigDecimal(input), new BigDecimal(output));
    }

    public Optional<Price> find(String modelId) {
        String id = modelId.toLowerCase(Locale.ROOT);
        return byPrefix.entrySet().stream().filter(e -> id.startsWith(e.getKey()))
                .max(Comparator.comparingInt(e -> e.getKey().length())).map(Map.Entry::getValue);
    }

    /** The offer with this table's price, when it has one. */
    public ModelOffer priced(ModelOffer offer) {
        return find(offer.id()).map(p -> offer.withPrice(p.inputPerMillion(), p.outputPerMillion())).orElse(offer);
    }

    /**
     * Parses override lines.
     *
     * @throws PluginCallException naming the first bad line
     */
    public static Map<String, Price> parse(String text) {
        Map<String, Price> prices = new LinkedHashMap<>();
        int number = 0;
        for (String raw : text.split("\\R")) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("[=/]");
            if (parts.length != 3) {
                throw new PluginCallException(PluginMessage.badSettingLine("prices", number, EXAMPLE));
            }
            try {
                prices.put(parts[0].strip().toLowerCase(Locale.ROOT), price(parts[1].strip(), parts[2].strip()));
            } catch (NumberFormatException e) {
                throw new PluginCallException(PluginMessage.badSettingLine("prices", number, EXAMPLE));
            }
        }
        return prices;
    }
}
