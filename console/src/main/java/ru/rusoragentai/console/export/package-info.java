/**
 * Streaming writers every export uses: formula-safe cells, CSV and workbook writers, compressed files, digests.
 *
 * <p>Null-marked: no value is null unless it is declared {@code @Nullable}.
 */
@NullMarked
package ru.rusoragentai.console.export;

import org.jspecify.annotations.NullMarked;
