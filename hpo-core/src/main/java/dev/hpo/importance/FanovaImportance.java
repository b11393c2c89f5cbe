package dev.hpo.importance;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * fANOVA (Hutter et al. 2014): fits a random forest to the completed trials and measures, per tree, which
 * fraction of the surrogate's variance over the whole search space each parameter's main effect explains;
 * the importance is the mean fraction over the trees whose variance is not 0, scaled to sum to 1. The trials, the
 * forest and the computation are Optuna's {@code FanovaImportanceEvaluator}'s: the intersection search space (or the
 * given parameters), COMPLETE trials with a finite target; 64 trees of depth up to 64 on bootstrap samples, every
 * feature tried at every split (in a random order, so that a tie favours no name), leaves down to one trial;
 * single-valued parameters left out of the forest at 0.
 *
 * <p>Where hpo departs from Optuna 5.0, on purpose (results/importance-vs-optuna.md in hpo-bench has the numbers):
 * <ul>
 * <li>The measure each parameter is integrated over is the one it is sampled from. Optuna integrates raw values
 * uniformly, so a log-scaled parameter such as a learning rate in [1e-5, 1e-1] is judged almost only by its top decade
 * (nine tenths of the range, a quarter of the trials); on the log study of {@code fanova_oracle.py} Optuna credits a
 * nearly irrelevant float with 0.09, hpo with 0.01. hpo integrates a log parameter uniformly in log space, gives each
 * value of an integer or stepped parameter the same weight (the range widened by half a step, where Optuna gives the
 * two end values half a cell), and each choice of a categorical the weight 1/k. Optuna one-hot encodes a categorical
 * and integrates over the unit cube of its k columns, most of whose points (no choice, several) are no configuration at
 * all. The forest itself does not change: it splits a categorical one choice against the rest, as a tree on Optuna's
 * one-hot columns does, and monotone rescaling does not change which trials a split separates. Given the same
 * coordinates, Optuna's own {@code _Fanova} agrees with this class (ForestImportanceOracleTest).</li>
 * <li>A constant target (every tree without variance) gives raw importances of 0, so equal shares once
 * normalized, as with one usable trial, where Optuna raises "Encountered zero total variance in all trees": a report
 * of a study whose objective never moved should say that no parameter stands out, not fail.</li>
 * </ul>
 * Elsewhere it answers as Optuna (ForestEdgeCasesOracleTest): an empty map without completed trials, raw importances
 * of 0 and equal shares for every parameter, single-valued ones included, with fewer than two usable trials.
 * The answer is global: it says what matters anywhere in the space, which is only as good as the forest — prefer it
 * for studies that explored broadly (random or QMC trials).
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
        return Importances.normalized(evaluateRaw(study, params, target));
    }

    /**
     * Optuna's raw fANOVA importances: each parameter's mean fraction of a tree's variance explained by its main
     * effect, over the trees whose variance is not 0; they sum to at most 1, the rest being interactions. All 0 when
     * fewer than two trials are usable or the target is constant.
     */
    @Override
    public Map<String, Double> evaluateRaw(Study study, List<String> params, ToDoubleFunction<FrozenTrial> target) {
        ImportanceInput input = ImportanceInput.of(study, params, target);
        int p = input.varying().size();
        if (p == 0 || input.trials().size() < 2) {
            return input.raw(null);
        }
        double[] scores = new double[p];
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
        return input.raw(scores);
    }

    @Override
    public String toString() {
        return forest.toString();
    }
}
