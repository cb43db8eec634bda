package ru.rusoragentai.spi;

import java.util.Objects;

/**
 * A channel product and the tokens it buys.
 *
 * @param productId the channel's product key, as in {@link PaymentEvent#productId()}
 * @param name      a human name
 * @param tokens    tokens credited per purchase or renewal; positive
 */
public record TokenPack(String productId, String name, long tokens) {

    public TokenPack {
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(name, "name");
        if (tokens <= 0) {
            throw new IllegalArgumentException("tokens must be positive");
        }
    }
}
