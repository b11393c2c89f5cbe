package dev.hpo.sampler;

import dev.hpo.Direction;
import java.util.List;
import java.util.Locale;

/**
 * Samplers by name, for configuration ({@code hpo.sampler}, {@code @Objective(sampler = ...)}, the goal's
 * {@code sampler} parameter), and the sampler a study gets when it names none.
 */
public final class Samplers {

    /** Names {@link #byName} understands. */
    public static final List<String> NAMES = List.of("auto", "random", "tpe", "tpe-independent");

    private Samplers() {
    }

    /**
     * The sampler a study gets when none is given: {@link TpeSampler} for one objective, {@link RandomSampler}
     * for several (until a multi-objective sampler is registered).
     *
     * @param seed seeds the sampler; {@code null} for a random seed
     */
    public static Sampler createDefault(List<Direction> directions, Long seed) {
        if (directions.size() == 1) {
            return seed == null ? new TpeSampler() : new TpeSampler(seed);
        }
        return seed == null ? new RandomSampler() : new RandomSampler(seed);
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
            default -> throw new IllegalArgumentException("unknown sampler '" + name + "'; known samplers: "
                    + String.join(", ", NAMES));
        };
    }

    private static TpeSampler.Builder tpe(Long seed) {
        TpeSampler.Builder b = TpeSampler.builder();
        return seed == null ? b : b.seed(seed);
    }
}
