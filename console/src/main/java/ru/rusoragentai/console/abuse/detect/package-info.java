/**
 * The detectors, one class per rule behind one interface, and the signals they read.
 *
 * <p>Null-marked: no value is null unless it is declared {@code @Nullable}.
 */
@NullMarked
package ru.rusoragentai.console.abuse.detect;

import org.jspecify.annotations.NullMarked;
