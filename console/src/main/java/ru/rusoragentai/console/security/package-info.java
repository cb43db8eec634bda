/**
 * Sign-in, roles, two-factor codes and the method-level guards.
 *
 * <p>Null-marked: no value is null unless it is declared {@code @Nullable}.
 */
@NullMarked
package ru.rusoragentai.console.security;

import org.jspecify.annotations.NullMarked;
