package dev.hpo.sampler;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialState;
import dev.hpo.sampler.tpe.Dimension;
import dev.hpo.sampler.tpe.GroupDecomposedSearchSpace;
import dev.hpo.sampler.tpe.HypervolumeWeights;
import dev.hpo.sampler.tpe.ImprovementWeights;
import dev.hpo.sampler.tpe.KernelCache;
import dev.hpo.sampler.tpe.Observations;
import dev.hpo.sampler.tpe.ParzenEstimator;
import dev.hpo.sampler.tpe.RankedTrials;
import dev.hpo.sampler.tpe.TrialSplit;
import dev.hpo.space.Distribution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.WeakHashMap;
import java.util.function.IntFunction;
import java.util.function.IntUnaryOperator;
import java.util.function.Supplier;

/**
 * Tree-structured Parzen Estimator (Bergstra et al. 2011; Watanabe 2023), the default sampler of single-objective
 * studies, with the behaviour of Optuna's {@code TPESampler} except two defaults (below). After {@code nStartupTrials}
 * random trials, every decision splits the finished trials into the γ(n) best and the rest, fits a Parzen estimator to
 * each (ℓ(x) and g(x)), draws {@code nEiCandidates} points from ℓ and keeps the one with the largest ℓ(x)/g(x), which
 * maximizes expected improvement.
 *
 * <ul>
 *   <li>{@code multivariate} (default, as in Optuna 5): the parameters every finished trial has
 *       ({@link IntersectionSearchSpace}) are modelled jointly by product kernels; others one at a time.</li>
 *   <li>{@code group}: for conditional spaces, the parameters are split into groups that always occur together
 *       ({@link GroupDecomposedSearchSpace}) and each group is modelled jointly.</li>
 *   <li>{@code constantLiar} (default, as in Optuna 5): running trials count as bad ones, with the values already
 *       chosen for them, so parallel workers spread out.</li>
 * </ul>
 * Pruned trials count too, ranked by how far they got and their last intermediate value. Failed trials (the
 * objective threw or returned NaN) count as bad ones in g(x): ignored, as Optuna's samplers ignore them, a region
 * where the objective fails has no mass in g(x), so ℓ(x)/g(x) is largest there and TPE keeps sampling it (on a
 * bowl whose optimum lies at the edge of such a region, most of 100 trials failed).
 *
 * <p><b>Several objectives</b> (MOTPE, Ozaki et al. 2020, 2022, as Optuna's {@code TPESampler}): the good trials
 * are whole non-domination fronts, the last one thinned by hypervolume subset selection, and each weighs its
 * hypervolume contribution in ℓ(x) ({@link HypervolumeWeights}), so the model favours points that widen the
 * front; g(x) is built as for one objective. Pruned trials are not used there. These are Optuna 4's MOTPE rules,
 * measured in {@code hpo-bench/results/multi-objective.md}; Optuna 5 changed its defaults for several objectives
 * (one parameter at a time, γ = 10 % without the cap of 25, equal weights), which this sampler does not follow.
 * <b>Constraints</b>
 * ({@code Trial.setConstraint}): feasible trials fill the good places first, infeasible ones follow by total
 * violation, so the sampler leaves the infeasible region as soon as it has found enough feasible points (see
 * {@link TrialSplit}).
 *
 * <p><b>Where the defaults depart from Optuna's.</b> Multivariate TPE (the default) bounds every kernel's σ below
 * by range · max(0.03, (K + 1)^-1.5) for K kernels ({@link Builder#minBandwidthFactor(double)},
 * {@link Builder#magicClipExponent(double)}, the two parameters of the magic clip that Watanabe 2023 studies), where
 * Optuna's clip is range · max(0.01, (K + 1)^-1): ℓ(x), with its ~10 good trials, is then no wider than 3 % of the
 * range instead of 1/12 of it, so TPE exploits what it has found; g(x), with many kernels, is floored at 3 % instead
 * of about 1 %. Selected on seeds 20..139 and checked on the untouched seeds 140..259 of the benchmark runner's five
 * problems ({@code hpo-bench/results/tpe-defaults.md}): median regret after 100 trials falls on every problem
 * (seeds 140..259, Optuna's clip → hpo's: branin 0.0232 → 0.00256, hartmann6 0.147 → 0.135, rosenbrock4 23.0 →
 * 6.24, ackley5 6.63 → 4.54, lr_valley6 0.0320 → 0.0140), and after 50 and 200 trials too. The price: on small
 * integer grids the sampler repeats a found optimum more often, and parallel workers would meet there; with the
 * constant liar a worker therefore never takes a candidate equal to the point of another running trial. Several objectives (MOTPE, multivariate here) use the same clip: on ZDT1 and ZDT2 (seeds
 * 20..79, 100 trials) the median hypervolume rose from 11.01 to 11.24 and from 10.42 to 10.71. Independent sampling
 * ({@code multivariate(false)}) keeps Optuna's clip, where the tighter one was not better (hartmann6 worse on all
 * six seed sets).
 *
 * <p>Multivariate TPE also weighs ℓ(x)'s kernels by improvement ({@link Builder#improvementWeights(boolean)},
 * {@link ImprovementWeights}): the best good trial weighs 1.3, the worst 0.3, where Optuna weighs them alike, so a
 * study refines the basin it has found sooner (on hartmann6, 19 of 120 runs were in the global optimum's basin after
 * 100 trials but not yet within Optuna's figure of it, 7 with the weights). Selected on seeds 20..139 and 260..1099,
 * checked on seeds 140..259, the median regret after 100 trials fell on all five problems (branin 0.00256 → 0.00195,
 * hartmann6 0.135 → 0.082, rosenbrock4 6.24 → 5.77, ackley5 4.54 → 4.03, lr_valley6 0.0140 → 0.0115;
 * {@code tpe-defaults.md}). {@link Builder#optunaDefaults()} restores both of Optuna's choices; with it every default
 * is Optuna 5's and the sampler matches its {@code TPESampler} on equal histories
 * ({@code hpo-bench/results/tpe-vs-optuna.md}).
 *
 * <p>Same seed, same trials (when trials run one at a time); a sampler that resumes a study draws new ones
 * ({@link ResumableStream}). The sampler is thread safe; one instance may follow several studies.
 */
