package dev.hpo.sampler;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialState;
import dev.hpo.multi.ConstrainedDominance;
import dev.hpo.multi.Pareto;
import dev.hpo.sampler.gp.GpModel;
import dev.hpo.sampler.gp.LogEhviAcquisition;
import dev.hpo.space.Distribution;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.WeakHashMap;

/**
 * Gaussian-process Bayesian optimization: the most sample-efficient sampler for small budgets (tens to a few
 * hundred trials) on spaces of up to a few dozen parameters. Each trial fits a GP with a Matérn-5/2 kernel (one
 * length scale per parameter; categorical parameters by Hamming distance) to the completed trials in the unit
 * cube (log parameters in log space, targets standardized), and suggests the point that maximizes the logarithm
 * of expected improvement (Ament et al. 2023), searched over random quasi-Monte-Carlo candidates with local
 * refinement that keeps integers and categories on their values. Parameters outside the joint space, and the
 * first {@code nStartupTrials} trials, come from the independent sampler.
 *
 * <p>Failed and pruned trials (the objective threw or returned NaN, or the pruner stopped it): a GP of where
 * trials do not complete weighs the acquisition by the probability that a trial completes, so the sampler steers
 * around such a region instead of suggesting the same point again (Optuna's GP sampler uses completed trials only).
 * A trial that returned +∞ (minimizing) counts as the worst completed one, −∞ as the best, as in Optuna.
 *
 * <p>Parallel trials: points of RUNNING trials are added with their predicted value as a fantasy, so concurrent
 * workers get different suggestions. Cost per trial stays bounded: hyperparameters are refitted with a warm
 * start every trial while the study is small and every {@code n/10} trials later, and at most
 * {@code maxPoints} trials (the best half and the most recent rest) condition the model.
 *
 * <p>Constraints ({@code Trial.setConstraint}): one more GP per constraint is fitted to its values on the same
 * trials, and the acquisition becomes log EI + Σ log Φ(−μ_c/σ_c), the log of EI times the probability that every
 * constraint is at most 0 (Gardner et al. 2014, as Optuna's GPSampler does); EI improves on the best feasible
 * value, and until a feasible trial exists only the probability of feasibility is maximized. The constraint GPs
 * share the objective's point cap and refit schedule, so a trial costs about (1 + constraints) times as much.
 *
 * <p>Several objectives: one GP per objective, each with its own standardization and fitted hyperparameters, and
 * the acquisition becomes the logarithm of the expected hypervolume improvement (log EHVI) over the Pareto front of
 * the completed trials, as Optuna's GPSampler does since 4.4 (Daulton, Balandat and Bakshy 2020; the log form after
 * Ament et al. 2023). Hypervolume rewards a point for the whole region of objective space it adds to the front, so
 * the suggestions spread along the front instead of converging on one trade-off, and no weights between objectives
 * have to be chosen. EHVI is estimated from 128 quasi-random samples of the independent posteriors, fixed for each
 * suggestion so that the acquisition is a deterministic function the optimizer can climb, over a decomposition of
 * the non-dominated region into boxes; it is measured in the GPs' standardized scale, with Optuna's reference point
 * (the worst value seen in each objective, moved out by a tenth). That reference lies beyond the region a fixed
 * benchmark reference usually counts, and EHVI favours points whose posterior may pass the front's ends, so early
 * suggestions often go to the edges of the space. Constraints, failed and pruned trials and parallel trials are
 * handled as for one objective: the front is made of the feasible trials, log EHVI is added to the log probability
 * of feasibility (only the latter counts until a feasible trial exists), and running trials enter as fantasies.
 * Beyond {@code maxPoints} trials the model keeps the best half by constrained non-dominated rank and the most recent
 * rest. The cost per trial grows with the objectives (a GP each) and with the size of the front (the boxes: about
 * the front's size for two objectives, twice it for three, fast-growing beyond), so at most
 * {@value #MAX_OBJECTIVES} objectives are modelled.
 */
public final class GpSampler implements Sampler {

    /** The kind of {@link DecisionStream} each trial's point is drawn from. */
    private static final long TRIAL_STREAM = 0xD1B54A32D192ED03L;

