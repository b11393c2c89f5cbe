package dev.hpo.terminator;

import dev.hpo.Study;
import dev.hpo.Trial;
import dev.hpo.TrialState;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;

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

    /** Whether the study should stop: enough completed trials, and a bound on the improvement below the error. */
    public boolean shouldTerminate(Study study) {
        if (study.trials(EnumSet.of(TrialState.COMPLETE)).size() < minTrials) {
            return false;
        }
        return improvement.evaluate(study) < error.evaluate(study);
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
