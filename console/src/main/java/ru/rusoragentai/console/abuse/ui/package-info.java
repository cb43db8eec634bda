/**
 * The abuse queue, case and rules screens.
 *
 * <p>Null-marked: no value is null unless it is declared {@code @Nullable}.
 */
@NullMarked
package ru.rusoragentai.console.abuse.ui;

import org.jspecify.annotations.NullMarked;