    private final long seed;
    private final int nStartupTrials;
    private final int maxPoints;
    private final int candidates;
    private final Sampler independent;
    private final boolean deterministicObjective;
    /** The last fit of each modelled target: the objective ("" ) and each constraint by name. */
    private final Map<String, Fit> fits = new HashMap<>();
    /**
     * The points handed to trials still running, by study and trial number. A running trial's parameters reach the
     * storage only as its objective suggests them, so a trial asked for meanwhile (with parallelism) would otherwise
     * not see the point as pending and, the data being the same, get the same one.
     */
    private final Map<Study, Map<Integer, Map<String, Double>>> proposed = new WeakHashMap<>();

    private record Fit(String space, GpModel.Hyperparameters hyperparameters, int size) {
    }

    /** A sampler with a random seed and default options. */
    public GpSampler() {
        this(builder());
    }

    /** A sampler with default options: same seed, same trials (when run sequentially). */
    public GpSampler(long seed) {
        this(builder().seed(seed));
    }

    private GpSampler(Builder b) {
        this.seed = b.seed == null ? new SplittableRandom().nextLong() : b.seed;
        this.nStartupTrials = b.nStartupTrials;
        this.maxPoints = b.maxPoints;
        this.candidates = b.candidates;
        this.independent = b.independent == null ? new RandomSampler(seed) : b.independent;
        this.deterministicObjective = b.deterministicObjective;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Options of a {@link GpSampler}. */
    public static final class Builder {
        private Long seed;
        private int nStartupTrials = 10;
        private int maxPoints = 300;
        private int candidates = 512;
        private Sampler independent;
        private boolean deterministicObjective;

        private Builder() {
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Trials drawn by the independent sampler before the GP takes over (default 10, at least 1). */
        public Builder nStartupTrials(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("nStartupTrials must be at least 1, got " + n);
            }
            this.nStartupTrials = n;
            return this;
        }

        /** The most trials the GP is conditioned on (default 300, at least 10); bounds the cost per trial. */
        public Builder maxPoints(int n) {
            if (n < 10) {
                throw new IllegalArgumentException("maxPoints must be at least 10, got " + n);
            }
            this.maxPoints = n;
            return this;
        }

        /** Quasi-random candidates scored per suggestion before local refinement (default 512, at least 16). */
        public Builder candidates(int n) {
            if (n < 16) {
                throw new IllegalArgumentException("candidates must be at least 16, got " + n);
            }
            this.candidates = n;
            return this;
        }

        /** The sampler for start-up trials and parameters outside the joint space (default: RandomSampler). */
        public Builder independentSampler(Sampler sampler) {
            if (sampler == null) {
                throw new IllegalArgumentException("the independent sampler must not be null");
            }
            this.independent = sampler;
            return this;
        }

        /**
         * Whether the objective gives the same value every time for the same parameters (Optuna's
         * {@code deterministic_objective}; default false). The GPs of the objective values then keep their noise at
         * the floor instead of fitting it, so the model passes through the observed values; an objective with noise
         * (a validation score of a randomly initialized model, say) would be overfitted that way. Constraints and
         * the model of failed trials are fitted as usual.
         */
        public Builder deterministicObjective(boolean deterministic) {
            this.deterministicObjective = deterministic;
            return this;
        }

        public GpSampler build() {
            return new GpSampler(this);
        }
    }

    /**
     * The most objectives modelled. The boxes that the hypervolume improvement sums over, and the time to find them,
     * grow fast with the objectives: for a front of 200 points about 200, 400, 1,600 and 7,300 boxes for 2 to 5
     * objectives, found in under 0.1 s up to 3 objectives, about 1 s for 4 and 40 s for 5.
     */
    public static final int MAX_OBJECTIVES = 4;

    @Override
    public Map<String, Distribution> inferRelativeSearchSpace(Study study, FrozenTrial trial) {
        if (study.directions().size() > MAX_OBJECTIVES) {
            throw new UnsupportedOperationException("GpSampler models up to " + MAX_OBJECTIVES + " objectives, but study "
                    + study.name() + " has " + study.directions().size() + " (its hypervolume improvement would cost "
                    + "seconds to minutes per trial); use TPE or NSGA-III (sampler 'tpe' or 'nsga3') for so many");
        }
        return UnitSpace.withoutSingles(IntersectionSearchSpace.of(study, false));
    }

    /** Decisions are made one at a time, so that each sees the points of those made before it as pending. */
    @Override
    public synchronized Map<String, Double> sampleRelative(Study study, FrozenTrial trial,
            Map<String, Distribution> searchSpace) {
        if (searchSpace.isEmpty()) {
            return Map.of();
        }
        Map<Integer, Map<String, Double>> handedOut = proposed.computeIfAbsent(study, s -> new HashMap<>());
        Map<String, Double> point = decide(study, trial, searchSpace, handedOut);
        if (!point.isEmpty()) {
            handedOut.put(trial.number(), point);
        }
        return point;
    }

    private Map<String, Double> decide(Study study, FrozenTrial trial, Map<String, Distribution> searchSpace,
            Map<Integer, Map<String, Double>> handedOut) {
        UnitSpace space = new UnitSpace(searchSpace);
        List<Direction> directions = study.directions();
        List<Observation> observed = new ArrayList<>();
        List<double[]> stopped = new ArrayList<>();
        for (FrozenTrial t : study.trials(EnumSet.of(TrialState.COMPLETE, TrialState.FAIL, TrialState.PRUNED))) {
            double[] x = space.toUnit(t);
            if (x == null) {
                continue;
            }
            if (t.state() != TrialState.COMPLETE) {
                stopped.add(x);
            } else {
                observed.add(new Observation(t, x, minimized(t, directions)));
            }
        }
        clipInfinities(observed, directions.size());
        if (observed.size() < nStartupTrials) {
            return Map.of();
        }
        List<Observation> training = selectTraining(observed, directions);
        double[][] x = new double[training.size()][];
        for (int i = 0; i < x.length; i++) {
            x[i] = training.get(i).x();
        }
        List<double[]> pending = new ArrayList<>();
        for (FrozenTrial t : study.trials(EnumSet.of(TrialState.RUNNING))) {
            if (t.number() == trial.number()) {
                continue;
            }
            double[] p = space.toUnit(t);
            if (p == null && handedOut.containsKey(t.number())) {
                p = space.toUnit(handedOut.get(t.number()));
            }
            if (p != null) {
                pending.add(p);
            }
        }
        GpModel model = new GpModel(space);
        String spaceKey = String.join("\u0000", searchSpace.keySet()) + searchSpace.values();
        List<GpModel.Posterior> constraints = constraintPosteriors(model, spaceKey, training);
        if (!stopped.isEmpty()) {
            constraints.add(stoppedPosterior(model, spaceKey, training, stopped));
        }
        SplittableRandom random = DecisionStream.of(seed, TRIAL_STREAM, trial.number());
        List<double[]> taken = new ArrayList<>(pending);
        observed.forEach(o -> taken.add(o.x()));
        taken.addAll(stopped);
        if (directions.size() > 1) {
            return space.toParams(maximizeLogEhvi(model, space, directions, spaceKey, training, pending, constraints,
                    random, taken));
        }
        double[] y = new double[training.size()];
        boolean[] feasible = new boolean[x.length];
        boolean feasibleSeen = false;
        for (int i = 0; i < x.length; i++) {
            y[i] = training.get(i).y()[0];
            feasible[i] = training.get(i).feasible();
            feasibleSeen |= feasible[i];
        }
        GpModel.Hyperparameters h = hyperparameters(model, "", spaceKey, x, y, deterministicObjective);
        GpModel.Posterior posterior = model.condition(x, y, pending, h, feasible);
        List<double[]> incumbents = training.stream().sorted(BEST_FIRST).limit(5).map(Observation::x).toList();
        if (constraints.isEmpty()) {
            return space.toParams(posterior.maximizeLogEi(random, incumbents, taken, candidates));
        }
        return space.toParams(posterior.maximizeConstrainedLogEi(random, incumbents, taken, candidates, constraints,
                feasibleSeen));
    }

    /** The trial's values turned to minimization. */
    private static double[] minimized(FrozenTrial t, List<Direction> directions) {
        double[] y = new double[directions.size()];
        for (int j = 0; j < y.length; j++) {
            y[j] = directions.get(j).toMinimized(t.values().get(j));
        }
        return y;
    }

    /**
     * An infinite value (a diverged run) becomes the worst finite value of its objective, and −∞ the best, as in
     * Optuna's GP sampler: a GP cannot fit an infinity, and leaving such trials out made the region that returns
     * them look unexplored, so the search went back to it trial after trial. With no finite value at all, 0.
     */
    private static void clipInfinities(List<Observation> observed, int objectives) {
        for (int j = 0; j < objectives; j++) {
            double best = Double.POSITIVE_INFINITY;
            double worst = Double.NEGATIVE_INFINITY;
            for (Observation o : observed) {
                double v = o.y()[j];
                if (Double.isFinite(v)) {
                    best = Math.min(best, v);
                    worst = Math.max(worst, v);
                }
            }
            if (best > worst) {
                best = 0;
                worst = 0;
            }
            for (Observation o : observed) {
                double v = o.y()[j];
                o.y()[j] = v == Double.POSITIVE_INFINITY ? worst : v == Double.NEGATIVE_INFINITY ? best : v;
            }
        }
    }

    /**
     * Several objectives: one GP per objective, each with its own standardization and hyperparameters, and the
     * point of largest log EHVI over the front of the feasible training trials (times the probability of
     * feasibility). The points of that front, in random order, are the incumbents the search perturbs.
     */
    private double[] maximizeLogEhvi(GpModel model, UnitSpace space, List<Direction> directions, String spaceKey,
            List<Observation> training, List<double[]> pending, List<GpModel.Posterior> constraints,
            SplittableRandom random, List<double[]> taken) {
        double[][] x = training.stream().map(Observation::x).toArray(double[][]::new);
        int m = directions.size();
        List<GpModel.Posterior> objectives = new ArrayList<>();
        for (int j = 0; j < m; j++) {
            double[] y = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                y[i] = training.get(i).y()[j];
            }
            GpModel.Hyperparameters h =
                    hyperparameters(model, "objective " + j, spaceKey, x, y, deterministicObjective);
            objectives.add(model.condition(x, y, pending, h));
        }
        List<Observation> feasible = training.stream().filter(Observation::feasible).toList();
        double[][] front = feasible.stream().map(Observation::y).toArray(double[][]::new);
        LogEhviAcquisition acquisition = new LogEhviAcquisition(space, objectives, front, constraints, random);
        List<double[]> incumbents = new ArrayList<>();
        for (Observation o : feasible) {
            if (feasible.stream().noneMatch(p -> Pareto.dominates(p.trial().values(), o.trial().values(), directions))) {
                incumbents.add(o.x());
            }
        }
        for (int i = incumbents.size() - 1; i > 0; i--) {
            java.util.Collections.swap(incumbents, i, random.nextInt(i + 1));
        }
        return acquisition.maximize(random, incumbents, taken, candidates);
    }

