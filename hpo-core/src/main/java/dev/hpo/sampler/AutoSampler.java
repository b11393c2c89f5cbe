package dev.hpo.sampler;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialState;
import dev.hpo.space.CategoricalDistribution;
import dev.hpo.space.Distribution;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default sampler: picks, trial by trial, the sampler that is strongest for the study as it stands, in the
 * spirit of Optuna's AutoSampler (optunahub), and delegates the whole trial to it.
 *
 * <ul>
 *   <li><b>Several objectives</b>: multi-objective TPE (MOTPE) when it is available, random sampling otherwise;
 *       MOTPE beat NSGA-II at 50 to 200 trials on the project's ZDT1/ZDT2 benchmark
 *       ({@code hpo-bench/results/multi-objective.md}), the same choice as {@link Samplers#createDefault}.</li>
 *   <li><b>Conditional spaces</b> (a parameter that some finished trials have and others lack): TPE when available,
 *       since a joint model over the intersection ignores the conditional parameters; otherwise GP.</li>
 *   <li><b>More than {@value #GP_MAX_DIMENSION} numeric parameters, none categorical</b>: {@link CmaEsSampler}
 *       from the first trial whose space is known (the second, sequentially), started at the centre of the space.
 *       In that many dimensions the GP stops paying (one length scale to fit per parameter, the acquisition's
 *       maximum to find in a huge box): CMA-ES reached a lower median regret after 200 trials on two of three
 *       standard functions at 40 and 80 dimensions ({@code hpo-bench/results/auto-dimension.md}).</li>
 *   <li><b>Up to {@value #GP_TRIALS} finished trials</b> otherwise: {@link GpSampler}. Bayesian optimization with
 *       a GP is the most sample-efficient choice for the budgets of hyperparameter searches (it beat Optuna's TPE
 *       and CMA-ES on the project's benchmark problems at 100 trials), and its cost per trial, bounded by the GP's
 *       point cap, stays small next to any real objective. This holds for wide spaces with categorical parameters
 *       too, where TPE, the alternative, did worse than the GP up to 80 dimensions.</li>
 *   <li><b>Beyond that</b>, on purely numeric spaces: {@link CmaEsSampler}, warm-started from the study's own
 *       trials, which keeps converging where a GP's cubic cost and capped memory stop paying; on spaces with
 *       categorical parameters TPE when available, GP otherwise.</li>
 * </ul>
 *
 * <p>Trials asked for before any trial has finished, whose space nothing tells yet, go to the GP, which draws them
 * at random as CMA-ES would; parameters with a single value do not count towards the dimension.
 *
 * <p>TPE is looked up by name through {@link Samplers#byName}, so it is used as soon as it is registered there.
 * All delegates share the seed: same seed, same trials (sequentially). One instance may follow several studies;
 * each gets delegates of its own, so one study's phase or warm start never carries over to another.
 */
public final class AutoSampler implements Sampler {

    /** Finished trials up to which the GP is chosen. */
    public static final int GP_TRIALS = 250;

    /**
     * The most numeric parameters for which the GP is chosen; on a purely numeric space of more, CMA-ES is chosen
     * from the start. Measured on Rosenbrock, Ackley and Levy at 10 to 160 dimensions, 10 seeds × 200 trials
     * ({@code hpo-bench/results/auto-dimension.md}): the GP's median regret after 200 trials was the lowest on all
     * three problems up to 30 dimensions (at 30: 2.9e4 against CMA-ES's 3.5e4, 4.1 against 6.9, 24 against 30), but
     * at 40 and 80 CMA-ES's was lower on two of the three (Levy at 80: 190 against 242; Rosenbrock at 80: 6.1e5
     * against 1.2e6), for a hundredth of the time or less. (At 160, where neither came near the value at the centre
     * of the box within 200 trials, the GP was ahead on two.) The GP's time is not what sets the limit: 14 to 17 ms
     * of CPU per trial near trial 200 at 30 dimensions, 33 to 47 ms at 80, 56 to 83 ms at 160.
     * Spaces with a categorical parameter keep the GP: TPE, the alternative there, had a higher median regret after
     * 200 trials than the GP at 20, 40 and 80 dimensions (Levy with a quarter of its parameters categorical).
     */
    public static final int GP_MAX_DIMENSION = 30;

    private final long seed;
    private final int gpTrials;
    /** Per study, its delegates and its finished trials' space: one instance may follow several studies. */
    private final Map<Study, Delegates> studies = new WeakHashMap<>();

    /** A sampler with a random seed. */
    public AutoSampler() {
        this(new SplittableRandom().nextLong());
    }

    public AutoSampler(long seed) {
        this(seed, GP_TRIALS);
    }

    /** With another switch-over point from GP to CMA-ES or TPE (for tests and experiments). */
    AutoSampler(long seed, int gpTrials) {
        this.seed = seed;
        this.gpTrials = gpTrials;
    }

    /** Which sampler a new trial of the study gets now, by the rules of the class comment. */
    synchronized Sampler choose(Study study) {
        Delegates d = delegates(study);
        boolean tpeAvailable = Samplers.NAMES.contains("tpe");
        if (study.directions().size() > 1) {
            return tpeAvailable ? d.tpe(study) : d.random();
        }
        d.intersection.update(d.finished.update(study.trials()));
        Map<String, Distribution> intersection = d.intersection.space();
        if (d.intersection.conditional() && tpeAvailable) {
            return d.tpe(study);
        }
        boolean categorical = intersection.values().stream().anyMatch(x -> x instanceof CategoricalDistribution);
        Map<String, Distribution> numeric = UnitSpace.numericPart(intersection);
        boolean forCmaEs = !categorical && !numeric.isEmpty();
        boolean gpPhaseOver = d.finished.count() >= gpTrials;
        if (d.cmaes == null && !gpPhaseOver && !(forCmaEs && numeric.size() > GP_MAX_DIMENSION)) {
            return d.gp();
        }
        if (!forCmaEs) {
            return tpeAvailable ? d.tpe(study) : d.gp();
        }
        if (d.cmaes == null) {
            // after the GP phase, from where the GP got to; skipping the GP, from the centre of the space
            CmaEsSampler.Builder cmaes = CmaEsSampler.builder().seed(seed);
            if (gpPhaseOver) {
                cmaes.sourceTrials(study.trials(EnumSet.of(TrialState.COMPLETE)));
            }
            d.cmaes = cmaes.build();
        }
        return d.cmaes;
    }

    private synchronized Delegates delegates(Study study) {
        return studies.computeIfAbsent(study, s -> new Delegates());
    }

    private Sampler delegate(Study study, FrozenTrial trial) {
        return delegates(study).byTrial.computeIfAbsent(trial.number(), n -> choose(study));
    }

    @Override
    public void beforeTrial(Study study, FrozenTrial trial) {
        delegate(study, trial).beforeTrial(study, trial);
    }

    @Override
    public Map<String, Distribution> inferRelativeSearchSpace(Study study, FrozenTrial trial) {
        return delegate(study, trial).inferRelativeSearchSpace(study, trial);
    }

    @Override
    public Map<String, Double> sampleRelative(Study study, FrozenTrial trial, Map<String, Distribution> searchSpace) {
        return delegate(study, trial).sampleRelative(study, trial, searchSpace);
    }

    @Override
    public double sampleIndependent(Study study, FrozenTrial trial, String name, Distribution distribution) {
        return delegate(study, trial).sampleIndependent(study, trial, name, distribution);
    }

    @Override
    public void afterTrial(Study study, FrozenTrial trial, TrialState state, List<Double> values) {
        Sampler s = delegates(study).byTrial.remove(trial.number());
        if (s != null) {
            s.afterTrial(study, trial, state, values);
        }
    }

    /**
     * One study's delegates, made when first chosen, and its COMPLETE and PRUNED trials, each folded into the
     * intersection of their spaces once.
     */
    private final class Delegates {
        final FinishedTrials finished = new FinishedTrials();
        final IncrementalIntersection intersection = new IncrementalIntersection();
        /** The sampler each running trial was given, by trial number. */
        final Map<Integer, Sampler> byTrial = new ConcurrentHashMap<>();
        GpSampler gp;
        CmaEsSampler cmaes;
        Sampler tpe;
        Sampler random;

        GpSampler gp() {
            if (gp == null) {
                gp = new GpSampler(seed);
            }
            return gp;
        }

        Sampler tpe(Study study) {
            if (tpe == null) {
                tpe = Samplers.byName("tpe", study.directions(), seed);
            }
            return tpe;
        }

        Sampler random() {
            if (random == null) {
                random = new RandomSampler(seed);
            }
            return random;
        }
    }
}
