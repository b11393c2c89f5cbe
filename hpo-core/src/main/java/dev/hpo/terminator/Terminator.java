package dev.hpo.terminator;

import dev.hpo.Study;
import dev.hpo.Trial;
import dev.hpo.TrialState;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides when a study has found what it can (Optuna's {@code Terminator}): once the improvement still possible,
 * bounded by an {@link ImprovementEvaluator}, is smaller than the error of the values themselves, from an
 * {@link ErrorEvaluator}, more trials would chase noise. By default the bound is a {@link RegretBoundEvaluator}'s and
 * the error a {@link CrossValidationErrorEvaluator}'s, and nothing is decided before {@value #DEFAULT_MIN_TRIALS}
 * completed trials. {@link TerminatorCallback} stops a study with it.
 */
public final class Terminator {

    /** Trial system attribute with the cross-validation scores, Optuna's key. */
    public static final String CV_SCORES_ATTR = "terminator:cv_scores";
    /** Completed trials before the terminator decides anything. */
    public static final int DEFAULT_MIN_TRIALS = 20;

    private final ImprovementEvaluator improvement;
    private final ErrorEvaluator error;
    private final int minTrials;

    /** The regret bound against the cross-validation error, after 20 completed trials. */
    public Terminator() {
        this(new RegretBoundEvaluator(), new CrossValidationErrorEvaluator(), DEFAULT_MIN_TRIALS);
    }

    public Terminator(ImprovementEvaluator improvement, ErrorEvaluator error, int minTrials) {
        if (minTrials < 2) {
            throw new IllegalArgumentException("minTrials must be at least 2, got " + minTrials);
        }
        this.improvement = Objects.requireNonNull(improvement, "the Terminator needs an improvement evaluator");
        this.error = Objects.requireNonNull(error, "the Terminator needs an error evaluator");
        this.minTrials = minTrials;
    }

    /**
     * Stops a study once {@code maxStagnationTrials} completed trials in a row have not improved its best value, and
     * not before {@value #DEFAULT_MIN_TRIALS} completed trials: Optuna's {@code BestValueStagnationEvaluator} with
     * its default error of 0.
     */
    public static Terminator onStagnation(int maxStagnationTrials) {
        return new Terminator(new BestValueStagnationEvaluator(maxStagnationTrials), new StaticErrorEvaluator(0),
                DEFAULT_MIN_TRIALS);
    }

    /**
     * A terminator by name, for settings given as text ({@code @Objective(terminator)}, {@code hpo.terminator}):
     * {@code cv} for the default (the error from the best trial's cross-validation scores), {@code median} for
     * objectives without either ({@link MedianErrorEvaluator}: a hundredth of how much the study could improve early
     * on), {@code emmr} for the same with {@link EmmrEvaluator} as both bound and error (Optuna's pairing), or a
     * number of at least 0 for a fixed error ({@link StaticErrorEvaluator}), the noise the user knows the
     * values to have.
     *
     * @throws IllegalArgumentException naming the text and what is accepted
     */
    public static Terminator byName(String name) {
        String text = name.strip();
        if (text.equalsIgnoreCase("cv")) {
            return new Terminator();
        }
        if (text.equalsIgnoreCase("median")) {
            return new Terminator(new RegretBoundEvaluator(), new MedianErrorEvaluator(new RegretBoundEvaluator()),
                    DEFAULT_MIN_TRIALS);
        }
        if (text.equalsIgnoreCase("emmr")) {
            return new Terminator(new EmmrEvaluator(), new MedianErrorEvaluator(new EmmrEvaluator()),
                    DEFAULT_MIN_TRIALS);
        }
        double error;
        try {
            error = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            error = Double.NaN;
        }
        if (!(error >= 0) || Double.isInfinite(error)) {
            throw new IllegalArgumentException("unknown terminator '" + name + "': use 'cv' (the error of the best"
                    + " trial's cross-validation scores, reported with Terminator.reportCrossValidationScores),"
                    + " 'median' (a hundredth of the early regret bounds, for objectives without either), 'emmr'"
                    + " (the same with the expected minimum model regret, EmmrEvaluator) or the"
                    + " objective's known error as a number of at least 0, e.g. '0.001'");
        }
        return new Terminator(new RegretBoundEvaluator(), new StaticErrorEvaluator(error), DEFAULT_MIN_TRIALS);
    }

    /**
     * One judgement of a study: the bound on the improvement still possible and the error of its values.
     *
     * @param completeTrials the completed trials it was made on
     */
    public record Evaluation(int completeTrials, double improvement, double error) {

        /** More trials would chase noise: the improvement still possible is below the error. */
        public boolean shouldTerminate() {
            return improvement < error;
        }

        /** Why a study stopped, for a log line: {@code the improvement still possible (≤ 0.0012) is below ...}. */
        public String reason() {
            return String.format(Locale.ROOT, "after %d completed trials the improvement still possible (at most %.4g)"
                    + " is below the error of the values (%.4g)", completeTrials, improvement, error);
        }
    }

    /** Whether the error comes from the trials' cross-validation scores, which the objective must then report. */
    public boolean usesCrossValidation() {
        return error instanceof CrossValidationErrorEvaluator;
    }

    /** The bound and the error, once the study has enough completed trials; empty before. */
    public Optional<Evaluation> evaluate(Study study) {
        int complete = study.trials(EnumSet.of(TrialState.COMPLETE)).size();
        if (complete < minTrials) {
            return Optional.empty();
        }
        return Optional.of(new Evaluation(complete, improvement.evaluate(study), error.evaluate(study)));
    }

    /** Whether the study should stop: enough completed trials, and a bound on the improvement below the error. */
    public boolean shouldTerminate(Study study) {
        return evaluate(study).map(Evaluation::shouldTerminate).orElse(false);
    }

    /**
     * Stores the fold scores of a trial's cross-validation, which {@link CrossValidationErrorEvaluator} reads
     * (Optuna's {@code report_cross_validation_scores}); at least two.
     */
    public static void reportCrossValidationScores(Trial trial, double... scores) {
        if (scores.length < 2) {
            throw new IllegalArgumentException("cross-validation needs at least two fold scores, got "
                    + scores.length);
        }
        List<Double> list = new ArrayList<>(scores.length);
        for (double s : scores) {
            if (!Double.isFinite(s)) {
                throw new IllegalArgumentException("a cross-validation score must be finite, got " + s);
            }
            list.add(s);
        }
        trial.setSystemAttr(CV_SCORES_ATTR, list);
    }
}