    /** Feasible observations first, then by objective (minimized). */
    private static final Comparator<Observation> BEST_FIRST = Comparator.comparing((Observation o) -> !o.feasible())
            .thenComparingDouble(o -> o.y()[0]);

    /**
     * One posterior per constraint that the training trials report, fitted to the finite values of the trials
     * that have it (a constraint known on fewer than two trials is left out until it is known on more).
     */
    private List<GpModel.Posterior> constraintPosteriors(GpModel model, String spaceKey, List<Observation> training) {
        Set<String> names = new TreeSet<>();
        training.forEach(o -> names.addAll(o.constraints().keySet()));
        List<GpModel.Posterior> out = new ArrayList<>();
        for (String name : names) {
            List<double[]> xs = new ArrayList<>();
            List<Double> cs = new ArrayList<>();
            for (Observation o : training) {
                Double c = o.constraints().get(name);
                if (c != null && Double.isFinite(c)) {
                    xs.add(o.x());
                    cs.add(c);
                }
            }
            if (xs.size() < 2) {
                continue;
            }
            double[][] x = xs.toArray(new double[0][]);
            double[] c = cs.stream().mapToDouble(Double::doubleValue).toArray();
            GpModel.Hyperparameters h = hyperparameters(model, "constraint:" + name, spaceKey, x, c, false);
            out.add(model.condition(x, c, List.of(), h));
        }
        return out;
    }

