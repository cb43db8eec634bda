/**
 * The plugins screen.
 *
 * <p>Null-marked: no value is null unless it is declared {@code @Nullable}.
 */
@NullMarked
package ru.rusoragentai.console.plugins.ui;

import org.jspecify.annotations.NullMarked;