public final class TpeSampler implements Sampler {

    private final boolean multivariate;
    private final boolean group;
    private final boolean constantLiar;
    private final int nStartupTrials;
    private final int nEiCandidates;
    private final IntUnaryOperator gamma;
    private final IntFunction<double[]> weights;
    private final boolean improvementWeights;
    private final ParzenEstimator.Options options;
    private final long seed;
    /** The candidates' and the start-up trials' streams, started at the first draw ({@link ResumableStream}). */
    private SplittableRandom random;
    private SplittableRandom startupRandom;
    private final Map<Study, StudyState> states = new WeakHashMap<>();

    /**
     * Per-study caches: the observation rows, the search spaces, the finished trials seen so far, and g(x)'s kernels
     * per tuple of dimensions (one tuple per group of parameters, or per parameter when sampled alone).
     */
    private static final class StudyState {
        final FinishedTrials finished = new FinishedTrials();
        final Observations observations = new Observations();
        final GroupDecomposedSearchSpace groups = new GroupDecomposedSearchSpace();
        final IncrementalIntersection intersection = new IncrementalIntersection();
        final Map<List<Dimension>, KernelCache> aboveKernels = new HashMap<>();
        final RankedTrials ranked = new RankedTrials();
        /** The dimensions of the last look-up in {@link #aboveKernels} and its answer. */
        private Dimension[] lastDims;
        private KernelCache lastCache;

        /**
         * The kept kernels of g(x) for these dimensions. A study samples the same space trial after trial, with the
         * same distribution objects, so the last answer is checked first by identity: hashing the dimensions (a
         * categorical one hashes its choices) cost several percent of a decision.
         */
        KernelCache aboveKernels(Dimension[] dims, ParzenEstimator.Options options) {
            if (!sameDimensions(lastDims, dims)) {
                lastCache = aboveKernels.computeIfAbsent(List.of(dims), d -> new KernelCache(dims, options));
                lastDims = dims;
            }
            return lastCache;
        }

        /** Equal dimensions: a dimension is made from its name and its distribution alone. */
        private static boolean sameDimensions(Dimension[] a, Dimension[] b) {
            if (a == null || a.length != b.length) {
                return false;
            }
            for (int j = 0; j < a.length; j++) {
                if (a[j].distribution() != b[j].distribution() || !a[j].name().equals(b[j].name())) {
                    return false;
                }
            }
            return true;
        }
    }

