/**
 * The user search and user page screens.
 *
 * <p>Null-marked: no value is null unless it is declared {@code @Nullable}.
 */
@NullMarked
package ru.rusoragentai.console.users.ui;

import org.jspecify.annotations.NullMarked;
