package dev.hpo.maven;

import dev.hpo.Direction;
import dev.hpo.NamedOptions;
import dev.hpo.pruner.Pruners;
import dev.hpo.sampler.Samplers;
import dev.hpo.terminator.Terminator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The study settings of {@code hpo:optimize}, validated, and turned into the JUnit configuration parameters the
 * forked engine reads ({@code hpo.mode=study}, {@code hpo.trials}, ...). Unset values ({@code null}) are left to
 * the objective's {@code @Objective} attributes and the engine's defaults. The ranges of the numbers are
 * {@link WholeNumberParameter}s, with which the goal reads the text the user gave.
 *
 * @param trials how many more trials each study runs in this build; -1 for no limit, with a timeout here or in the
 *        objective's {@code @Objective(timeout)} (the forked engine fails an objective that has neither, naming it)
 * @param timeoutSeconds wall-clock budget of each study in seconds; no new trial starts after it
 * @param sampler a sampler name of {@link Samplers#NAMES}
 * @param pruner a pruner name of {@link Pruners#NAMES}
 * @param seed seeds the samplers, for reproducible studies
 * @param parallelism trials evaluated at once within a study
 * @param storage the storage URL the engine writes and the goal reads back
 * @param objectives comma-separated study names to run; {@code null} for all
 * @param studyPrefix prepended to every study name (to share one storage between projects)
 * @param heartbeatSeconds how often a running trial tells the storage it is alive, so that other workers can mark
 *        FAIL the trials of a worker that died; {@code null} for no heartbeats
 * @param patience finished trials without a new best value after which a study stops; 0 for none, {@code null} for
 *        the objective's {@code @Objective(patience)}
 * @param terminator {@code cv}, the objective's known error as a number, or {@code none}: stops a study once
 *        further trials would chase noise; {@code null} for the objective's {@code @Objective(terminator)}
 * @param trialTimeoutSeconds the time one trial may take before it is interrupted and fails; {@code null} for the
 *        objective's {@code @Timeout}, if any
 */
public record OptimizeParameters(Integer trials, Integer timeoutSeconds, String sampler, String pruner, Long seed,
        Integer parallelism, String storage, String objectives, String studyPrefix, Integer heartbeatSeconds,
        Integer patience, String terminator, Integer trialTimeoutSeconds) {

    /** Configuration parameter keys, as the engine reads them. */
    static final String MODE = "hpo.mode";

    // -1 needs a timeout, which the objective's @Objective(timeout) may give: the engine checks each objective
    static final WholeNumberParameter TRIALS = new WholeNumberParameter("trials", n -> n >= 1 || n == -1,
            Integer.MAX_VALUE, "an integer of at least 1, or -1 (no limit) together with hpo.timeout or"
                    + " @Objective(timeout)");
    static final WholeNumberParameter TIMEOUT = WholeNumberParameter.atLeast("timeout", 1, "an integer of at least 1");
    static final WholeNumberParameter SEED = new WholeNumberParameter("seed", n -> true, Long.MAX_VALUE,
            "an integer from " + Long.MIN_VALUE + " to " + Long.MAX_VALUE);
    static final WholeNumberParameter PARALLELISM = new WholeNumberParameter("parallelism", n -> n >= 1 || n == -1,
            Integer.MAX_VALUE, "an integer of at least 1, or -1 for one trial per processor");
    static final WholeNumberParameter HEARTBEAT = WholeNumberParameter.atLeast("heartbeat", 1,
            "an integer of at least 1");
    static final WholeNumberParameter PATIENCE = WholeNumberParameter.atLeast("patience", 0,
            "an integer of at least 0");
    static final WholeNumberParameter TRIAL_TIMEOUT = WholeNumberParameter.atLeast("trialTimeout", 1,
            "an integer of at least 1");

    public OptimizeParameters {
        TRIALS.check(trials);
        TIMEOUT.check(timeoutSeconds);
        PARALLELISM.check(parallelism);
        HEARTBEAT.check(heartbeatSeconds);
        PATIENCE.check(patience);
        TRIAL_TIMEOUT.check(trialTimeoutSeconds);
        sampler = blankToNull(sampler);
        pruner = blankToNull(pruner);
        objectives = blankToNull(objectives);
        studyPrefix = blankToNull(studyPrefix);
        terminator = blankToNull(terminator);
        if (terminator != null && !terminator.equalsIgnoreCase("none")) {
            try {
                Terminator.byName(terminator);
            } catch (IllegalArgumentException e) {
                throw new InvalidParameterException("terminator", "hpo.terminator", terminator,
                        "'cv' (the error of the best trial's cross-validation scores), 'median' (a hundredth of the"
                                + " early regret bounds), 'emmr' (the same with the expected minimum model regret), the"
                                + " objective's known error as a number of at least 0, or"
                                + " 'none'");
            }
        }
        if (sampler != null && !NamedOptions.namesClass(sampler)) {  // a class: the fork loads it from the project
            try {
                Samplers.byName(sampler, List.of(Direction.MINIMIZE), seed);
            } catch (IllegalArgumentException e) {
                throw invalidNamed("sampler", sampler, Samplers.NAMES, e);
            }
        }
        if (pruner != null && !NamedOptions.namesClass(pruner)) {
            try {
                Pruners.byName(pruner);
            } catch (IllegalArgumentException e) {
                throw invalidNamed("pruner", pruner, Pruners.NAMES, e);
            }
        }
        storage = StorageUrl.checkForFork(storage);
    }

    /**
     * An unknown name lists the known ones; a known sampler or pruner with a bad option gets its own message, which
     * names the option and the fix.
     */
    private static InvalidParameterException invalidNamed(String parameter, String value, List<String> names,
            IllegalArgumentException e) {
        String name = value.split(":", 2)[0].trim().toLowerCase(Locale.ROOT);
        if (!names.contains(name)) {
            return new InvalidParameterException(parameter, "hpo." + parameter, value,
                    "one of " + String.join(", ", names));
        }
        String reason = e.getMessage();
        String echo = parameter + " '" + value + "': ";
        return InvalidParameterException.because(parameter, "hpo." + parameter, value,
                reason.startsWith(echo) ? reason.substring(echo.length()) : reason);
    }

    /** The configuration parameters of the forked launcher, in a stable order. */
    public Map<String, String> configurationParameters() {
        Map<String, String> p = new LinkedHashMap<>();
        p.put(MODE, "study");
        put(p, "hpo.trials", trials);
        put(p, "hpo.timeout", timeoutSeconds);
        put(p, "hpo.sampler", sampler);
        put(p, "hpo.pruner", pruner);
        put(p, "hpo.seed", seed);
        put(p, "hpo.parallelism", parallelism);
        put(p, "hpo.storage", storage);
        put(p, "hpo.objectives", objectives);
        put(p, "hpo.study.prefix", studyPrefix);
        put(p, "hpo.heartbeat", heartbeatSeconds);
        put(p, "hpo.patience", patience);
        put(p, "hpo.terminator", terminator);
        put(p, "hpo.trialTimeout", trialTimeoutSeconds);
        return p;
    }

    private static void put(Map<String, String> p, String key, Object value) {
        if (value != null) {
            p.put(key, value.toString());
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
