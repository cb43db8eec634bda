/**
 * The contract between the RusorAgentAI console and its plugins.
 *
 * <p>A plugin is a PF4J jar whose extensions implement one or more of {@link ru.rusoragentai.spi.AiProvider},
 * {@link ru.rusoragentai.spi.PaymentChannel} and {@link ru.rusoragentai.spi.PrivacyConnector}. The console gives
 * every call a {@link ru.rusoragentai.spi.PluginContext} (settings, an HTTP client bound to the configured base
 * URL, a clock and a logger) and never a database handle.
 *
 * <p>Null: the package is {@link org.jspecify.annotations.NullMarked}, so nothing is {@code null} unless its type says
 * {@link org.jspecify.annotations.Nullable} (three record components and an exception's cause). A value a result may
 * lack is an {@link java.util.Optional}; one convention, checked by any JSpecify-aware tool (NullAway, IntelliJ).
 *
 * <p>Stability: every public type here is stable within a major version of the contract; what a minor version added
 * says {@code @since}. Nothing is experimental today.
 *
 * <p>Unless a method says otherwise: values are immutable;
 * the console may call an extension from several threads at once, so extensions must be thread-safe; and every
 * call runs under a timeout, after which the console abandons it.
 *
 * <p>The contract is versioned semantically ({@link ru.rusoragentai.spi.SpiVersion}); a plugin declares the range
 * it supports in its {@code Plugin-Requires} manifest entry, for example {@code >=1.0.0 & <2.0.0}.
 */
@NullMarked
package ru.rusoragentai.spi;

import org.jspecify.annotations.NullMarked;
