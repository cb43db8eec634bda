/**
 * AI models and their token prices, as the provider plugins report them.
 *
 * <p>Null-marked: no value is null unless it is declared {@code @Nullable}.
 */
@NullMarked
package ru.rusoragentai.console.models;

import org.jspecify.annotations.NullMarked;
