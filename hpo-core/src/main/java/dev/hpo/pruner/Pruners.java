package dev.hpo.pruner;

import dev.hpo.NamedOptions;
import java.util.List;
import java.util.function.Supplier;

/**
 * Pruners by configuration name ({@code hpo.pruner}, {@code @Objective(pruner = ...)}), and the default one.
 *
 * <p>A name may carry options after a colon, {@code name:key=value,key=value}:
 * <ul>
 *   <li>{@code median} (the default) and {@code percentile}: {@code startup}, {@code warmup}, {@code interval},
 *       {@code min-trials}; {@code percentile} also {@code percentile}, 25 unless given (Optuna requires it; 25
 *       keeps the best quarter at each step, the value of Optuna's own example, and is clearly more aggressive
 *       than the median);</li>
 *   <li>{@code successive-halving} (alias {@code asha}): {@code min-resource} ({@code auto} or a number),
 *       {@code reduction-factor}, {@code min-early-stopping-rate}, {@code bootstrap-count};</li>
 *   <li>{@code hyperband}: {@code min-resource}, {@code max-resource} ({@code auto} or a number),
 *       {@code reduction-factor}, {@code bootstrap-count};</li>
 *   <li>{@code threshold}: {@code lower} and/or {@code upper} (one is required: a threshold pruner without bounds
 *       means nothing), {@code warmup}, {@code interval}; for example {@code threshold:upper=10};</li>
 *   <li>{@code wilcoxon}: {@code p-threshold} (default 0.1), {@code startup-steps} (default 2), for objectives that
 *       report one score per instance or fold ({@link WilcoxonPruner});</li>
 *   <li>{@code none} (alias {@code nop}): never prune.</li>
 * </ul>
 * {@link PatientPruner} wraps another pruner object and so is only built in code.
 */
public final class Pruners {

    /** Names {@link #byName} understands. */
    public static final List<String> NAMES = List.of("median", "percentile", "successive-halving", "asha",
            "hyperband", "threshold", "wilcoxon", "none");

    private static final List<String> PERCENTILE_OPTIONS = List.of("startup", "warmup", "interval", "min-trials");

    private Pruners() {
    }

    /** The pruner a study gets when none is given: the {@link MedianPruner} with Optuna's defaults. */
    public static Pruner createDefault() {
        return new MedianPruner();
    }

    /**
     * A pruner by its configuration name (case-insensitive), with options as described above.
     *
     * @throws IllegalArgumentException naming the value and the known names, or the bad option
     */
    public static Pruner byName(String name) {
        NamedOptions spec = new NamedOptions("pruner", name);
        Supplier<Pruner> factory = switch (spec.name()) {
            case "", "default", "median" -> () -> median(spec);
            case "percentile" -> () -> percentile(spec);
            case "successive-halving", "asha" -> () -> successiveHalving(spec);
            case "hyperband" -> () -> hyperband(spec);
            case "threshold" -> () -> threshold(spec);
            case "wilcoxon" -> () -> {
                spec.allowOnly(List.of("p-threshold", "startup-steps"));
                return new WilcoxonPruner(spec.doubleOption("p-threshold", 0.1), spec.intOption("startup-steps", 2));
            };
            case "none", "nop" -> () -> {
                spec.allowOnly(List.of());
                return new NopPruner();
            };
            default -> throw new IllegalArgumentException("unknown pruner '" + name + "'; known pruners: "
                    + String.join(", ", NAMES));
        };
        return spec.build(factory);
    }

    private static Pruner median(NamedOptions spec) {
        spec.allowOnly(PERCENTILE_OPTIONS);
        return new MedianPruner(spec.intOption("startup", 5), spec.intOption("warmup", 0),
                spec.intOption("interval", 1), spec.intOption("min-trials", 1));
    }

    private static Pruner percentile(NamedOptions spec) {
        spec.allowOnly(List.of("percentile", "startup", "warmup", "interval", "min-trials"));
        return new PercentilePruner(spec.doubleOption("percentile", 25.0), spec.intOption("startup", 5),
                spec.intOption("warmup", 0), spec.intOption("interval", 1), spec.intOption("min-trials", 1));
    }

    private static Pruner successiveHalving(NamedOptions spec) {
        spec.allowOnly(List.of("min-resource", "reduction-factor", "min-early-stopping-rate", "bootstrap-count"));
        SuccessiveHalvingPruner.Builder b = SuccessiveHalvingPruner.builder()
                .reductionFactor(spec.intOption("reduction-factor", 4))
                .minEarlyStoppingRate(spec.intOption("min-early-stopping-rate", 0))
                .bootstrapCount(spec.intOption("bootstrap-count", 0));
        Integer minResource = spec.intOrAuto("min-resource");
        return (minResource == null ? b.minResourceAuto() : b.minResource(minResource)).build();
    }

    private static Pruner hyperband(NamedOptions spec) {
        spec.allowOnly(List.of("min-resource", "max-resource", "reduction-factor", "bootstrap-count"));
        HyperbandPruner.Builder b = HyperbandPruner.builder()
                .minResource(spec.intOption("min-resource", 1))
                .reductionFactor(spec.intOption("reduction-factor", 3))
                .bootstrapCount(spec.intOption("bootstrap-count", 0));
        Integer maxResource = spec.intOrAuto("max-resource");
        return (maxResource == null ? b.maxResourceAuto() : b.maxResource(maxResource)).build();
    }

    private static Pruner threshold(NamedOptions spec) {
        spec.allowOnly(List.of("lower", "upper", "warmup", "interval"));
        if (!spec.has("lower") && !spec.has("upper")) {
            throw new IllegalArgumentException("pruner 'threshold' needs a bound, for example threshold:upper=10 or"
                    + " threshold:lower=0.1,upper=10");
        }
        ThresholdPruner.Builder b = ThresholdPruner.builder()
                .nWarmupSteps(spec.intOption("warmup", 0))
                .intervalSteps(spec.intOption("interval", 1));
        if (spec.has("lower")) {
            b.lower(spec.doubleOption("lower", 0));
        }
        if (spec.has("upper")) {
            b.upper(spec.doubleOption("upper", 0));
        }
        return b.build();
    }
}
