package dev.hpo.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The choices of a {@code String} parameter of an {@link Objective}, or a subset of an enum parameter's constants
 * by name. (An enum or boolean parameter without annotation takes all its values.) Becomes
 * {@code Trial.suggestCategorical}; the first choice is the one a smoke run uses.
 */
@Documented
@Target({ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface Choice {

    String[] value();
}