    /**
     * Not completing as one more constraint (Gelbart et al. 2014, "Bayesian optimization with unknown constraints"):
     * a GP fitted to +1 at the points of failed and pruned trials and −1 at the training points, so that the
     * acquisition weighs expected improvement by the probability that a trial there runs to completion. Left out, a
     * failed or pruned point stays as attractive as before, and the acquisition's optimum (nearly deterministic) is
     * suggested again and again: a study whose objective throws in some region, or whose pruner stops trials there,
     * spent the rest of its budget on one point. Imputing the worst value instead would bend the objective's model
     * next to that region, where optima often are (the largest learning rate that does not diverge). Only the most
     * recent {@code maxPoints} such trials count, which bounds the cost.
     */
    private GpModel.Posterior stoppedPosterior(GpModel model, String spaceKey, List<Observation> training,
            List<double[]> stopped) {
        List<double[]> recent = stopped.subList(Math.max(0, stopped.size() - maxPoints), stopped.size());
        double[][] x = new double[training.size() + recent.size()][];
        double[] c = new double[x.length];
        for (int i = 0; i < training.size(); i++) {
            x[i] = training.get(i).x();
            c[i] = -1;
        }
        for (int i = 0; i < recent.size(); i++) {
            x[training.size() + i] = recent.get(i);
            c[training.size() + i] = 1;
        }
        GpModel.Hyperparameters h = hyperparameters(model, "stopped", spaceKey, x, c, false);
        return model.condition(x, c, List.of(), h);
    }

