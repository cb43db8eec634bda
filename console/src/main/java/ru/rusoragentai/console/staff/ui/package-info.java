/**
 * The staff and password screens.
 *
 * <p>Null-marked: no value is null unless it is declared {@code @Nullable}.
 */
@NullMarked
package ru.rusoragentai.console.staff.ui;

import org.jspecify.annotations.NullMarked;
