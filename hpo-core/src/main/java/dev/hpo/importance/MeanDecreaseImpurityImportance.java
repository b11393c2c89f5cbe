package dev.hpo.importance;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * Mean decrease in impurity: fits the same random forest as {@link FanovaImportance} and credits each
 * parameter with the reduction of squared error its splits achieve. As in Optuna's
 * {@code MeanDecreaseImpurityImportanceEvaluator} (scikit-learn's {@code feature_importances_}), each tree's
 * reductions are scaled to sum to 1 and then averaged over the trees, so that every tree has one vote; the result is
 * scaled to sum to 1. Cheaper than fANOVA; it favours parameters with many distinct values. A categorical parameter
 * is one nominal feature whose splits send one category left, the same splits as Optuna's one column per category.
 * The trials and the forest are {@link FanovaImportance}'s. Where nothing can be told apart (one usable trial, a
 * constant target) the raw importances are 0 and every parameter, single-valued ones included, gets an equal share,
 * as in Optuna.
 */
public final class MeanDecreaseImpurityImportance implements ImportanceEvaluator {

    private final ForestSettings forest;

    /** 64 trees of depth at most 64, seeded. */
    public MeanDecreaseImpurityImportance(long seed) {
        this(64, 64, seed);
    }

    public MeanDecreaseImpurityImportance(int trees, int maxDepth, long seed) {
        this.forest = new ForestSettings("mean decrease impurity", trees, maxDepth, seed);
    }

    @Override
    public Map<String, Double> evaluate(Study study, List<String> params, ToDoubleFunction<FrozenTrial> target) {
        return Importances.normalized(evaluateRaw(study, params, target));
    }

    /**
     * Optuna's raw importances, scikit-learn's {@code feature_importances_}: the trees' decreases averaged and scaled
     * to sum to 1, so the same as {@link #evaluate} except that they are all 0 when nothing splits (fewer than two
     * usable trials, a constant target).
     */
    @Override
    public Map<String, Double> evaluateRaw(Study study, List<String> params, ToDoubleFunction<FrozenTrial> target) {
        ImportanceInput input = ImportanceInput.of(study, params, target);
        if (input.varying().isEmpty() || input.trials().size() < 2) {
            return input.raw(null);
        }
        double[] decrease = forest.fit(input).impurityDecrease();
        double[] scores = new double[decrease.length];
        double sum = 0;
        for (int f = 0; f < scores.length; f++) {
            scores[f] = Math.max(0, decrease[f]);
            sum += scores[f];
        }
        for (int f = 0; f < scores.length && sum > 0; f++) {
            scores[f] /= sum;
        }
        return input.raw(scores);
    }

    @Override
    public String toString() {
        return forest.toString();
    }
}
