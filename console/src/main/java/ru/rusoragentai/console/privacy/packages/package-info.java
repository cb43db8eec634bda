/**
 * Access and portability packages: one pass over the subject's data into a workbook, JSON and CSV.
 *
 * <p>Null-marked: no value is null unless it is declared {@code @Nullable}.
 */
@NullMarked
package ru.rusoragentai.console.privacy.packages;

import org.jspecify.annotations.NullMarked;
