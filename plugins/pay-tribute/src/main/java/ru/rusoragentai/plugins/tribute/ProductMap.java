package ru.rusoragentai.plugins.tribute;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import ru.rusoragentai.spi.PluginCallException;
import ru.rusoragentai.spi.PluginMessage;
import ru.rusoragentai.spi.TokenPack;

/**
 * The {@code products} setting: one {@code product-key = tokens | name} per line, where the product key is
 * {@code subscription:<subscription_id>}, {@code digital:<product_id>} or {@code shop:<product_id>}.
 */
record ProductMap(Map<String, TokenPack> packs) {

    /** A well-formed line of the products setting: product key = tokens | name. */
    private static final String EXAMPLE = "subscription:42 = 100000 | Starter";

    static ProductMap parse(Optional<String> setting) {
        List<TokenPack> packs = new ArrayList<>();
        int number = 0;
        for (String raw : setting.orElse("").split("\\R")) {
            number++;
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 1) {
                throw new PluginCallException(PluginMessage.badSettingLine("products", number, EXAMPLE));
            }
            String key = line.substring(0, eq).strip();
            String rest = line.substring(eq + 1);
            int bar = rest.indexOf('|');
            String tokens = (bar < 0 ? rest : rest.substring(0, bar)).strip().replace("_", "");
            String name = bar < 0 ? key : rest.substring(bar + 1).strip();
            try {
                packs.add(new TokenPack(key, name, Long.parseLong(tokens)));
            } catch (IllegalArgumentException e) {
                throw new PluginCallException(PluginMessage.badSettingLine("products", number, EXAMPLE));
            }
        }
        return new ProductMap(packs.stream().collect(Collectors.toUnmodifiableMap(TokenPack::productId,
                Function.identity(), (a, b) -> b)));
    }

    long tokensFor(String productKey) {
        TokenPack pack = packs.get(productKey);
        return pack == null ? 0 : pack.tokens();
    }
}
