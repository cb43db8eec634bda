/**
 * Usage events: partitions and the daily roll-up.
 *
 * <p>Null-marked: no value is null unless it is declared {@code @Nullable}.
 */
@NullMarked
package ru.rusoragentai.console.usage;

import org.jspecify.annotations.NullMarked;
