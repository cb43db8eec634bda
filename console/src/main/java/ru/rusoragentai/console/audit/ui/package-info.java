/**
 * The audit trail screen.
 *
 * <p>Null-marked: no value is null unless it is declared {@code @Nullable}.
 */
@NullMarked
package ru.rusoragentai.console.audit.ui;

import org.jspecify.annotations.NullMarked;
