package dev.hpo.importance;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * fANOVA (Hutter et al. 2014): fits a random forest to the completed trials and measures, per tree, which
 * fraction of the surrogate's variance over the whole search space each parameter's main effect explains;
 * the importance is the mean fraction over the trees, scaled to sum to 1. Like Optuna's
 * {@code FanovaImportanceEvaluator}: 64 trees, depth up to 64, leaves down to one trial.
 *
 * <p>Unlike Optuna, which integrates in the raw parameter values, a log-scaled parameter is integrated
 * uniformly in log space (how it is sampled), and an integer or stepped parameter gives each grid value the
 * same weight. The answer is global: it says what matters anywhere in the space, which is only as good as the
 * forest — prefer it for studies that explored broadly (random or QMC trials).
 */
public final class FanovaImportance implements ImportanceEvaluator {

    private final ForestSettings forest;

    /** 64 trees of depth at most 64, seeded. */
    public FanovaImportance(long seed) {
        this(64, 64, seed);
    }

    public FanovaImportance(int trees, int maxDepth, long seed) {
        this.forest = new ForestSettings("fANOVA", trees, maxDepth, seed);
    }

    @Override
    public Map<String, Double> evaluate(Study study, List<String> params, ToDoubleFunction<FrozenTrial> target) {
        ImportanceInput input = ImportanceInput.of(study, params, target);
        int p = input.varying().size();
        double[] scores = new double[p];
        if (p == 0 || input.trials().size() < 2) {
            return input.result(scores);
        }
        ForestSurrogate surrogate = forest.fit(input);
        FeatureDomain[] domains = surrogate.domains();
        int informative = 0;
        for (PartitionNode tree : surrogate.partitions()) {
            double[] fractions = FunctionalAnova.varianceFractions(tree, domains);
            if (fractions == null) {
                continue;
            }
            informative++;
            for (int f = 0; f < p; f++) {
                scores[f] += fractions[f];
            }
        }
        if (informative > 0) {
            for (int f = 0; f < p; f++) {
                scores[f] /= informative;
            }
        }
        return input.result(scores);
    }

    @Override
    public String toString() {
        return forest.toString();
    }
}
