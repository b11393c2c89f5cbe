package dev.hpo.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The range of an {@code int} or {@code long} parameter of an {@link Objective}: the values
 * {@code min, min + step, ..., max}, drawn log-uniformly when {@link #log()} is true (then {@code min >= 1} and
 * {@code step == 1}). Becomes {@code Trial.suggestInt}/{@code suggestLong} under the parameter's name.
 */
@Documented
@Target({ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface IntRange {

    long min();

    long max();

    long step() default 1;

    boolean log() default false;
}
