/**
 * Provider cost reconciliation against the usage the console recorded.
 *
 * <p>Null-marked: no value is null unless it is declared {@code @Nullable}.
 */
@NullMarked
package ru.rusoragentai.console.reconciliation;

import org.jspecify.annotations.NullMarked;