    /** A sampler with hpo's defaults (see the class comment) and a random seed. */
    public TpeSampler() {
        this(builder());
    }

    /** A sampler with hpo's defaults (see the class comment): same seed, same trials. */
    public TpeSampler(long seed) {
        this(builder().seed(seed));
    }

    private TpeSampler(Builder b) {
        this.multivariate = b.multivariate;
        this.group = b.group;
        this.constantLiar = b.constantLiar;
        this.nStartupTrials = b.nStartupTrials;
        this.nEiCandidates = b.nEiCandidates;
        this.gamma = b.gamma;
        this.weights = b.weights;
        this.improvementWeights = b.improvementWeights != null ? b.improvementWeights : b.multivariate;
        this.options = new ParzenEstimator.Options(b.priorWeight, b.considerMagicClip, b.considerEndpoints,
                b.bandwidth, b.resolvedMinBandwidthFactor(), b.resolvedMagicClipExponent());
        this.seed = b.seed != null ? b.seed : new SplittableRandom().nextLong();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Optuna's default γ: the best 10 % of the n finished trials, at most 25. */
    public static int defaultGamma(int n) {
        return Math.min((int) Math.ceil(0.1 * n), 25);
    }

    /**
     * Optuna's default observation weights, oldest first: the 25 most recent trials weigh 1, older ones ramp
     * linearly from 1/n up to 1.
     */
    public static double[] defaultWeights(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1);
        int ramp = n - 25;
        if (ramp > 0) {
            double start = 1.0 / n;
            for (int i = 0; i < ramp; i++) {
                w[i] = ramp == 1 ? start : start + (1 - start) * i / (ramp - 1);
            }
        }
        return w;
    }

    @Override
    public synchronized Map<String, Distribution> inferRelativeSearchSpace(Study study, FrozenTrial trial) {
        if (!multivariate) {
            return Map.of();
        }
        Map<String, Distribution> space = new LinkedHashMap<>();
        if (group) {
            for (Map<String, Distribution> g : groups(study)) {
                space.putAll(g);
            }
        } else {
            refreshed(study).intersection.space().forEach((name, d) -> {
                if (!d.isSingle()) {
                    space.put(name, d);
                }
            });
        }
        return space;
    }

    /** The study's groups without single-valued parameters, refreshed with the trials finished since last time. */
    private List<Map<String, Distribution>> groups(Study study) {
        GroupDecomposedSearchSpace g = refreshed(study).groups;
        List<Map<String, Distribution>> out = new ArrayList<>();
        for (Map<String, Distribution> sub : g.groups()) {
            sub.values().removeIf(Distribution::isSingle);
            if (!sub.isEmpty()) {
                out.add(sub);
            }
        }
        return out;
    }

    @Override
    public synchronized Map<String, Double> sampleRelative(Study study, FrozenTrial trial,
            Map<String, Distribution> searchSpace) {
        if (searchSpace.isEmpty() || refreshed(study).finished.count() < nStartupTrials) {
            return Map.of();
        }
        Map<String, Double> out = new LinkedHashMap<>();
        if (!group) {
            out.putAll(sample(study, trial, new TreeMap<>(searchSpace)));
            remember(study, trial, out);
            return out;
        }
        for (Map<String, Distribution> sub : groups(study)) {
            Map<String, Distribution> part = new TreeMap<>();
            sub.forEach((name, d) -> {
                if (d.equals(searchSpace.get(name))) {
                    part.put(name, d);
                }
            });
            if (!part.isEmpty()) {
                out.putAll(sample(study, trial, part));
            }
        }
        remember(study, trial, out);
        return out;
    }

    /** Keeps a running trial's relative sample for the constant liar until the trial finishes. */
    private void remember(Study study, FrozenTrial trial, Map<String, Double> sample) {
        if (constantLiar && !sample.isEmpty()) {
            state(study).observations.setPending(trial.number(), sample);
        }
    }

    @Override
    public synchronized void afterTrial(Study study, FrozenTrial trial, TrialState state, List<Double> values) {
        StudyState s = states.get(study);
        if (s != null) {
            s.observations.clearPending(trial.number());
        }
    }

