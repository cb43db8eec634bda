/**
 * The shared view kit: badges, charts, dialogs, formatting. Depends on no capability.
 *
 * <p>Null-marked: no value is null unless it is declared {@code @Nullable}.
 */
@NullMarked
package ru.rusoragentai.console.kit;

import org.jspecify.annotations.NullMarked;
