package dev.hpo.junit;

import dev.hpo.Direction;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method as an objective: the hpo engine discovers it like a test and, for every trial, calls it with
 * parameters drawn from the ranges its parameters declare ({@link IntRange}, {@link FloatRange},
 * {@link LogFloat}, {@link Choice}; an enum or boolean parameter without annotation takes all its values; a record
 * whose components carry these annotations gets each component tuned under the component's name; a
 * {@link dev.hpo.Trial} parameter is injected for pruning and define-by-run suggestions). The method returns
 * its score as a {@code double}, {@code float}, {@code int} or {@code long} (or their boxes), or, with several
 * {@link #directions()}, its scores as a {@code double[]}. It may be static,
 * or an instance method of a class with a no-argument constructor; then every trial gets a fresh instance.
 *
 * <p>Under plain {@code mvn test} or in the IDE (configuration parameter {@code hpo.mode=smoke}, the default)
 * the objective runs once, at the best parameters known to the configured storage, or else at its first
 * {@link Enqueue} configuration, or else at the middle of its ranges. With {@code hpo.mode=study} (what
 * {@code mvn hpo:optimize} sets) it runs {@link #trials()} more trials of its study. The values here are the
 * objective's defaults; the configuration parameters {@code hpo.trials}, {@code hpo.timeout}, {@code hpo.sampler},
 * {@code hpo.pruner}, {@code hpo.seed}, {@code hpo.patience} and {@code hpo.terminator} override them.
 */
@Documented
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface Objective {

    /** The value of {@link #seed()} that means "no seed": the sampler draws a random one. */
    long NO_SEED = Long.MIN_VALUE;

    /** Whether lower or higher values are better. */
    Direction direction() default Direction.MINIMIZE;

    /**
     * The directions of a multi-objective study, one per value the method returns as a {@code double[]} (accuracy
     * against latency, say): the study keeps the Pareto front of its trials rather than one best trial, and
     * {@code hpo:optimize} writes the front's trial numbers ({@code <study>.pareto}). Empty for a single objective,
     * whose {@link #direction()} applies. Its gate is {@link #thresholds()}; it has no {@link #threshold()},
     * {@link #patience()}, {@link #terminator()} or pruning: each needs one value to compare.
     */
    Direction[] directions() default {};

    /**
     * How many more trials one study run adds to the study (Optuna's meaning of {@code n_trials}: a second run
     * with the same storage resumes and adds as many again): at least 1, or -1 for no limit, which needs a
     * {@link #timeout()}. A run of no trials is refused: it would pass the build without running anything.
     */
    int trials() default 100;

    /** Wall-clock budget of one study run in seconds, after which no new trial starts; 0 for none. */
    long timeout() default 0;

    /**
     * The score the best trial must reach (at least it when maximizing, at most it when minimizing) for
     * {@code hpo:optimize} to pass; {@code NaN} for no threshold. Stored with the study as the system attribute
     * {@code hpo.threshold}.
     */
    double threshold() default Double.NaN;

    /**
     * The gate of a multi-objective study, one value per {@link #directions()} entry ({@code NaN} where that value is
     * free): {@code hpo:optimize} passes when some completed trial reaches every one at once (accuracy at least 0.95
     * with a latency of at most 20 ms, say), whichever trial that is. Stored with the study as the system attribute
     * {@code hpo.threshold}, a list ({@code "none"} for a free value). A single objective uses {@link #threshold()}.
     */
    double[] thresholds() default {};

    /** The study's name; {@code SimpleClassName.method} when empty. */
    String name() default "";

    /**
     * What the returned value measures ({@code "accuracy"}, {@code "latency ms"}): the report's axes say it instead of
     * "objective value", and the study JSON lists it ({@code Study.setMetricNames}); none when empty. With several
     * {@link #directions()}, one name per value, separated by commas ({@code "accuracy, latency ms"}).
     */
    String metric() default "";

    /**
     * The sampler by name, as {@code dev.hpo.sampler.Samplers#byName} knows them, or the full name of a project's own
     * class that implements {@code dev.hpo.sampler.Sampler} (made with the seed when it has a {@code (long)}
     * constructor, else without arguments).
     */
    String sampler() default "auto";

    /**
     * The pruner by name, as {@code dev.hpo.pruner.Pruners#byName} knows them, or the full name of a project's own
     * class that implements {@code dev.hpo.pruner.Pruner} (made without arguments).
     */
    String pruner() default "default";

    /** Seeds the sampler, so that a study can be repeated; {@link #NO_SEED} for a random seed. */
    long seed() default NO_SEED;

    /**
     * Stops the study once this many trials have finished since its best value last improved
     * ({@code dev.hpo.NoImprovementCallback}); 0 to run every trial. {@link #trials()} stays the most a run adds.
     */
    int patience() default 0;

    /**
     * Stops the study once a Gaussian process's bound on the improvement still possible is below the error of the
     * objective's values ({@code dev.hpo.terminator.Terminator}, Optuna's Terminator): {@code "cv"} takes the error
     * from the cross-validation scores the objective reports for its trial with
     * {@code Terminator.reportCrossValidationScores(trial, scores)}; {@code "median"}, for objectives without folds,
     * stops once the bound is a hundredth of what it was over the first trials; {@code "emmr"} does the same with the
     * expected minimum model regret ({@code EmmrEvaluator}) as the bound; a number ({@code "0.002"}) is a
     * known, fixed error. Nothing is decided before 20 completed trials, and each judgement fits a Gaussian process,
     * so it is for objectives that cost more than that. Empty (or {@code "none"}) to run every trial.
     */
    String terminator() default "";
}
