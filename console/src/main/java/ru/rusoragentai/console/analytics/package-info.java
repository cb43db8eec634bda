/**
 * Analyst reports over the usage roll-up, and their exports.
 *
 * <p>Null-marked: no value is null unless it is declared {@code @Nullable}.
 */
@NullMarked
package ru.rusoragentai.console.analytics;

import org.jspecify.annotations.NullMarked;
