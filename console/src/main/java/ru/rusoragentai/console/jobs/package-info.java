/**
 * The cluster-safe scheduler every background job runs on.
 *
 * <p>Null-marked: no value is null unless it is declared {@code @Nullable}.
 */
@NullMarked
package ru.rusoragentai.console.jobs;

import org.jspecify.annotations.NullMarked;
