package ru.rusoragentai.spi;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A model a provider offers. Build with {@link #of} and the {@code with...} methods.
 *
 * @param id                  the vendor's model id, as our usage events record it
 * @param displayName         a human name
 * @param contextWindow       tokens of context, when known
 * @param inputUsdPerMillion  the vendor's list price per million input tokens in USD, when known
 * @param outputUsdPerMillion the vendor's list price per million output tokens in USD, when known
 */
public record ModelOffer(String id, String displayName, OptionalInt contextWindow,
                         Optional<BigDecimal> inputUsdPerMillion, Optional<BigDecimal> outputUsdPerMillion) {

    /** @throws NullPointerException when a component is null (absent values are empty optionals) */
    public ModelOffer {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(contextWindow, "contextWindow");
        Objects.requireNonNull(inputUsdPerMillion, "inputUsdPerMillion");
        Objects.requireNonNull(outputUsdPerMillion, "outputUsdPerMillion");
    }

    /** A model with an id and a name, nothing else known yet. */
    public static ModelOffer of(String id, String displayName) {
        return new ModelOffer(id, displayName, OptionalInt.empty(), Optional.empty(), Optional.empty());
    }

    /** The same offer with its context window in tokens. */
    public ModelOffer withContextWindow(int tokens) {
        return new ModelOffer(id, displayName, OptionalInt.of(tokens), inputUsdPerMillion, outputUsdPerMillion);
    }

    /** The same offer with the vendor's list prices per million input and output tokens, in USD. */
    public ModelOffer withPrice(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {
        return new ModelOffer(id, displayName, contextWindow, Optional.of(inputPerMillion), Optional.of(outputPerMillion));
    }
}
