/**
 * Payment channels: webhook intake, crediting purchases, refunds and chargebacks.
 *
 * <p>Null-marked: no value is null unless it is declared {@code @Nullable}.
 */
@NullMarked
package ru.rusoragentai.console.payments;

import org.jspecify.annotations.NullMarked;
