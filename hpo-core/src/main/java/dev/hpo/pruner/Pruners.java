package dev.hpo.pruner;

import java.util.List;
import java.util.Locale;

/** Pruners by configuration name ({@code hpo.pruner}, {@code @Objective(pruner = ...)}), and the default one. */
public final class Pruners {

    /** Names {@link #byName} understands. */
    public static final List<String> NAMES = List.of("none");

    private Pruners() {
    }

    /** The pruner a study gets when none is given. */
    public static Pruner createDefault() {
        return new NopPruner();
    }

    /**
     * A pruner by its configuration name (case-insensitive), with its default options.
     *
     * @throws IllegalArgumentException naming the value and the known names
     */
    public static Pruner byName(String name) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "", "default" -> createDefault();
            case "none", "nop" -> new NopPruner();
            default -> throw new IllegalArgumentException("unknown pruner '" + name + "'; known pruners: "
                    + String.join(", ", NAMES));
        };
    }
}
