/**
 * Data source, jOOQ settings and Flyway migrations of the console schema.
 *
 * <p>Null-marked: no value is null unless it is declared {@code @Nullable}.
 */
@NullMarked
package ru.rusoragentai.console.database;

import org.jspecify.annotations.NullMarked;
