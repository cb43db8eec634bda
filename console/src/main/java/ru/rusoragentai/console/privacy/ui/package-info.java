/**
 * The privacy desk screens.
 *
 * <p>Null-marked: no value is null unless it is declared {@code @Nullable}.
 */
@NullMarked
package ru.rusoragentai.console.privacy.ui;

import org.jspecify.annotations.NullMarked;