    /** Refits with a warm start when the data grew enough since the last fit; reuses the last fit otherwise. */
    private synchronized GpModel.Hyperparameters hyperparameters(GpModel model, String target, String spaceKey,
            double[][] x, double[] y, boolean noiseFree) {
        int n = x.length;
        Fit last = fits.get(target);
        boolean sameSpace = last != null && spaceKey.equals(last.space());
        if (sameSpace && n - last.size() < Math.max(1, n / 10)) {
            return last.hyperparameters();
        }
        GpModel.Hyperparameters warm = sameSpace ? last.hyperparameters() : null;
        GpModel.Hyperparameters fitted = model.fit(x, y, warm, warm == null ? 60 : 20, noiseFree);
        fits.put(target, new Fit(spaceKey, fitted, n));
        return fitted;
    }

    /**
     * All observations up to maxPoints; beyond that the best half (feasible ones first; with several objectives by
     * constrained non-dominated rank) and the most recent rest.
     */
    private List<Observation> selectTraining(List<Observation> observed, List<Direction> directions) {
        if (observed.size() <= maxPoints) {
            return observed;
        }
        List<Observation> byValue;
        if (directions.size() == 1) {
            byValue = new ArrayList<>(observed);
            byValue.sort(BEST_FIRST);
        } else {
            byValue = byFront(observed, directions);
        }
        List<Observation> chosen = new ArrayList<>(byValue.subList(0, maxPoints / 2));
        java.util.Set<Integer> taken = new java.util.HashSet<>();
        chosen.forEach(o -> taken.add(o.number()));
        for (int i = observed.size() - 1; i >= 0 && chosen.size() < maxPoints; i--) {
            if (!taken.contains(observed.get(i).number())) {
                chosen.add(observed.get(i));
            }
        }
        return chosen;
    }

    /** Observations front by front (Deb's constrained domination: feasible trials first), each front in trial order. */
    private static List<Observation> byFront(List<Observation> observed, List<Direction> directions) {
        Map<FrozenTrial, Observation> byTrial = new IdentityHashMap<>();
        observed.forEach(o -> byTrial.put(o.trial(), o));
        List<Observation> out = new ArrayList<>();
        List<FrozenTrial> trials = observed.stream().map(Observation::trial).toList();
        for (List<FrozenTrial> front : ConstrainedDominance.fronts(trials, directions)) {
            front.forEach(t -> out.add(byTrial.get(t)));
        }
        return out;
    }

    /** A completed trial: its point in the unit cube and its values minimized, infinities clipped. */
    private record Observation(FrozenTrial trial, double[] x, double[] y) {
        int number() {
            return trial.number();
        }

        boolean feasible() {
            return trial.isFeasible();
        }

        Map<String, Double> constraints() {
            return trial.constraints();
        }
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
        synchronized (this) {
            Map<Integer, Map<String, Double>> handedOut = proposed.get(study);
            if (handedOut != null) {
                handedOut.remove(trial.number());
            }
        }
        independent.afterTrial(study, trial, state, values);
    }
}
