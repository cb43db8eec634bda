/**
 * The approvals screen and the ledger and adjustment sections of the user page.
 *
 * <p>Null-marked: no value is null unless it is declared {@code @Nullable}.
 */
@NullMarked
package ru.rusoragentai.console.tokens.ui;

import org.jspecify.annotations.NullMarked;
