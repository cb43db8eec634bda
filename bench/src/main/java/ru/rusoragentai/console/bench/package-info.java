/**
 * Benchmark harnesses that print figures (run through bench/*.sh, never part of the console jar).
 *
 * <p>Null-marked: no value is null unless it is declared {@code @Nullable}.
 */
@NullMarked
package ru.rusoragentai.console.bench;

import org.jspecify.annotations.NullMarked;
