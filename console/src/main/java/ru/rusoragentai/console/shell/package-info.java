/**
 * The frame every screen lives in and the dashboard.
 *
 * <p>Null-marked: no value is null unless it is declared {@code @Nullable}.
 */
@NullMarked
package ru.rusoragentai.console.shell;

import org.jspecify.annotations.NullMarked;
