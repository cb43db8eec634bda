/**
 * The demo data generator for the README run, switched on in one place.
 *
 * <p>Null-marked: no value is null unless it is declared {@code @Nullable}.
 */
@NullMarked
package ru.rusoragentai.console.demo;

import org.jspecify.annotations.NullMarked;