    @Override
    public synchronized double sampleIndependent(Study study, FrozenTrial trial, String name, Distribution distribution) {
        start(trial);
        if (refreshed(study).finished.count() < nStartupTrials) {
            return RandomSampler.sample(startupRandom, distribution);
        }
        return sample(study, trial, Map.of(name, distribution)).get(name);
    }

    /** Starts both streams at the first trial this sampler draws for, from one base as they always were. */
    private void start(FrozenTrial trial) {
        if (random == null) {
            SplittableRandom base = ResumableStream.startingAt(seed, trial);
            random = base.split();
            startupRandom = base.split();
        }
    }

    /** One TPE decision for a (sorted) search space: candidates from ℓ, the one with the best ℓ/g wins. */
    private Map<String, Double> sample(Study study, FrozenTrial trial, Map<String, Distribution> space) {
        start(trial);
        List<Direction> directions = study.directions();
        boolean multi = directions.size() > 1;
        List<FrozenTrial> all = study.trials();
        StudyState state = refreshed(study, all);
        String[] names = space.keySet().toArray(new String[0]);
        Dimension[] dims = new Dimension[names.length];
        for (int j = 0; j < names.length; j++) {
            dims[j] = Dimension.of(names[j], space.get(names[j]));
        }
        Observations observations = state.observations;
        boolean[] numeric = new boolean[dims.length];
        for (int j = 0; j < dims.length; j++) {
            numeric[j] = dims[j].isNumeric();
        }
        ParzenEstimator below;
        ParzenEstimator above;
        int[] belowNumbers = multi ? null : rankedBelow(state, all, trial);
        if (belowNumbers != null) {
            // the common case without a walk over every trial: the split from the ranked numbers
            List<FrozenTrial> good = byNumber(all, belowNumbers);
            below = belowEstimator(dims, names, observations.matrix(good, names, numeric), good, directions.get(0));
            int[] others = state.ranked.others(belowNumbers);
            above = aboveEstimator(state, dims, names, numeric, observations.completeRows(others, names),
                    () -> byNumber(all, others));
        } else {
            List<FrozenTrial> trials = new ArrayList<>(all.size());
            int finishedCount = 0;
            for (FrozenTrial t : all) {
                TrialState s = t.state();
                if (s == TrialState.COMPLETE || (s == TrialState.PRUNED && !multi)) {
                    trials.add(t);
                    finishedCount++;
                } else if (s == TrialState.FAIL
                        || (constantLiar && s == TrialState.RUNNING && t.number() != trial.number())) {
                    trials.add(t);
                }
            }
            TrialSplit split = TrialSplit.of(trials, gamma.applyAsInt(finishedCount), directions);
            Observations.Matrix belowMatrix = observations.matrix(split.below(), names, numeric);
            below = multi
                    ? new ParzenEstimator(dims, belowMatrix.columns(), belowMatrix.order(),
                            hypervolumeWeights(split.below(), directions, names), options)
                    : belowEstimator(dims, names, belowMatrix, split.below(), directions.get(0));
            above = aboveEstimator(state, dims, names, numeric, observations.finishedRows(split.above(), names),
                    split::above);
        }
        double[][] candidates = below.sample(random, nEiCandidates);
        double[] logBelow = below.logPdf(candidates);
        double[] logAbove = above.logPdf(candidates);
        List<double[]> taken = constantLiar
                ? runningPoints(observations, all, state.finished.firstOpen(), trial, names, space) : List.of();
        int best = bestCandidate(candidates, logBelow, logAbove, taken);
        if (best < 0) {
            best = bestCandidate(candidates, logBelow, logAbove, List.of());
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int j = 0; j < names.length; j++) {
            out.put(names[j], candidates[j][best]);
        }
        return out;
    }

