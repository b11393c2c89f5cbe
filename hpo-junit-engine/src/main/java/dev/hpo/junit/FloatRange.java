package dev.hpo.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The range of a {@code double} or {@code float} parameter of an {@link Objective}: uniform on
 * {@code [min, max]}, or on the grid {@code min, min + step, ..., max} when {@link #step()} is positive. For a
 * log scale use {@link LogFloat}. Becomes {@code Trial.suggestFloat} under the parameter's name.
 */
@Documented
@Target({ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface FloatRange {

    double min();

    double max();

    /** The grid spacing; 0 for a continuous range. */
    double step() default 0;
}
