package dev.hpo.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A log-uniform range {@code [min, max]} (with {@code min > 0}) for a {@code double} or {@code float}
 * parameter of an {@link Objective}: the usual scale for learning rates and regularization strengths.
 */
@Documented
@Target({ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface LogFloat {

    double min();

    double max();
}
