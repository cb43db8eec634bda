/**
 * The append-only trail of staff actions, with sealed details.
 *
 * <p>Null-marked: no value is null unless it is declared {@code @Nullable}.
 */
@NullMarked
package ru.rusoragentai.console.audit;

import org.jspecify.annotations.NullMarked;
