package dev.hpo.sampler;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialState;
import dev.hpo.sampler.cmaes.CmaEs;
import dev.hpo.sampler.cmaes.CmaState;
import dev.hpo.sampler.cmaes.WarmStart;
import dev.hpo.space.Distribution;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.WeakHashMap;

/**
 * CMA-ES (covariance matrix adaptation evolution strategy) over the numeric parameters that every trial has:
 * strong on continuous problems of a few to a few dozen parameters once the budget reaches a few hundred
 * trials. The algorithm, with IPOP restarts, sep-CMA-ES and the margin for integer and stepped parameters, is in
 * {@link CmaEs}; the search runs in the unit cube of the space (log parameters in log space). Categorical
 * parameters, parameters some trials lack, and the first {@code nStartupTrials} trials come from the independent
 * sampler (RandomSampler by default).
 *
 * <p>State across workers and processes: the optimizer state ({@link CmaState}) is kept as JSON in the study
 * system attribute {@value #STATE_ATTR}, as Optuna does. Every trial it suggests gets the trial system attributes
 * {@value #GENERATION_ATTR} (the generation it belongs to) and {@value #X_ATTR} (the unscaled point the update
 * learns from). Whoever samples next after λ trials of the current generation are complete performs the update,
 * always from the first λ of them by trial number, so every worker computes the same next state and a second
 * write is harmless. Each point is drawn from a generator seeded with the sampler's seed and the trial number,
 * so the same seed gives the same trials.
 *
 * <p>The separable variant (diagonal covariance, linear cost per sample) is used when asked, and automatically
 * from {@value #SEPARABLE_FROM} numeric parameters on, where the full covariance needs far more generations to
 * learn than a study usually has.
 */
public final class CmaEsSampler implements Sampler {

    private static final System.Logger LOG = System.getLogger(CmaEsSampler.class.getName());

    /** Study system attribute holding the optimizer state as JSON. */
    public static final String STATE_ATTR = "cma:optimizer";
    /** Trial system attribute: the generation a trial was sampled for. */
    public static final String GENERATION_ATTR = "cma:generation";
    /** Trial system attribute: the unscaled unit-cube point the update uses. */
    public static final String X_ATTR = "cma:x";
    /** The dimension from which the separable variant is chosen automatically. */
    public static final int SEPARABLE_FROM = 40;

    /** The kinds of {@link DecisionStream}: a trial's point, a generation's restart. */
    private static final long TRIAL_STREAM = 0xD1B54A32D192ED03L;
    private static final long RESTART_STREAM = 0xC2B2AE3D27D4EB4FL;

    private final long seed;
    private final int nStartupTrials;
    private final Map<String, Object> x0;
    private final Double sigma0;
    private final Integer popsize;
    private final Boolean separable;
    private final boolean lrAdapt;
    private final List<FrozenTrial> sourceTrials;
    private final Sampler independent;
    /** Per study, its completed trials, folded in as they complete rather than reread for every trial. */
    private final Map<Study, CompletedTrials> completed = new WeakHashMap<>();
    /** The state last read from or written to the study, and its JSON: each trial reads it back. */
    private String stateJson;
    private CmaState stateRead;

    /** A sampler with a random seed and default options. */
    public CmaEsSampler() {
        this(builder());
    }

    /** A sampler with default options: same seed, same trials. */
    public CmaEsSampler(long seed) {
        this(builder().seed(seed));
    }

