package dev.hpo.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A configuration an {@link Objective}'s study evaluates before its sampler proposes any: Optuna's
 * {@code enqueue_trial}, for the settings in use today or a known good point: the study starts from them, and its
 * report and log show every later trial beside them. Repeat the annotation for several; they run first, in order.
 *
 * <p>The value lists parameters as the trials' names in the log show them, {@code "trees=120, rate=0.0123,
 * kernel=rbf"}: a tuned parameter's name, {@code =}, and a value of its range (a number, or one of the choices; a
 * value with a comma in it goes in single quotes, as in Jupiter's {@code @CsvSource}). Parameters left out are drawn
 * by the sampler. A parameter the objective suggests itself through an injected {@link dev.hpo.Trial} may be named
 * too; its value is read as a number when it is one, {@code true}/{@code false} as a boolean, and as text otherwise.
 *
 * <p>A configuration the study already holds (enqueued before, or evaluated with exactly these values) is not added
 * again, so a study resumed by every build evaluates it once. In a smoke run without a study to take the best
 * parameters from, the first configuration is the one the objective runs at (the middle of the ranges fills in the
 * rest). A name that is not a parameter, or a value outside its range, makes the objective fail at discovery, saying
 * which.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Repeatable(Enqueues.class)
public @interface Enqueue {

    /** The parameters and their values, {@code "name=value, name=value"}. */
    String value();
}
