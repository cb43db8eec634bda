/**
 * Translations (English and Russian bundles) and texts kept as a key with arguments.
 *
 * <p>Null-marked: no value is null unless it is declared {@code @Nullable}.
 */
@NullMarked
package ru.rusoragentai.console.i18n;

import org.jspecify.annotations.NullMarked;