    private CmaEsSampler(Builder b) {
        this.seed = b.seed == null ? new SplittableRandom().nextLong() : b.seed;
        this.nStartupTrials = b.nStartupTrials;
        this.x0 = b.x0;
        this.sigma0 = b.sigma0;
        this.popsize = b.popsize;
        this.separable = b.separable;
        this.lrAdapt = b.lrAdapt;
        this.sourceTrials = b.sourceTrials;
        this.independent = b.independent == null ? new RandomSampler(seed) : b.independent;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options of a {@link CmaEsSampler}. */
    public static final class Builder {
        private Long seed;
        private int nStartupTrials = 0;
        private Map<String, Object> x0;
        private Double sigma0;
        private Integer popsize;
        private Boolean separable;
        private boolean lrAdapt;
        private List<FrozenTrial> sourceTrials;
        private Sampler independent;

        private Builder() {
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Trials sampled independently before CMA-ES starts (default 0). */
        public Builder nStartupTrials(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("nStartupTrials must be at least 0, got " + n);
            }
            this.nStartupTrials = n;
            return this;
        }

        /** The initial mean, as parameter values by name (default: the centre of the space). */
        public Builder x0(Map<String, ?> x0) {
            this.x0 = Map.copyOf(x0);
            return this;
        }

        /** The initial step size in unit-cube coordinates (default 1/6: ±3σ spans the range). */
        public Builder sigma0(double sigma0) {
            if (!(sigma0 > 0) || !Double.isFinite(sigma0)) {
                throw new IllegalArgumentException("sigma0 must be a positive number, got " + sigma0);
            }
            this.sigma0 = sigma0;
            return this;
        }

        /** λ of the first run (default 4 + ⌊3 ln n⌋); IPOP doubles it at each restart. */
        public Builder popsize(int popsize) {
            if (popsize < 2) {
                throw new IllegalArgumentException("popsize must be at least 2, got " + popsize);
            }
            this.popsize = popsize;
            return this;
        }

        /** Forces (true) or forbids (false) sep-CMA-ES; by default it is used from {@value #SEPARABLE_FROM} dimensions. */
        public Builder separable(boolean separable) {
            this.separable = separable;
            return this;
        }

        /**
         * Learning-rate adaptation (Optuna's {@code lr_adapt}; Nomura et al., GECCO 2023): the mean's and the
         * covariance's learning rates follow the signal-to-noise ratio of their updates, which lets CMA-ES with its
         * default population handle multimodal and noisy objectives that otherwise need a large population. Needs
         * the full covariance, so sep-CMA-ES is then not chosen automatically, and asking for both is an error.
         */
        public Builder lrAdapt(boolean lrAdapt) {
            this.lrAdapt = lrAdapt;
            return this;
        }

        /**
         * Warm start from trials of an earlier, similar study (WS-CMA-ES, see {@link WarmStart}); excludes
         * {@code x0} and {@code sigma0}.
         */
        public Builder sourceTrials(List<FrozenTrial> trials) {
            this.sourceTrials = List.copyOf(trials);
            return this;
        }

        /** The sampler for categorical and conditional parameters and start-up trials (default: RandomSampler). */
        public Builder independentSampler(Sampler sampler) {
            if (sampler == null) {
                throw new IllegalArgumentException("the independent sampler must not be null");
            }
            this.independent = sampler;
            return this;
        }

        public CmaEsSampler build() {
            if (lrAdapt && Boolean.TRUE.equals(separable)) {
                throw new IllegalArgumentException("lrAdapt needs the full covariance matrix; drop separable(true)"
                        + " or lrAdapt(true)");
            }
            if (sourceTrials != null && (x0 != null || sigma0 != null)) {
                throw new IllegalArgumentException("sourceTrials sets the initial mean and step size; drop x0/sigma0"
                        + " or the source trials");
            }
            return new CmaEsSampler(this);
        }
    }

    @Override
    public Map<String, Distribution> inferRelativeSearchSpace(Study study, FrozenTrial trial) {
        if (study.directions().size() != 1) {
            throw new UnsupportedOperationException("CmaEsSampler optimizes one objective, but study " + study.name()
                    + " has " + study.directions().size() + "; use the default sampler or TPE for several objectives");
        }
        return UnitSpace.numericPart(completed(study).space(study));
    }

    private synchronized CompletedTrials completed(Study study) {
        return completed.computeIfAbsent(study, s -> new CompletedTrials());
    }

    @Override
    public synchronized Map<String, Double> sampleRelative(Study study, FrozenTrial trial,
            Map<String, Distribution> searchSpace) {
        if (searchSpace.isEmpty() || completed(study).count(study) < nStartupTrials) {
            return Map.of();
        }
        UnitSpace space = new UnitSpace(searchSpace);
        CmaEs cma = new CmaEs(space);
        String key = searchSpace.toString();
        CmaState loaded = loadState(study, key);
        CmaState state = loaded == null ? initialState(space, key, study.direction()) : loaded;
        state = tellIfComplete(study, cma, state, space);
        if (state != loaded) {
            String json = state.toJson();
            study.setSystemAttr(STATE_ATTR, json);
            stateJson = json;
            stateRead = state;
        }
        SplittableRandom random = DecisionStream.of(seed, TRIAL_STREAM, trial.number());
        double[] x = cma.ask(state, random);
        List<Double> raw = new ArrayList<>();
        for (double v : x) {
            raw.add(v);
        }
        study.storage().setTrialSystemAttr(trial.id(), GENERATION_ATTR, state.generation());
        study.storage().setTrialSystemAttr(trial.id(), X_ATTR, raw);
        return space.toParams(cma.encode(state, x));
    }

    private CmaState loadState(Study study, String key) {
        Object json = study.systemAttrs().get(STATE_ATTR);
        if (!(json instanceof String s)) {
            return null;
        }
        // a state is never changed once made, and its JSON reads back to the same numbers
        CmaState state = s.equals(stateJson) ? stateRead : CmaState.fromJson(s);
        stateJson = s;
        stateRead = state;
        return state.space().equals(key) ? state : null;
    }

    /** The first state; source trials of a warm start are read in the study's direction, as Optuna does. */
    private CmaState initialState(UnitSpace space, String key, Direction direction) {
        int n = space.dimension();
        int lambda = popsize == null ? CmaEs.defaultPopsize(n) : popsize;
        boolean sep = separable == null ? !lrAdapt && n >= SEPARABLE_FROM : separable;
        if (sourceTrials != null) {
            List<WarmStart.Source> sources = new ArrayList<>();
            for (FrozenTrial t : sourceTrials) {
                double[] u = t.state() == TrialState.COMPLETE && t.values() != null && t.values().size() == 1
                        ? space.toUnit(t) : null;
                if (u != null) {
                    sources.add(new WarmStart.Source(u, direction.toMinimized(t.value())));
                }
            }
            if (sources.isEmpty()) {
                throw new IllegalArgumentException("none of the " + sourceTrials.size() + " source trials is a"
                        + " completed single-objective trial with every parameter of " + space.names());
            }
            WarmStart ws = WarmStart.of(sources);
            return CmaEs.start(key, 0, 0, lambda, ws.mean(), ws.sigma0(), ws.cov0(), sep, lrAdapt);
        }
        double s0 = sigma0 == null ? 1.0 / 6 : sigma0;
        return CmaEs.start(key, 0, 0, lambda, initialMean(space), s0, null, sep, lrAdapt);
    }

    /**
     * x0 in unit-cube coordinates; a parameter it leaves out starts at the centre of its range. A name it holds that
     * CMA-ES does not sample is ignored, as in Optuna (x0 is often a study's best parameters, categorical ones
     * included), but named in a warning, since it may be a misspelt one.
     */
    private double[] initialMean(UnitSpace space) {
        if (x0 != null) {
            List<String> ignored = x0.keySet().stream().filter(name -> !space.names().contains(name)).sorted().toList();
            if (!ignored.isEmpty()) {
                LOG.log(System.Logger.Level.WARNING, "CmaEsSampler ignores x0''s {0}: not among the numeric parameters"
                        + " {1} it samples (a misspelt name?)", ignored, space.names());
            }
        }
        double[] mean = new double[space.dimension()];
        for (int i = 0; i < mean.length; i++) {
            String name = space.names().get(i);
            if (x0 == null || !x0.containsKey(name)) {
                mean[i] = 0.5;
                continue;
            }
            try {
                mean[i] = space.toUnit(i, space.distribution(i).toInternal(x0.get(name)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("CmaEsSampler's x0 for '" + name + "': " + e.getMessage(), e);
            }
        }
        return mean;
    }

    /**
     * The state after this generation's update when λ of its trials are complete (the first λ by number); the
     * same state otherwise. Source trials of a warm start are not told: they shape only the start.
     */
    private CmaState tellIfComplete(Study study, CmaEs cma, CmaState state, UnitSpace space) {
        boolean maximize = study.direction() == Direction.MAXIMIZE;
        List<double[]> solutions = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (FrozenTrial t : completed(study).generation(study, state.generation())) {
            double[] x = rawPoint(t.systemAttrs().get(X_ATTR), space.dimension());
            if (x == null) {
                continue;
            }
            solutions.add(x);
            // an infinite value ranks last (or first), as in Optuna; the largest finite double keeps the state's
            // JSON and its flat-fitness test numeric
            double v = maximize ? -t.value() : t.value();
            values.add(Math.max(-Double.MAX_VALUE, Math.min(Double.MAX_VALUE, v)));
            if (solutions.size() == state.popsize()) {
                break;
            }
        }
        if (solutions.size() < state.popsize()) {
            return state;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        SplittableRandom restartRandom = DecisionStream.of(seed, RESTART_STREAM, state.generation());
        return cma.tell(state, solutions, v, restartRandom);
    }

    /**
     * A study's completed trials as this sampler needs them: the intersection of their search spaces, and grouped by
     * the generation they were asked in, each group in number order. A completed trial never changes, so each is
     * read once, when it first shows up, and a decision costs the trials finished since the last one rather than a
     * pass over the whole study.
     */
    private static final class CompletedTrials {

        private final FinishedTrials finished = new FinishedTrials();
        private final IncrementalIntersection intersection = new IncrementalIntersection();
        private final Map<Integer, TreeMap<Integer, FrozenTrial>> byGeneration = new HashMap<>();
        private int count;

        synchronized Map<String, Distribution> space(Study study) {
            catchUp(study);
            return intersection.space();
        }

        synchronized int count(Study study) {
            catchUp(study);
            return count;
        }

        synchronized Collection<FrozenTrial> generation(Study study, int generation) {
            catchUp(study);
            TreeMap<Integer, FrozenTrial> trials = byGeneration.get(generation);
            return trials == null ? List.of() : List.copyOf(trials.values());
        }

        private void catchUp(Study study) {
            List<FrozenTrial> complete = new ArrayList<>();
            for (FrozenTrial t : finished.update(study.trials())) {
                if (t.state() != TrialState.COMPLETE) {
                    continue;
                }
                complete.add(t);
                count++;
                if (t.systemAttrs().get(GENERATION_ATTR) instanceof Number g) {
                    byGeneration.computeIfAbsent(g.intValue(), k -> new TreeMap<>()).put(t.number(), t);
                }
            }
            intersection.update(complete);
        }
    }

    private static double[] rawPoint(Object attr, int n) {
        if (!(attr instanceof List<?> list) || list.size() != n) {
            return null;
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            if (!(list.get(i) instanceof Number num)) {
                return null;
            }
            x[i] = num.doubleValue();
        }
        return x;
    }

    @Override
    public double sampleIndependent(Study study, FrozenTrial trial, String name, Distribution distribution) {
        return independent.sampleIndependent(study, trial, name, distribution);
    }

    @Override
    public void beforeTrial(Study study, FrozenTrial trial) {
        independent.beforeTrial(study, trial);
    }

    @Override
    public void afterTrial(Study study, FrozenTrial trial, TrialState state, List<Double> values) {
        independent.afterTrial(study, trial, state, values);
    }
}
