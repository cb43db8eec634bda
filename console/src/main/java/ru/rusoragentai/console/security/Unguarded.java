package ru.rusoragentai.console.security;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A public service method (or every public method of a service) that checks no role, on purpose, with the reason:
 * it is for the system (scheduled jobs, start-up, the platform's signed webhook intake, the sign-in itself), a
 * primitive other services call inside their own checked methods, or it reveals nothing (the date on the console's
 * clock). The architecture test fails on a public service method with neither a role check nor this mark, so an
 * unguarded method is a decision written down next to it, never an accident.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Unguarded {

    /** Who calls it, and why it needs no role. */
    String value();
}
