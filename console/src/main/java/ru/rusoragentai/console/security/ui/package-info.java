/**
 * The sign-in page.
 *
 * <p>Null-marked: no value is null unless it is declared {@code @Nullable}.
 */
@NullMarked
package ru.rusoragentai.console.security.ui;

import org.jspecify.annotations.NullMarked;
