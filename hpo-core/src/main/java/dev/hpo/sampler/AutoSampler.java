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
 *   <li><b>Up to {@value #GP_TRIALS} finished trials</b>: {@link GpSampler}. Bayesian optimization with a GP is
 *       the most sample-efficient choice for the budgets of hyperparameter searches (it beat Optuna's TPE and
 *       CMA-ES on the project's benchmark problems at 100 trials), and its cost per trial, bounded by the GP's
 *       point cap, stays small next to any real objective.</li>
 *   <li><b>Beyond that</b>, on purely numeric spaces: {@link CmaEsSampler}, warm-started from the study's own
 *       trials, which keeps converging where a GP's cubic cost and capped memory stop paying; on spaces with
 *       categorical parameters TPE when available, GP otherwise.</li>
 * </ul>
 *
 * <p>TPE is looked up by name through {@link Samplers#byName}, so it is used as soon as it is registered there.
 * All delegates share the seed: same seed, same trials (sequentially). One instance may follow several studies;
 * each gets delegates of its own, so one study's phase or warm start never carries over to another.
 */
public final class AutoSampler implements Sampler {

    /** Finished trials up to which the GP is chosen. */
    public static final int GP_TRIALS = 250;

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
        if (d.cmaes == null && d.finished.count() < gpTrials) {
            return d.gp();
        }
        boolean categorical = intersection.values().stream().anyMatch(x -> x instanceof CategoricalDistribution);
        if (categorical || UnitSpace.numericPart(intersection).isEmpty()) {
            return tpeAvailable ? d.tpe(study) : d.gp();
        }
        if (d.cmaes == null) {
            d.cmaes = CmaEsSampler.builder().seed(seed).sourceTrials(study.trials(EnumSet.of(TrialState.COMPLETE)))
                    .build();
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
