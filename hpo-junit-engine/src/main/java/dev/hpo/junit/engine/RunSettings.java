package dev.hpo.junit.engine;

import dev.hpo.Direction;
import dev.hpo.NamedOptions;
import dev.hpo.OptimizeOptions;
import dev.hpo.junit.Objective;
import dev.hpo.pruner.Pruner;
import dev.hpo.pruner.Pruners;
import dev.hpo.sampler.Sampler;
import dev.hpo.sampler.Samplers;
import dev.hpo.terminator.Terminator;
import java.time.Duration;
import java.util.List;
import java.util.logging.Logger;

/**
 * How one objective runs: its {@link Objective} annotation with the configuration parameters laid over it
 * (configuration wins, so that the goal or the command line can change a study without editing code).
 *
 * @param studyName the full study name, prefix included
 * @param directions one per value the objective returns (several for a multi-objective study)
 * @param trials more trials for this run; -1 for no limit
 * @param timeout the run's wall-clock budget, or {@code null}
 * @param seed the sampler's seed, or {@code null} for a random one
 * @param patience finished trials without a new best value after which the study stops; 0 for none (always for a
 *        multi-objective study, which has no best value)
 * @param terminator the terminator by name ({@code Terminator.byName}); empty or {@code none} for none (always for a
 *        multi-objective study)
 * @param trialTimeout the time one trial may take ({@code hpo.trialTimeout}, else {@code @Timeout}, else Jupiter's
 *        configured default, {@link TimeoutDefaults}), or {@code null}
 */
record RunSettings(String studyName, List<Direction> directions, int trials, Duration timeout, String sampler,
        String pruner, Long seed, int parallelism, double threshold, int patience, String terminator,
        JupiterTimeout.Limit trialTimeout) {

    private static final Logger LOG = Logger.getLogger(RunSettings.class.getName());

    static RunSettings of(ObjectiveDefinition definition, HpoConfiguration configuration) {
        Objective o = definition.annotation();
        int trials = configuration.trials() != null ? configuration.trials() : o.trials();
        long timeoutSeconds = configuration.timeoutSeconds() != null ? configuration.timeoutSeconds() : o.timeout();
        if (trials == -1 && timeoutSeconds == 0) {
            throw new IllegalArgumentException(definition.qualifiedMethodName() + ": trials = -1 (no limit) needs a"
                    + " timeout; set @Objective(timeout = ...) or the configuration parameter "
                    + HpoConfiguration.TIMEOUT);
        }
        Long seed = configuration.seed() != null ? configuration.seed()
                : o.seed() == Objective.NO_SEED ? null : o.seed();
        List<Direction> directions = ObjectiveParser.directions(o);
        int patience = configuration.patience() != null ? configuration.patience() : o.patience();
        String terminator = configuration.terminator() != null ? configuration.terminator() : o.terminator();
        if (directions.size() > 1 && (patience > 0 || createTerminator(terminator) != null)) {
            // the annotation cannot ask for them (a malformed objective); a configuration for every study can
            LOG.info(() -> definition.qualifiedMethodName() + " has " + directions.size() + " directions: the "
                    + "configured patience and terminator need a single objective and do not apply to it");
            patience = 0;
            terminator = "";
        }
        return new RunSettings(configuration.studyName(definition.studyName()), directions, trials,
                timeoutSeconds == 0 ? null : Duration.ofSeconds(timeoutSeconds),
                configuration.sampler() != null ? configuration.sampler() : o.sampler(),
                configuration.pruner() != null ? configuration.pruner() : o.pruner(),
                seed, configuration.parallelism(), o.threshold(), patience, terminator,
                configuration.trialTimeoutSeconds() != null  // hpo's own, which Jupiter's mode does not switch off
                        ? new JupiterTimeout.Limit(Duration.ofSeconds(configuration.trialTimeoutSeconds()),
                                HpoConfiguration.TRIAL_TIMEOUT, configuration.timeouts().threadDump())
                        : configuration.timeouts().trial(definition.trialTimeout()));
    }

    /** The study's terminator, or {@code null} for none. */
    Terminator createTerminator() {
        return createTerminator(terminator);
    }

    /**
     * A terminator by name, {@code null} for an empty name or {@code none}.
     *
     * @throws IllegalArgumentException for a name {@code Terminator.byName} does not know
     */
    static Terminator createTerminator(String name) {
        return name.isBlank() || name.strip().equalsIgnoreCase("none") ? null : Terminator.byName(name);
    }

    /** The sampler by name, or by class through {@code loader} (the objective class's) ({@link ComponentClasses}). */
    Sampler createSampler(ClassLoader loader) {
        return NamedOptions.namesClass(sampler) ? ComponentClasses.sampler(sampler, seed, loader)
                : Samplers.byName(sampler, directions, seed);
    }

    /** The pruner by name, or by class through {@code loader} (the objective class's). */
    Pruner createPruner(ClassLoader loader) {
        return NamedOptions.namesClass(pruner) ? ComponentClasses.pruner(pruner, loader) : Pruners.byName(pruner);
    }

    OptimizeOptions.Builder optimizeOptions() {
        return OptimizeOptions.builder().trials(trials).timeout(timeout).parallelism(parallelism);
    }
}
