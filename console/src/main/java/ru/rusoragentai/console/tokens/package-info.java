/**
 * The token ledger, manual and bulk adjustments and their four-eyes approvals.
 *
 * <p>Null-marked: no value is null unless it is declared {@code @Nullable}.
 */
@NullMarked
package ru.rusoragentai.console.tokens;

import org.jspecify.annotations.NullMarked;
