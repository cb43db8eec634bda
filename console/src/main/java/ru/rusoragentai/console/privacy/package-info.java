/**
 * Data-subject requests: intake, deadlines, the workflow and the worker that runs their background work.
 *
 * <p>Null-marked: no value is null unless it is declared {@code @Nullable}.
 */
@NullMarked
package ru.rusoragentai.console.privacy;

import org.jspecify.annotations.NullMarked;
