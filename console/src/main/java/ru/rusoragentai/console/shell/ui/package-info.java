/**
 * The main layout, the dashboard and the not-allowed page.
 *
 * <p>Null-marked: no value is null unless it is declared {@code @Nullable}.
 */
@NullMarked
package ru.rusoragentai.console.shell.ui;

import org.jspecify.annotations.NullMarked;
