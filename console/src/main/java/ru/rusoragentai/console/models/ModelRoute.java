package ru.rusoragentai.console.models;

import org.jspecify.annotations.Nullable;
import ru.rusoragentai.console.i18n.Text;

/**
 * A routing rule: requests for {@code alias} go to {@code provider}/{@code model}; among an alias's routes the
 * lowest priority number is tried first, the others are fallbacks in order.
 *
 * @param problem why the route cannot be used right now (provider disabled, model gone), or null
 */
public record ModelRoute(long id, String alias, @Nullable String provider, String model, int priority, boolean enabled,
                         @Nullable Text problem) {
}
