/**
 * Platform users: search, the user page and what other capabilities contribute to it.
 *
 * <p>Null-marked: no value is null unless it is declared {@code @Nullable}.
 */
@NullMarked
package ru.rusoragentai.console.users;

import org.jspecify.annotations.NullMarked;
