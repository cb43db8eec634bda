/**
 * Staff accounts, their preferences and passwords.
 *
 * <p>Null-marked: no value is null unless it is declared {@code @Nullable}.
 */
@NullMarked
package ru.rusoragentai.console.staff;

import org.jspecify.annotations.NullMarked;
