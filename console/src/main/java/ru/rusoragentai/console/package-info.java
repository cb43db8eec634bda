/**
 * The operations console of RusorAgentAI: one Spring Boot application whose sub-packages are its capabilities.
 *
 * <p>Null-marked: no value is null unless it is declared {@code @Nullable}.
 */
@NullMarked
package ru.rusoragentai.console;

import org.jspecify.annotations.NullMarked;
