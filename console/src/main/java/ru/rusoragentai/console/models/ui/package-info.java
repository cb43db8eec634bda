/**
 * The models and prices screen.
 *
 * <p>Null-marked: no value is null unless it is declared {@code @Nullable}.
 */
@NullMarked
package ru.rusoragentai.console.models.ui;

import org.jspecify.annotations.NullMarked;
