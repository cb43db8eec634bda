/**
 * Abuse monitoring: rules, evaluation runs, flags, risk scores, cases and the measures staff take.
 *
 * <p>Null-marked: no value is null unless it is declared {@code @Nullable}.
 */
@NullMarked
package ru.rusoragentai.console.abuse;

import org.jspecify.annotations.NullMarked;
