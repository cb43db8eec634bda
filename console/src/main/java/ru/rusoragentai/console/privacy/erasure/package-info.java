/**
 * Erasure: prepared by one officer, approved by another, run step by step and proved by a residual scan.
 *
 * <p>Null-marked: no value is null unless it is declared {@code @Nullable}.
 */
@NullMarked
package ru.rusoragentai.console.privacy.erasure;

import org.jspecify.annotations.NullMarked;
