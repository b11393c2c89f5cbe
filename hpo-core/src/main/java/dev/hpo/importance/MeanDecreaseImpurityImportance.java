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
 * The trials and the forest are {@link FanovaImportance}'s, and so is its departure from Optuna where nothing can be
 * told apart: when one trial or a constant target leaves every score at 0, the varying parameters share equally and
 * single-valued ones stay at 0, where Optuna shares 1 among all parameters, fixed ones included.
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
        ImportanceInput input = ImportanceInput.of(study, params, target);
        if (input.varying().isEmpty() || input.trials().size() < 2) {
            return input.result(new double[input.varying().size()]);
        }
        double[] decrease = forest.fit(input).impurityDecrease();
        double[] scores = new double[decrease.length];
        for (int f = 0; f < scores.length; f++) {
            scores[f] = Math.max(0, decrease[f]);
        }
        return input.result(scores);
    }

    @Override
    public String toString() {
        return forest.toString();
    }
}
