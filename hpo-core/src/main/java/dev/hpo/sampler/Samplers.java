package dev.hpo.sampler;

import dev.hpo.Direction;
import dev.hpo.sampler.nsga.ReferencePointSelection;
import java.util.List;
import java.util.Locale;

/**
 * Samplers by name, for configuration ({@code hpo.sampler}, {@code @Objective(sampler = ...)}, the goal's
 * {@code sampler} parameter), and the sampler a study gets when it names none. {@code qmc} is the scrambled Sobol
 * sequence; {@link GridSampler} and {@link PartialFixedSampler} need values and so are only built in code.
 */
public final class Samplers {

    /** Names {@link #byName} understands. */
    public static final List<String> NAMES = List.of("auto", "random", "tpe", "tpe-independent", "cmaes", "gp",
            "nsga2", "nsga3", "qmc", "sobol", "halton", "bruteforce", "brute-force");

    private Samplers() {
    }

    /**
     * The sampler a study gets when none is given: for one objective an {@link AutoSampler}, which picks GP,
     * CMA-ES or TPE for the study as it grows; for several objectives multi-objective {@link TpeSampler} (MOTPE).
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
     * A sampler by its configuration name (case-insensitive).
     *
     * @throws IllegalArgumentException naming the value and the known names
     */
    public static Sampler byName(String name, List<Direction> directions, Long seed) {
        String n = name == null ? "auto" : name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "auto", "" -> createDefault(directions, seed);
            case "random" -> seed == null ? new RandomSampler() : new RandomSampler(seed);
            case "tpe" -> seed == null ? new TpeSampler() : new TpeSampler(seed);
            case "tpe-independent" -> tpe(seed).multivariate(false).build();
            case "cmaes" -> seed == null ? new CmaEsSampler() : new CmaEsSampler(seed);
            case "gp" -> seed == null ? new GpSampler() : new GpSampler(seed);
            case "nsga2", "nsgaii", "nsga-ii" -> seed == null ? new NsgaIISampler() : new NsgaIISampler(seed);
            case "nsga3", "nsgaiii", "nsga-iii" -> nsga(seed).referencePoints(ReferencePointSelection.DEFAULT_DIVISIONS)
                    .build();
            case "qmc", "sobol" -> seed == null ? new QmcSampler() : new QmcSampler(QmcSampler.Type.SOBOL, seed);
            case "halton" -> seed == null ? QmcSampler.builder().type(QmcSampler.Type.HALTON).build()
                    : new QmcSampler(QmcSampler.Type.HALTON, seed);
            case "bruteforce", "brute-force" -> seed == null ? new BruteForceSampler() : new BruteForceSampler(seed);
            default -> throw new IllegalArgumentException("unknown sampler '" + name + "'; known samplers: "
                    + String.join(", ", NAMES));
        };
    }

    private static NsgaIISampler.Builder nsga(Long seed) {
        NsgaIISampler.Builder b = NsgaIISampler.builder();
        return seed == null ? b : b.seed(seed);
    }

    private static TpeSampler.Builder tpe(Long seed) {
        TpeSampler.Builder b = TpeSampler.builder();
        return seed == null ? b : b.seed(seed);
    }
}