    /**
     * The candidate with the best ℓ/g that is none of the {@code taken} points, or -1 when every one is. Without
     * taken points it is Optuna's rule (the first best on ties).
     */
    private int bestCandidate(double[][] candidates, double[] logBelow, double[] logAbove, List<double[]> taken) {
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < nEiCandidates; s++) {
            if (isTaken(candidates, s, taken)) {
                continue;
            }
            if (best < 0) {
                best = s;
            }
            double score = logBelow[s] - logAbove[s];
            if (score > bestScore) {
                bestScore = score;
                best = s;
            }
        }
        return best;
    }

    private static boolean isTaken(double[][] candidates, int s, List<double[]> taken) {
        for (double[] point : taken) {
            boolean same = true;
            for (int j = 0; j < point.length && same; j++) {
                same = candidates[j][s] == point[j];
            }
            if (same) {
                return true;
            }
        }
        return false;
    }

    /**
     * The points (internal values, in {@code names} order) of the other running trials that have every parameter of
     * the space: what they suggested, or what this sampler chose for them and they have not suggested yet. With the
     * constant liar a worker does not propose a point another worker is evaluating: the liar makes it unlikely, and
     * on a small grid, where a sharply peaked ℓ(x) can still draw it, it would only evaluate the same parameters
     * twice.
     */
    private static List<double[]> runningPoints(Observations observations, List<FrozenTrial> all, int firstOpen,
            FrozenTrial trial, String[] names, Map<String, Distribution> space) {
        List<double[]> points = new ArrayList<>();
        for (int i = firstOpen; i < all.size(); i++) { // every trial before firstOpen is finished
            FrozenTrial t = all.get(i);
            if (t.state() != TrialState.RUNNING || t.number() == trial.number()) {
                continue;
            }
            Map<String, Double> values = observations.running(t);
            double[] point = new double[names.length];
            boolean complete = true;
            for (int j = 0; j < names.length && complete; j++) {
                Double value = values.get(names[j]);
                Distribution suggested = t.distributions().get(names[j]);
                // a value without a distribution is this sampler's own choice for this space
                complete = value != null && (suggested == null || suggested.equals(space.get(names[j])));
                if (complete) {
                    point[j] = value;
                }
            }
            if (complete) {
                points.add(point);
            }
        }
        return points;
    }

    /**
     * MOTPE's weights of the below trials ({@link HypervolumeWeights}), computed on the whole below set and then
     * kept for the trials that have every parameter of the space, which are the rows of the estimator.
     */
    private static double[] hypervolumeWeights(List<FrozenTrial> below, List<Direction> directions, String[] names) {
        return rowsWithEvery(names, below, HypervolumeWeights.of(below, directions));
    }

    /** The weights of the trials that have every named parameter: the rows of their observation matrix. */
    private static double[] rowsWithEvery(String[] names, List<FrozenTrial> below, double[] all) {
        double[] kept = new double[all.length];
        int n = 0;
        for (int i = 0; i < all.length; i++) {
            Map<String, Object> params = below.get(i).params();
            boolean complete = true;
            for (String name : names) {
                complete &= params.containsKey(name);
            }
            if (complete) {
                kept[n++] = all[i];
            }
        }
        return Arrays.copyOf(kept, n);
    }

    /**
     * g(x) of the above trials: from the study's kept kernels when every above trial is finished (see
     * {@link KernelCache}), otherwise built from scratch.
     */
    private ParzenEstimator aboveEstimator(StudyState state, Dimension[] dims, String[] names, boolean[] numeric,
            int[] rows, Supplier<List<FrozenTrial>> above) {
        Observations observations = state.observations;
        if (rows != null && rows.length > 0) {
            KernelCache cache = state.aboveKernels(dims, options);
            ParzenEstimator e = cache.estimator(rows, observations, this::weights);
            if (e != null) {
                return e;
            }
        }
        return estimator(dims, observations.matrix(above.get(), names, numeric));
    }

    /**
     * The numbers of the below trials of a single-objective decision from the ranked finished trials, or {@code null}
     * when the split needs the trial list: a trial failed or another is running (the constant liar counts it; failed
     * trials are always above), the γ best are not all feasible completed trials (see {@link RankedTrials}), or the
     * list is not indexed by trial number.
     */
    private int[] rankedBelow(StudyState state, List<FrozenTrial> all, FrozenTrial trial) {
        if (state.finished.failed() > 0) {
            return null;
        }
        if (constantLiar) {
            for (int i = state.finished.firstOpen(); i < all.size(); i++) {
                FrozenTrial t = all.get(i);
                if (t.state() == TrialState.RUNNING && t.number() != trial.number()) {
                    return null;
                }
            }
        }
        int[] below = state.ranked.below(gamma.applyAsInt(state.ranked.count()));
        return below != null && indexedByNumber(all) ? below : null;
    }

    /**
     * Whether trial i of the list is trial number i: the list is in increasing number order, so it is when the first
     * is number 0 and the last number size - 1.
     */
    private static boolean indexedByNumber(List<FrozenTrial> all) {
        int size = all.size();
        return size > 0 && all.get(0).number() == 0 && all.get(size - 1).number() == size - 1;
    }

    /** The trials of the given numbers, in that order (the list is indexed by number, see {@link #rankedBelow}). */
    private static List<FrozenTrial> byNumber(List<FrozenTrial> all, int[] numbers) {
        List<FrozenTrial> out = new ArrayList<>(numbers.length);
        for (int number : numbers) {
            out.add(all.get(number));
        }
        return out;
    }

    private ParzenEstimator estimator(Dimension[] dims, Observations.Matrix matrix) {
        double[] w = weights(matrix.size());
        return new ParzenEstimator(dims, matrix.columns(), matrix.order(), w, options);
    }

    /** ℓ(x) of one objective: the weights function's weights, times the improvement weights when they are on. */
    private ParzenEstimator belowEstimator(Dimension[] dims, String[] names, Observations.Matrix matrix,
            List<FrozenTrial> good, Direction direction) {
        double[] w = weights(matrix.size());
        if (improvementWeights) {
            double[] improvement = rowsWithEvery(names, good,
                    ImprovementWeights.of(good, direction, Builder.IMPROVEMENT_WEIGHT_FLOOR));
            w = Arrays.copyOf(w, improvement.length);
            for (int i = 0; i < w.length; i++) {
                w[i] *= improvement[i];
            }
        }
        return new ParzenEstimator(dims, matrix.columns(), matrix.order(), w, options);
    }

    /** The weights function's n weights, checked: finite, non-negative, not all zero. */
    private double[] weights(int n) {
        double[] w = n == 0 ? new double[0] : weights.apply(n);
        if (w.length < n) {
            throw new IllegalStateException("the weights function returned " + w.length + " weights for " + n
                    + " observations");
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            if (!(w[i] >= 0) || !Double.isFinite(w[i])) {
                throw new IllegalStateException("the weights function returned " + w[i] + " for " + n
                        + " observations; weights must be finite and non-negative");
            }
            sum += w[i];
        }
        if (n > 0 && sum <= 0) {
            throw new IllegalStateException("the weights function returned only zeros for " + n + " observations");
        }
        return w;
    }

    /**
     * The study's caches, with the trials finished since the last call handed to the search space this sampler
     * uses (the intersection, or the groups), so that it sees every finished trial once.
     */
    private StudyState refreshed(Study study) {
        return refreshed(study, study.trials());
    }

    /**
     * {@link #refreshed(Study)} with the given trial list, which also files the fresh trials' values and, with one
     * objective, their rank.
     */
    private StudyState refreshed(Study study, List<FrozenTrial> trials) {
        StudyState s = state(study);
        List<FrozenTrial> fresh = s.finished.update(trials);
        if (!fresh.isEmpty()) {
            if (multivariate) {
                if (group) {
                    s.groups.update(fresh);
                } else {
                    s.intersection.update(fresh);
                }
            }
            List<Direction> directions = study.directions();
            for (FrozenTrial t : fresh) {
                s.observations.read(t);
                if (directions.size() == 1) {
                    s.ranked.add(t, directions.get(0));
                }
            }
        }
        return s;
    }

    private StudyState state(Study study) {
        return states.computeIfAbsent(study, s -> new StudyState());
    }

    @Override
    public String toString() {
        return "TpeSampler[multivariate=" + multivariate + ", group=" + group + ", constantLiar=" + constantLiar
                + ", nStartupTrials=" + nStartupTrials + ", nEiCandidates=" + nEiCandidates + ", minBandwidthFactor="
                + options.minBandwidthFactor() + ", magicClipExponent=" + options.magicClipExponent()
                + ", improvementWeights=" + improvementWeights + "]";
    }

    /**
     * Options of a {@link TpeSampler}; every one defaults to Optuna 5's value for one objective except two of
     * multivariate TPE, its magic clip ({@link #minBandwidthFactor(double)}, {@link #magicClipExponent(double)}) and
     * ℓ(x)'s weights ({@link #improvementWeights(boolean)}; see the class comment). {@link #optunaDefaults()} restores
     * Optuna's.
     */
    public static final class Builder {
        /** hpo's default floor of the magic clip of multivariate TPE (see the class comment for the measurements). */
        public static final double HPO_MIN_BANDWIDTH_FACTOR = 0.03;
        /** hpo's default exponent of the magic clip of multivariate TPE. */
        public static final double HPO_MAGIC_CLIP_EXPONENT = 1.5;
        /**
         * What the worst of the good trials weighs in ℓ(x) with {@link #improvementWeights(boolean)}, the best
         * weighing one more: floors from 0 to 0.3 did equally well on held-out seeds, and 0.3 keeps the worst good
         * trial in the model ({@code tpe-defaults.md}).
         */
        public static final double IMPROVEMENT_WEIGHT_FLOOR = 0.3;

        private Long seed;
        private boolean multivariate = true;
        private boolean group;
        private boolean constantLiar = true;
        private ParzenEstimator.Bandwidth bandwidth = ParzenEstimator.Bandwidth.NEIGHBOURS;
        private int nStartupTrials = 10;
        private int nEiCandidates = 24;
        private double priorWeight = 1.0;
        private boolean considerMagicClip = true;
        private boolean considerEndpoints;
        private IntUnaryOperator gamma = TpeSampler::defaultGamma;
        private IntFunction<double[]> weights = TpeSampler::defaultWeights;
        /** {@code null}: the mode's default ({@link #resolvedMinBandwidthFactor()}). */
        private Double minBandwidthFactor;
        private Double magicClipExponent;
        /** {@code null}: the mode's default, on when multivariate. */
        private Boolean improvementWeights;

        private Builder() {
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Model the parameters every trial has jointly (default true); false models each parameter alone. */
        public Builder multivariate(boolean multivariate) {
            this.multivariate = multivariate;
            return this;
        }

        /** Model groups of parameters that occur together jointly (conditional spaces); needs multivariate. */
        public Builder group(boolean group) {
            this.group = group;
            return this;
        }

        /**
         * Count running trials as bad ones so that parallel workers do not pile onto one region (default true, as
         * in Optuna 5; it changes nothing when trials run one at a time).
         */
        public Builder constantLiar(boolean constantLiar) {
            this.constantLiar = constantLiar;
            return this;
        }

        /** Random trials before the model is used (default 10). */
        public Builder nStartupTrials(int nStartupTrials) {
            if (nStartupTrials < 0) {
                throw new IllegalArgumentException("nStartupTrials must be at least 0, got " + nStartupTrials);
            }
            this.nStartupTrials = nStartupTrials;
            return this;
        }

        /** Candidates drawn from ℓ(x) per decision (default 24). */
        public Builder nEiCandidates(int nEiCandidates) {
            if (nEiCandidates < 1) {
                throw new IllegalArgumentException("nEiCandidates must be at least 1, got " + nEiCandidates);
            }
            this.nEiCandidates = nEiCandidates;
            return this;
        }

        /**
         * How kernel bandwidths are chosen (default {@link ParzenEstimator.Bandwidth#NEIGHBOURS}, Optuna 5's rule;
         * {@link ParzenEstimator.Bandwidth#SCOTT} is Optuna 4's multivariate rule).
         */
        public Builder bandwidth(ParzenEstimator.Bandwidth bandwidth) {
            if (bandwidth == null) {
                throw new IllegalArgumentException("bandwidth must not be null");
            }
            this.bandwidth = bandwidth;
            return this;
        }

        /** Weight of the prior kernel (default 1.0). */
        public Builder priorWeight(double priorWeight) {
            if (!(priorWeight > 0) || !Double.isFinite(priorWeight)) {
                throw new IllegalArgumentException("priorWeight must be a positive number, got " + priorWeight);
            }
            this.priorWeight = priorWeight;
            return this;
        }

        /**
         * Bound bandwidths below by range · max(minBandwidthFactor, (kernels + 1)^-magicClipExponent) (default
         * true); without it the bound is 1e-12.
         */
        public Builder considerMagicClip(boolean considerMagicClip) {
            this.considerMagicClip = considerMagicClip;
            return this;
        }

        /**
         * The magic clip's floor as a share of each dimension's range, in (0, 1] (Watanabe 2023's minimum bandwidth
         * factor). Default {@value #HPO_MIN_BANDWIDTH_FACTOR} when multivariate, Optuna's 0.01 otherwise.
         */
        public Builder minBandwidthFactor(double minBandwidthFactor) {
            if (!(minBandwidthFactor > 0 && minBandwidthFactor <= 1)) {
                throw new IllegalArgumentException("minBandwidthFactor must be in (0, 1], got " + minBandwidthFactor
                        + "; Optuna's clip uses 0.01");
            }
            this.minBandwidthFactor = minBandwidthFactor;
            return this;
        }

        /**
         * How fast the magic clip's bound falls with the number of kernels K: range · (K + 1)^-exponent until it
         * reaches the floor (Watanabe 2023's exponent α). Default {@value #HPO_MAGIC_CLIP_EXPONENT} when
         * multivariate, Optuna's 1 otherwise.
         */
        public Builder magicClipExponent(double magicClipExponent) {
            if (!(magicClipExponent > 0) || !Double.isFinite(magicClipExponent)) {
                throw new IllegalArgumentException("magicClipExponent must be a positive number, got "
                        + magicClipExponent + "; Optuna's clip uses 1");
            }
            this.magicClipExponent = magicClipExponent;
            return this;
        }

        /** Optuna's magic clip, range / min(100, kernels + 1); {@link #optunaDefaults()} for Optuna's sampler. */
        public Builder optunaMagicClip() {
            return minBandwidthFactor(ParzenEstimator.Options.OPTUNA_MIN_BANDWIDTH_FACTOR)
                    .magicClipExponent(ParzenEstimator.Options.OPTUNA_MAGIC_CLIP_EXPONENT);
        }

        /**
         * Weigh each good trial's kernel in ℓ(x) by how much it improves on the worst good trial
         * ({@link ImprovementWeights}; one objective only, MOTPE has its own weights). Default true when
         * multivariate, false otherwise; Optuna weighs every good trial the same.
         */
        public Builder improvementWeights(boolean improvementWeights) {
            this.improvementWeights = improvementWeights;
            return this;
        }

        /**
         * Every option of Optuna 5's {@code TPESampler}: its magic clip ({@link #optunaMagicClip()}) and equal weights
         * for the good trials; with the other options at their defaults the sampler matches Optuna's on equal
         * histories ({@code hpo-bench/results/tpe-vs-optuna.md}).
         */
        public Builder optunaDefaults() {
            return optunaMagicClip().improvementWeights(false);
        }

        /** The clip floor set, or the mode's default: hpo's when multivariate, Optuna's otherwise. */
        private double resolvedMinBandwidthFactor() {
            return minBandwidthFactor != null ? minBandwidthFactor
                    : multivariate ? HPO_MIN_BANDWIDTH_FACTOR : ParzenEstimator.Options.OPTUNA_MIN_BANDWIDTH_FACTOR;
        }

        private double resolvedMagicClipExponent() {
            return magicClipExponent != null ? magicClipExponent
                    : multivariate ? HPO_MAGIC_CLIP_EXPONENT : ParzenEstimator.Options.OPTUNA_MAGIC_CLIP_EXPONENT;
        }

        /** Univariate bandwidths: let the range's ends widen the outermost kernels (default false). */
        public Builder considerEndpoints(boolean considerEndpoints) {
            this.considerEndpoints = considerEndpoints;
            return this;
        }

        /** How many of n finished trials are "good" (default {@link TpeSampler#defaultGamma}). */
        public Builder gamma(IntUnaryOperator gamma) {
            if (gamma == null) {
                throw new IllegalArgumentException("gamma must not be null");
            }
            this.gamma = gamma;
            return this;
        }

        /** Weights of n observations, oldest first (default {@link TpeSampler#defaultWeights}). */
        public Builder weights(IntFunction<double[]> weights) {
            if (weights == null) {
                throw new IllegalArgumentException("weights must not be null");
            }
            this.weights = weights;
            return this;
        }

        public TpeSampler build() {
            if (group && !multivariate) {
                throw new IllegalArgumentException("group(true) needs multivariate(true): groups are modelled jointly");
            }
            return new TpeSampler(this);
        }
    }
}
