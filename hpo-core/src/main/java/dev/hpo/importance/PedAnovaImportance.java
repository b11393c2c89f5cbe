package dev.hpo.importance;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialState;
import dev.hpo.sampler.tpe.NondominatedSplit;
import dev.hpo.space.Distribution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * PED-ANOVA (Watanabe, Bansal and Hutter, "PED-ANOVA: Efficiently Quantifying Hyperparameter Importance in
 * Arbitrary Subspaces", IJCAI 2023) with conditional parameters handled as condPED-ANOVA does ("Conditional
 * PED-ANOVA: Hyperparameter Importance in Hierarchical &amp; Dynamic Search Spaces", KDD 2026): a parameter matters as
 * much as the distribution of its values among the top trials differs from its distribution in the region the
 * question is asked in. It needs no surrogate model, so it is fast on any number of trials, and it is the default of
 * {@link Importances}, as in Optuna 5.
 *
 * <p>It computes what Optuna 5.0's {@code PedAnovaImportanceEvaluator} computes, number for number
 * ({@code PedAnovaOracleTest} pins Optuna's own figures):
 * <ul>
 *   <li>The <em>region</em> is the best {@code regionQuantile} (γ) of the trials, the <em>target</em> the best
 *       {@code targetQuantile} (γ′ &lt; γ): with one objective or a custom target, the trials whose loss is at most
 *       the inverted-CDF quantile (the {@code ceil(q · n)}-th smallest loss, so trials tied with it are in too);
 *       with several objectives and no target, {@code ceil(q · n)} trials by non-domination rank, the last rank
 *       thinned by hypervolume subset selection, as multi-objective TPE chooses ({@link NondominatedSplit}).</li>
 *   <li>Each parameter's region trials are split into regimes, one per distribution the parameter has in them
 *       (a parameter a trial lacks is inactive there and scores nothing); a regime with fewer than 2 trials is left
 *       out. With {@code α_i} and {@code β_i} the shares of the target and of the region trials in regime i, the
 *       parameter scores {@code (γ′/γ)² Σ_i α_i² / β_i · D_i}, where {@code D_i} is the Pearson divergence
 *       {@code Σ_x p_local(x) · (p_γ′(x) / p_local(x) − 1)²} between the density of the regime's target trials and
 *       that of its region trials (or, with {@code evaluateOnLocal} false, the uniform distribution over the range),
 *       both {@link ScottParzenEstimator}s on a {@link ParamGrid}. These are the raw scores
 *       ({@link #evaluateRaw}); {@link #evaluate} scales them to sum to 1.</li>
 *   <li>Without {@code params}, every parameter of a completed trial is assessed, conditional ones included (the
 *       other evaluators take the intersection search space). Trials whose target (or any objective) is not finite
 *       are left out. A custom target is read as lower-is-better.</li>
 * </ul>
 *
 * <p>Its edge cases are Optuna's too ({@code PedAnovaOracleTest} reads Optuna's answers from a fixture): with fewer
 * than two trials with a finite target (none, one, every value infinite) the raw scores are all 0 and, normalized,
 * every assessed parameter gets an equal share, a single-valued one too; so when every trial ties (the top is the
 * whole region); no completed trial gives an empty map; a parameter asked for that no completed trial has is refused,
 * naming it and the parameters there are. Optuna's warnings at evaluation (a target read as lower-is-better, target
 * and region selecting the same trials, a regime too small) are not logged: they describe what this page states. Up
 * to Optuna 4 the top trials were a {@code baseline_quantile} (at least two trials) of all trials and conditional
 * parameters were left out; hpo did so too until it followed Optuna 5, whose {@code target_quantile} replaces that
 * option.
 */
public final class PedAnovaImportance implements ImportanceEvaluator {

    private static final System.Logger LOG = System.getLogger(PedAnovaImportance.class.getName());
    private static final int STEPS = 50;
    private static final int MIN_TRIALS_IN_REGIME = 2;
    private static final double PRIOR_WEIGHT = 1.0;
    private static final double EPS = 1e-12;

    private final double targetQuantile;
    private final double regionQuantile;
    private final boolean evaluateOnLocal;

    /** Optuna's defaults: what it takes to reach the top 10% of all the trials of the study. */
    public PedAnovaImportance() {
        this(builder());
    }

    private PedAnovaImportance(Builder b) {
        if (!(b.targetQuantile < b.regionQuantile)) {
            throw new IllegalArgumentException("targetQuantile " + b.targetQuantile + " must be below regionQuantile "
                    + b.regionQuantile + ": the top trials are the best part of the region");
        }
        if (b.regionQuantile != 1.0 && !b.evaluateOnLocal) {
            LOG.log(System.Logger.Level.WARNING, "PED-ANOVA: with evaluateOnLocal false the reference is the uniform"
                    + " distribution over the search space, so regionQuantile {0} only weighs the regimes of"
                    + " conditional parameters", b.regionQuantile);
        }
        this.targetQuantile = b.targetQuantile;
        this.regionQuantile = b.regionQuantile;
        this.evaluateOnLocal = b.evaluateOnLocal;
    }

    /** Options named as Optuna 5's ({@code target_quantile}, {@code region_quantile}, {@code evaluate_on_local}). */
    public static Builder builder() {
        return new Builder();
    }

    /** γ′: the share of the best trials whose parameters are explained. */
    public double targetQuantile() {
        return targetQuantile;
    }

    /** γ: the share of the best trials that make the region the importance is measured in. */
    public double regionQuantile() {
        return regionQuantile;
    }

    /** Whether the reference is the region's trials (true) or the uniform distribution over the range (false). */
    public boolean evaluateOnLocal() {
        return evaluateOnLocal;
    }

    @Override
    public Map<String, Double> evaluate(Study study, List<String> params, ToDoubleFunction<FrozenTrial> target) {
        return Importances.normalized(evaluateRaw(study, params, target));
    }

    /**
     * Optuna's raw PED-ANOVA scores, {@code (γ′/γ)² Σ_i α_i² / β_i · D_i} per parameter: 0 for a parameter that
     * never varies or has no top trial in a regime of 2 trials or more, and 0 for every parameter when fewer than two
     * trials have a finite target. Their scale is the divergence's, so the sum is not 1.
     */
    @Override
    public Map<String, Double> evaluateRaw(Study study, List<String> params, ToDoubleFunction<FrozenTrial> target) {
        List<FrozenTrial> complete = study.trials(EnumSet.of(TrialState.COMPLETE));
        List<String> names = new ArrayList<>(assessed(study, complete, params));
        double[] scores = new double[names.size()];
        Losses losses = Losses.of(study, complete, target);
        if (losses.trials.size() < 2 || names.isEmpty()) {
            return Importances.ranked(names, scores);  // too few trials: all 0, equal shares once normalized
        }
        List<FrozenTrial> top = losses.best(targetQuantile);
        List<FrozenTrial> region = losses.best(regionQuantile);
        Set<Integer> topNumbers = new HashSet<>();
        top.forEach(t -> topNumbers.add(t.number()));
        double ratio = (double) top.size() / region.size();  // γ′ / γ
        for (int f = 0; f < scores.length; f++) {
            scores[f] = ratio * ratio * regimeDivergence(names.get(f), top.size(), topNumbers, region);
        }
        return Importances.ranked(names, scores);
    }

    /** The parameters asked for (each must be in a completed trial), or those of every completed trial. */
    private static Set<String> assessed(Study study, List<FrozenTrial> complete, List<String> params) {
        Set<String> all = new TreeSet<>();
        complete.forEach(t -> all.addAll(t.distributions().keySet()));
        if (params == null) {
            return all;
        }
        List<String> missing = params.stream().filter(p -> !all.contains(p)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no completed trial of study " + study.name() + " has parameter"
                    + (missing.size() == 1 ? " '" + missing.get(0) + "'" : "s " + missing)
                    + "; name parameters of the completed trials " + all);
        }
        return new LinkedHashSet<>(params);
    }

    /**
     * {@code Σ_i α_i² / β_i · D_i} over the regimes of a parameter among the region trials (condPED-ANOVA, Theorem
     * 4.2): one regime per distribution, inactive trials and regimes under {@link #MIN_TRIALS_IN_REGIME} trials out.
     */
    private double regimeDivergence(String param, int nTop, Set<Integer> topNumbers, List<FrozenTrial> region) {
        Map<Distribution, List<FrozenTrial>> regimes = new LinkedHashMap<>();
        for (FrozenTrial t : region) {
            Distribution d = t.distributions().get(param);
            if (d != null) {
                regimes.computeIfAbsent(d, k -> new ArrayList<>()).add(t);
            }
        }
        double score = 0;
        for (Map.Entry<Distribution, List<FrozenTrial>> regime : regimes.entrySet()) {
            List<FrozenTrial> regionTrials = regime.getValue();
            if (regionTrials.size() < MIN_TRIALS_IN_REGIME || regime.getKey().isSingle()) {
                continue;
            }
            List<FrozenTrial> topTrials = regionTrials.stream().filter(t -> topNumbers.contains(t.number())).toList();
            if (topTrials.isEmpty()) {
                continue;
            }
            double alpha = (double) topTrials.size() / nTop;
            double beta = (double) regionTrials.size() / region.size();
            score += alpha * alpha / beta * divergence(param, regime.getKey(), topTrials, regionTrials);
        }
        return score;
    }

    /** D: the Pearson divergence of the top trials' density from the reference density on the parameter's grid. */
    private double divergence(String param, Distribution d, List<FrozenTrial> top, List<FrozenTrial> region) {
        ParamGrid grid = ParamGrid.of(d, STEPS);
        double[] pTop = density(grid, param, top);
        double[] pLocal;
        if (evaluateOnLocal) {
            pLocal = density(grid, param, region);
        } else {  // nowhere 0, so as Optuna without the offset
            pLocal = new double[grid.size()];
            Arrays.fill(pLocal, 1.0 / grid.size());
        }
        double sum = 0;
        for (int k = 0; k < pTop.length; k++) {
            double ratio = pTop[k] / pLocal[k] - 1;
            sum += pLocal[k] * (ratio * ratio);
        }
        return sum;
    }

    /** The Parzen density of the trials on the grid, kept away from 0. */
    private static double[] density(ParamGrid grid, String param, List<FrozenTrial> trials) {
        double[] p = ScottParzenEstimator.fit(grid.counts(param, trials), grid.categorical(), true, PRIOR_WEIGHT).pdf();
        for (int k = 0; k < p.length; k++) {
            p[k] += EPS;
        }
        return p;
    }

    @Override
    public String toString() {
        return "PED-ANOVA(targetQuantile=" + targetQuantile + ", regionQuantile=" + regionQuantile
                + ", evaluateOnLocal=" + evaluateOnLocal + ")";
    }

    /**
     * The trials with a finite target and what ranks them: a loss per trial (lower is better), or with several
     * objectives and no target a row of losses (each objective turned to be minimized).
     */
    private record Losses(List<FrozenTrial> trials, double[] loss, double[][] rows) {

        static Losses of(Study study, List<FrozenTrial> complete, ToDoubleFunction<FrozenTrial> target) {
            List<Direction> directions = study.directions();
            boolean pareto = target == null && directions.size() > 1;
            List<FrozenTrial> used = new ArrayList<>();
            List<double[]> rows = new ArrayList<>();
            for (FrozenTrial t : complete) {
                double[] row = new double[pareto ? directions.size() : 1];
                if (target != null) {
                    row[0] = target.applyAsDouble(t);
                } else {
                    for (int k = 0; k < row.length; k++) {
                        row[k] = (directions.get(k) == Direction.MINIMIZE ? 1 : -1) * t.values().get(k);
                    }
                }
                if (Arrays.stream(row).allMatch(Double::isFinite)) {
                    used.add(t);
                    rows.add(row);
                }
            }
            double[][] matrix = rows.toArray(new double[0][]);
            double[] loss = pareto ? null : Arrays.stream(matrix).mapToDouble(r -> r[0]).toArray();
            return new Losses(List.copyOf(used), loss, pareto ? matrix : null);
        }

        /** The best {@code quantile} of the trials, in trial order. */
        List<FrozenTrial> best(double quantile) {
            if (quantile == 1.0) {
                return trials;
            }
            int n = trials.size();
            int size = (int) Math.ceil(quantile * n);
            boolean[] keep;
            if (rows != null) {
                keep = NondominatedSplit.below(rows, size);
            } else {
                double[] sorted = loss.clone();
                Arrays.sort(sorted);
                double cutoff = sorted[size - 1];  // inverted CDF: ties with the cut-off trial are in too
                keep = new boolean[n];
                for (int i = 0; i < n; i++) {
                    keep[i] = loss[i] <= cutoff;
                }
            }
            List<FrozenTrial> out = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                if (keep[i]) {
                    out.add(trials.get(i));
                }
            }
            return out;
        }
    }

    /** The options of {@link PedAnovaImportance}, each checked when set. */
    public static final class Builder {

        private double targetQuantile = 0.1;
        private double regionQuantile = 1.0;
        private boolean evaluateOnLocal = true;

        private Builder() {
        }

        /**
         * γ′ (Optuna's {@code target_quantile}), default 0.1: explain what it takes to reach the best
         * {@code targetQuantile} of the trials; in (0, 1) and below {@link #regionQuantile}.
         */
        public Builder targetQuantile(double targetQuantile) {
            if (!(targetQuantile > 0 && targetQuantile < 1)) {
                throw new IllegalArgumentException("targetQuantile must be in (0, 1), got " + targetQuantile);
            }
            this.targetQuantile = targetQuantile;
            return this;
        }

        /**
         * γ (Optuna's {@code region_quantile}), default 1: measure importance among the best {@code regionQuantile}
         * of the trials (1: the whole search space the study explored); in (0, 1].
         */
        public Builder regionQuantile(double regionQuantile) {
            if (!(regionQuantile > 0 && regionQuantile <= 1)) {
                throw new IllegalArgumentException("regionQuantile must be in (0, 1], got " + regionQuantile);
            }
            this.regionQuantile = regionQuantile;
            return this;
        }

        /**
         * Optuna's {@code evaluate_on_local}, default true: compare the top trials with the region's trials (how
         * much a parameter mattered during the study) or, when false, with the uniform distribution over its range
         * (how much it matters in the search space as declared).
         */
        public Builder evaluateOnLocal(boolean evaluateOnLocal) {
            this.evaluateOnLocal = evaluateOnLocal;
            return this;
        }

        /** The evaluator; fails unless targetQuantile &lt; regionQuantile. */
        public PedAnovaImportance build() {
            return new PedAnovaImportance(this);
        }
    }
}
