/**
 * PF4J plugins behind one gateway: loading, trust, settings, health and guarded calls.
 *
 * <p>Null-marked: no value is null unless it is declared {@code @Nullable}.
 */
@NullMarked
package ru.rusoragentai.console.plugins;

import org.jspecify.annotations.NullMarked;
