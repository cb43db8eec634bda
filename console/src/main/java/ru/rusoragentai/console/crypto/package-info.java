/**
 * Encryption of secrets and personal text at rest.
 *
 * <p>Null-marked: no value is null unless it is declared {@code @Nullable}.
 */
@NullMarked
package ru.rusoragentai.console.crypto;

import org.jspecify.annotations.NullMarked;
