/**
 * The analyst screens.
 *
 * <p>Null-marked: no value is null unless it is declared {@code @Nullable}.
 */
@NullMarked
package ru.rusoragentai.console.analytics.ui;

import org.jspecify.annotations.NullMarked;
