package dev.hpo.sampler;

import dev.hpo.Direction;
import dev.hpo.NamedOptions;
import dev.hpo.sampler.nsga.ReferencePointSelection;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Samplers by name, for configuration ({@code hpo.sampler}, {@code @Objective(sampler = ...)}, the goal's
 * {@code sampler} parameter), and the sampler a study gets when it names none. {@code qmc} is the scrambled Sobol
 * sequence; {@link GridSampler} and {@link PartialFixedSampler} need values and so are only built in code.
 *
 * <p>A name may carry options after a colon, {@code name:key=value,key=value}, the builders' options that a build
 * may want to set without code:
 * <ul>
 *   <li>{@code tpe} and {@code tpe-independent}: {@code startup} (start-up trials), {@code candidates} (ℓ(x)
 *       candidates per decision), {@code prior-weight}, {@code constant-liar}, {@code group}, {@code optuna-clip}
 *       (Optuna's bandwidth clip instead of hpo's), {@code improvement-weights}, {@code optuna} (every option as
 *       Optuna's {@code TPESampler}); {@code tpe} also {@code multivariate};</li>
 *   <li>{@code gp}: {@code startup}, {@code candidates}, {@code max-points}, {@code deterministic};</li>
 *   <li>{@code cmaes}: {@code startup}, {@code popsize}, {@code sigma0}, {@code separable}, {@code lr-adapt};</li>
 *   <li>{@code nsga2} and {@code nsga3}: {@code population}, {@code crossover-prob}, {@code mutation-prob};
 *       {@code nsga3} also {@code divisions} (of the reference points);</li>
 *   <li>{@code qmc}, {@code sobol} and {@code halton}: {@code scramble};</li>
 *   <li>{@code auto}, {@code random} and {@code bruteforce} take none.</li>
 * </ul>
 * For example {@code tpe:startup=20,constant-liar=true} or {@code gp:deterministic=true}. Boolean options are
 * {@code true} or {@code false}.
 */
public final class Samplers {

    /** Names {@link #byName} understands. */
    public static final List<String> NAMES = List.of("auto", "random", "tpe", "tpe-independent", "cmaes", "gp",
            "nsga2", "nsga3", "qmc", "sobol", "halton", "bruteforce", "brute-force");

    private Samplers() {
    }

    /**
     * The sampler a study gets when none is given: for one objective an {@link AutoSampler}, which picks GP,
     * CMA-ES or TPE by the study's size and number of parameters; for several objectives multi-objective
     * {@link TpeSampler} (MOTPE).
     * MOTPE beat NSGA-II clearly on the project's ZDT1/ZDT2 benchmark at 50, 100 and 200 trials (median
     * hypervolume 11.56 against 10.23 on ZDT1 and 10.90 against 9.66 on ZDT2 at 200 trials, 20 seeds; see
     * {@code hpo-bench/results/multi-objective.md}): a genetic algorithm needs many generations of its population
     * before it pays off, budgets that hyperparameter searches rarely have. NSGA-II stays available by name.
     *
     * @param seed seeds the sampler; {@code null} for a random seed
     */
    public static Sampler createDefault(List<Direction> directions, Long seed) {
        if (directions.size() > 1) {
            return seed == null ? new TpeSampler() : new TpeSampler(seed);
        }
        return seed == null ? new AutoSampler() : new AutoSampler(seed);
    }

    /**
     * A sampler by its configuration name (case-insensitive), with options as described above.
     *
     * @throws IllegalArgumentException naming the value and the known names, or the bad option
     */
    public static Sampler byName(String name, List<Direction> directions, Long seed) {
        NamedOptions spec = new NamedOptions("sampler", name);
        Supplier<Sampler> factory = switch (spec.name()) {
            case "auto", "" -> () -> {
                spec.allowOnly(List.of());
                return createDefault(directions, seed);
            };
            case "random" -> () -> {
                spec.allowOnly(List.of());
                return seed == null ? new RandomSampler() : new RandomSampler(seed);
            };
            case "tpe" -> () -> tpe(spec, seed, true);
            case "tpe-independent" -> () -> tpe(spec, seed, false);
            case "cmaes" -> () -> cmaes(spec, seed);
            case "gp" -> () -> gp(spec, seed);
            case "nsga2", "nsgaii", "nsga-ii" -> () -> nsga(spec, seed, false);
            case "nsga3", "nsgaiii", "nsga-iii" -> () -> nsga(spec, seed, true);
            case "qmc", "sobol" -> () -> qmc(spec, seed, QmcSampler.Type.SOBOL);
            case "halton" -> () -> qmc(spec, seed, QmcSampler.Type.HALTON);
            case "bruteforce", "brute-force" -> () -> {
                spec.allowOnly(List.of());
                return seed == null ? new BruteForceSampler() : new BruteForceSampler(seed);
            };
            default -> throw new IllegalArgumentException("unknown sampler '" + name + "'; known samplers: "
                    + String.join(", ", NAMES));
        };
        return spec.build(factory);
    }

    private static Sampler tpe(NamedOptions spec, Long seed, boolean multivariateByDefault) {
        List<String> options = new ArrayList<>(List.of("startup", "candidates", "prior-weight", "constant-liar",
                "group", "optuna-clip", "improvement-weights", "optuna"));
        if (multivariateByDefault) {
            options.add("multivariate");
        }
        spec.allowOnly(options);
        TpeSampler.Builder b = TpeSampler.builder();
        if (seed != null) {
            b.seed(seed);
        }
        b.multivariate(spec.booleanOption("multivariate", multivariateByDefault));
        spec.applyInt("startup", b::nStartupTrials);
        spec.applyInt("candidates", b::nEiCandidates);
        spec.applyDouble("prior-weight", b::priorWeight);
        spec.applyBoolean("constant-liar", b::constantLiar);
        spec.applyBoolean("group", b::group);
        if (spec.booleanOption("optuna", false)) {
            b.optunaDefaults();
        }
        if (spec.booleanOption("optuna-clip", false)) {
            b.optunaMagicClip();
        }
        spec.applyBoolean("improvement-weights", b::improvementWeights);
        return b.build();
    }

    private static Sampler gp(NamedOptions spec, Long seed) {
        spec.allowOnly(List.of("startup", "candidates", "max-points", "deterministic"));
        GpSampler.Builder b = GpSampler.builder();
        if (seed != null) {
            b.seed(seed);
        }
        spec.applyInt("startup", b::nStartupTrials);
        spec.applyInt("candidates", b::candidates);
        spec.applyInt("max-points", b::maxPoints);
        return b.deterministicObjective(spec.booleanOption("deterministic", false)).build();
    }

    private static Sampler cmaes(NamedOptions spec, Long seed) {
        spec.allowOnly(List.of("startup", "popsize", "sigma0", "separable", "lr-adapt"));
        CmaEsSampler.Builder b = CmaEsSampler.builder();
        if (seed != null) {
            b.seed(seed);
        }
        spec.applyInt("startup", b::nStartupTrials);
        spec.applyInt("popsize", b::popsize);
        spec.applyDouble("sigma0", b::sigma0);
        spec.applyBoolean("separable", b::separable);
        spec.applyBoolean("lr-adapt", b::lrAdapt);
        return b.build();
    }

    private static Sampler nsga(NamedOptions spec, Long seed, boolean referencePoints) {
        List<String> options = new ArrayList<>(List.of("population", "crossover-prob", "mutation-prob"));
        if (referencePoints) {
            options.add("divisions");
        }
        spec.allowOnly(options);
        NsgaIISampler.Builder b = NsgaIISampler.builder();
        if (seed != null) {
            b.seed(seed);
        }
        spec.applyInt("population", b::populationSize);
        spec.applyDouble("crossover-prob", b::crossoverProb);
        spec.applyDouble("mutation-prob", b::mutationProb);
        if (referencePoints) {
            b.referencePoints(spec.intOption("divisions", ReferencePointSelection.DEFAULT_DIVISIONS));
        }
        return b.build();
    }

    private static Sampler qmc(NamedOptions spec, Long seed, QmcSampler.Type type) {
        spec.allowOnly(List.of("scramble"));
        QmcSampler.Builder b = QmcSampler.builder().type(type).scramble(spec.booleanOption("scramble", true));
        return seed == null ? b.build() : b.seed(seed).build();
    }
}
