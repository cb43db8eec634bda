/**
 * Retention: the schedules that remove usage, sessions and conversations past their time.
 *
 * <p>Null-marked: no value is null unless it is declared {@code @Nullable}.
 */
@NullMarked
package ru.rusoragentai.console.retention;

import org.jspecify.annotations.NullMarked;
