package dev.hpo.junit.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * The engine's configuration parameters ({@code hpo.*}), read from JUnit's {@link ConfigurationParameters} and so
 * in JUnit's order of precedence: the launcher (what {@code hpo:optimize} or surefire's
 * {@code configurationParameters} pass), then system properties, then {@code junit-platform.properties}. Values
 * left out are {@code null} and leave the objective's {@code @Objective} defaults in force. A value that does not
 * parse is an {@link IllegalArgumentException} naming the key, the value and what is expected.
 *
 * @param trials {@code hpo.trials}: more trials per study run, at least 1; -1 for no limit (needs a timeout)
 * @param timeoutSeconds {@code hpo.timeout}: seconds per study run; 0 for none
 * @param sampler {@code hpo.sampler}: a sampler name for every objective
 * @param pruner {@code hpo.pruner}: a pruner name for every objective
 * @param seed {@code hpo.seed}: the sampler's seed for every objective
 * @param parallelism {@code hpo.parallelism}: trials evaluated at once (default 1)
 * @param storage {@code hpo.storage}: a storage URL; in study mode {@code memory:} when absent, in smoke mode
 *        read only, for the best known parameters
 * @param studyPrefix {@code hpo.study.prefix}: put in front of every study name as it is (default none)
 * @param objectives {@code hpo.objectives}: comma-separated study names ({@code *} matches any text) of the
 *        objectives to run; empty for all
 * @param heartbeatSeconds {@code hpo.heartbeat}: seconds between a running trial's heartbeats in study mode, so that
 *        a worker that died has its trials marked FAIL by the next one ({@code Study.Builder.heartbeatInterval});
 *        {@code null} for none
 * @param patience {@code hpo.patience}: finished trials without a new best value after which a study stops; 0 for
 *        none
 * @param terminator {@code hpo.terminator}: when a study stops because further trials would chase noise,
 *        {@code cv}, {@code median}, a fixed error or {@code none} ({@link RunSettings#terminator})
 * @param announceTrials {@code hpo.announceTrials}: print a line as each trial starts
 *        ({@link StudyRun#STARTED}), for the process that launched this one ({@code hpo:optimize} for its fork)
 * @param trialTimeoutSeconds {@code hpo.trialTimeout}: the time one trial may take, in seconds, over any
 *        {@code @Timeout}; {@code null} for the annotation's or none
 * @param artifacts {@code hpo.artifacts}: where the artifact store injected into objectives that take an
 *        {@code ArtifactStore} in study mode keeps its files: a directory ({@link #DEFAULT_ARTIFACTS} when not set) or
 *        a JDBC URL ({@code ArtifactStore.of})
 * @param timeouts Jupiter's timeout configuration ({@link TimeoutDefaults}): its mode, the default limit of a trial of
 *        an objective without {@code @Timeout}, and {@value JupiterTimeout#THREAD_DUMP}: a trial that outlasts
 *        its time limit prints every thread's stack before its thread is interrupted
 */
record HpoConfiguration(Mode mode, Integer trials, Long timeoutSeconds, String sampler, String pruner, Long seed,
        int parallelism, String storage, String studyPrefix, List<String> objectives, Long heartbeatSeconds,
        Integer patience, String terminator, boolean announceTrials, Long trialTimeoutSeconds, String artifacts,
        TimeoutDefaults timeouts) {

    static final String MODE = "hpo.mode";
    static final String TRIALS = "hpo.trials";
    static final String TIMEOUT = "hpo.timeout";
    static final String SAMPLER = "hpo.sampler";
    static final String PRUNER = "hpo.pruner";
    static final String SEED = "hpo.seed";
    static final String PARALLELISM = "hpo.parallelism";
    static final String STORAGE = "hpo.storage";
    static final String STUDY_PREFIX = "hpo.study.prefix";
    static final String OBJECTIVES = "hpo.objectives";
    static final String HEARTBEAT = "hpo.heartbeat";
    static final String PATIENCE = "hpo.patience";
    static final String TERMINATOR = "hpo.terminator";
    static final String ANNOUNCE_TRIALS = "hpo.announceTrials";
    static final String TRIAL_TIMEOUT = "hpo.trialTimeout";
    static final String ARTIFACTS = "hpo.artifacts";
    /** Where the goal keeps artifacts by default ({@code target/hpo/artifacts}), relative to the working directory. */
    static final String DEFAULT_ARTIFACTS = "target/hpo/artifacts";

    HpoConfiguration {
        objectives = List.copyOf(objectives);
    }

    static HpoConfiguration from(ConfigurationParameters parameters) {
        Mode mode = parse(parameters, MODE, "smoke or study", Mode::parse).orElse(Mode.SMOKE);
        Integer trials = parse(parameters, TRIALS, "a number of trials >= 1, or -1 for no limit (with a timeout)",
                HpoConfiguration::trials).orElse(null);
        Long timeout = parse(parameters, TIMEOUT, "seconds >= 0 (0 for none)", v -> atLeast(0, v)).orElse(null);
        Long seed = parse(parameters, SEED, "an integer (long)", Long::parseLong).orElse(null);
        int parallelism = parse(parameters, PARALLELISM, "a number of threads >= 1, or -1 for one per processor",
                HpoConfiguration::parallelism).orElse(1);
        List<String> objectives = new ArrayList<>();
        for (String name : text(parameters, OBJECTIVES).orElse("").split(",")) {
            if (!name.isBlank()) {
                objectives.add(name.trim());
            }
        }
        Long heartbeat = parse(parameters, HEARTBEAT, "seconds >= 1", v -> atLeast(1, v)).orElse(null);
        Integer patience = parse(parameters, PATIENCE, "a number of trials >= 0 (0 for none)",
                v -> Math.toIntExact(atLeast(0, v))).orElse(null);
        String terminator = parse(parameters, TERMINATOR,
                "'cv', 'median', 'emmr', the objective's error as a number >= 0, or 'none'", v -> {
                    RunSettings.createTerminator(v);  // throws when it is none of these
                    return v;
                }).orElse(null);
        return new HpoConfiguration(mode, trials, timeout, text(parameters, SAMPLER).orElse(null),
                text(parameters, PRUNER).orElse(null), seed, parallelism, text(parameters, STORAGE).orElse(null),
                text(parameters, STUDY_PREFIX).orElse(""), objectives, heartbeat, patience, terminator,
                parse(parameters, ANNOUNCE_TRIALS, "true or false", HpoConfiguration::bool).orElse(false),
                parse(parameters, TRIAL_TIMEOUT, "seconds >= 1", v -> atLeast(1, v)).orElse(null),
                text(parameters, ARTIFACTS).orElse(DEFAULT_ARTIFACTS),
                TimeoutDefaults.of(parameters));
    }

    /** The full name of a study: the prefix, then the objective's own study name. */
    String studyName(String objectiveStudyName) {
        return studyPrefix + objectiveStudyName;
    }

    /** True when {@code hpo.objectives} is empty or names the study (with or without the prefix). */
    boolean selects(String objectiveStudyName) {
        if (objectives.isEmpty()) {
            return true;
        }
        String full = studyName(objectiveStudyName);
        for (String pattern : objectives) {
            Pattern p = glob(pattern);
            if (p.matcher(full).matches() || p.matcher(objectiveStudyName).matches()) {
                return true;
            }
        }
        return false;
    }

    private static Pattern glob(String pattern) {
        return Pattern.compile(Arrays.stream(pattern.split("\\*", -1)).map(Pattern::quote)
                .collect(Collectors.joining(".*")));
    }

    private static Optional<String> text(ConfigurationParameters parameters, String key) {
        return parameters.get(key).map(String::trim).filter(v -> !v.isEmpty());
    }

    private static boolean bool(String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw new IllegalArgumentException(value + " is not a boolean");
    }

    /**
     * {@value #TRIALS}: at least 1, or -1 for no limit, as {@code @Objective(trials)} and {@code hpo:optimize} accept.
     * 0 is refused, not read as "none": a study run of no trials would pass the build without running anything.
     */
    private static int trials(String value) {
        int trials = Math.toIntExact(atLeast(-1, value));
        if (trials == 0) {
            throw new IllegalArgumentException("0 trials would run nothing");
        }
        return trials;
    }

    /** {@value #PARALLELISM}: at least 1, or -1 for one thread per processor (Optuna's {@code n_jobs=-1}). */
    private static int parallelism(String value) {
        int threads = Math.toIntExact(atLeast(-1, value));
        if (threads == 0) {
            throw new IllegalArgumentException("0 threads would run nothing");
        }
        return threads;
    }

    /** The value as a long, which must be at least {@code min}; an {@link IllegalArgumentException} otherwise. */
    private static long atLeast(long min, String value) {
        long v = Long.parseLong(value);
        if (v < min) {
            throw new IllegalArgumentException(v + " is below " + min);
        }
        return v;
    }

    private static <T> Optional<T> parse(ConfigurationParameters parameters, String key, String expected,
            Function<String, T> parser) {
        Optional<String> value = text(parameters, key);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(value.get()));
        } catch (IllegalArgumentException | ArithmeticException e) { // not a number, out of range, or too large
            throw new IllegalArgumentException("configuration parameter " + key + " = '" + value.get()
                    + "' is not valid; expected " + expected, e);
        }
    }
}
