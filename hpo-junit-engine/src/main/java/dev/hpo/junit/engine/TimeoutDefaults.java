package dev.hpo.junit.engine;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * Jupiter's timeout configuration parameters (the user guide's "Timeouts"), which objectives honour as they honour
 * {@code @Timeout}: {@value #MODE} ({@code enabled}, {@code disabled}, or {@code disabled_on_debug}, when a JDWP
 * agent is among the JVM's input arguments, as Jupiter detects a debugger), the defaults for what has no
 * {@code @Timeout} of its own (or, for an objective, on its class), in Jupiter's duration syntax ({@code 200ms},
 * {@code 5 s}, {@code 1m}; a value that does not parse is warned of and ignored, as Jupiter ignores it), and
 * {@value JupiterTimeout#THREAD_DUMP}.
 *
 * <p>A trial is to its objective what an invocation is to a parameterized test (extensions see its call as
 * {@code interceptTestTemplateMethod}), so its default is Jupiter's for test template methods:
 * {@value #TEST_TEMPLATE}, else {@value #TESTABLE}, else {@value #DEFAULT}; {@code test.method.default} is for
 * {@code @Test} methods and does not apply. A lifecycle method's is {@code <kind>.method.default}
 * ({@code beforeall}, {@code beforeeach}, {@code aftereach}, {@code afterall}), else {@value #LIFECYCLE}, else
 * {@value #DEFAULT}. The engine's own {@code hpo.trialTimeout} is not Jupiter's: it wins over all of these, the mode
 * included ({@link RunSettings}).
 *
 * @param enabled whether {@code @Timeout} and these defaults apply ({@value #MODE})
 * @param durations the defaults that are set, by key
 * @param threadDump {@value JupiterTimeout#THREAD_DUMP}: a call that outlasts its limit prints every thread's stack
 *        before its thread is interrupted
 */
record TimeoutDefaults(boolean enabled, Map<String, Duration> durations, boolean threadDump) {

    static final String PREFIX = "junit.jupiter.execution.timeout.";
    static final String MODE = PREFIX + "mode";
    static final String DEFAULT = PREFIX + "default";
    static final String TESTABLE = PREFIX + "testable.method.default";
    static final String TEST_TEMPLATE = PREFIX + "testtemplate.method.default";
    static final String LIFECYCLE = PREFIX + "lifecycle.method.default";
    private static final List<String> LIFECYCLE_KINDS = List.of("BeforeAll", "BeforeEach", "AfterEach", "AfterAll");
    /** Jupiter's {@code TimeoutDurationParser}: a positive number, an optional space, an optional unit (seconds). */
    private static final Pattern DURATION = Pattern.compile("([1-9]\\d*) ?((?:[nμm]?s)|m|h|d)?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Map<String, TimeUnit> UNITS = Map.of("ns", TimeUnit.NANOSECONDS, "μs", TimeUnit.MICROSECONDS,
            "ms", TimeUnit.MILLISECONDS, "s", TimeUnit.SECONDS, "m", TimeUnit.MINUTES, "h", TimeUnit.HOURS,
            "d", TimeUnit.DAYS);
    private static final Logger LOG = Logger.getLogger(TimeoutDefaults.class.getName());

    TimeoutDefaults {
        durations = Map.copyOf(durations);
    }

    static TimeoutDefaults of(ConfigurationParameters parameters) {
        Map<String, Duration> durations = new HashMap<>();
        Stream.concat(Stream.of(DEFAULT, TESTABLE, TEST_TEMPLATE, LIFECYCLE), LIFECYCLE_KINDS.stream().map(
                TimeoutDefaults::lifecycleKey)).forEach(key -> parameters.get(key).flatMap(v -> parse(key, v))
                        .ifPresent(d -> durations.put(key, d)));
        boolean enabled = parameters.get(MODE).map(String::strip)
                .map(mode -> enabled(mode, ManagementFactory.getRuntimeMXBean().getInputArguments())).orElse(true);
        return new TimeoutDefaults(enabled, durations,
                parameters.getBoolean(JupiterTimeout.THREAD_DUMP).orElse(false));  // as lenient as Jupiter
    }

    /**
     * Whether {@code mode} enables time limits in a JVM started with {@code inputArguments}: {@code disabled_on_debug}
     * disables them under a debugger's JDWP agent, as Jupiter's {@code RuntimeUtils.isDebugMode} tells. An unknown
     * mode, which fails Jupiter's tests with time limits, is warned of and leaves them enabled here, where discovery
     * reads it too.
     */
    static boolean enabled(String mode, List<String> inputArguments) {
        switch (mode) {
            case "enabled":
                return true;
            case "disabled":
                return false;
            case "disabled_on_debug":
                return inputArguments.stream().noneMatch(a -> a.startsWith("-agentlib:jdwp"));
            default:
                LOG.warning(() -> "ignoring " + MODE + " = '" + mode + "': use enabled, disabled or disabled_on_debug");
                return true;
        }
    }

    /**
     * The limit of a trial: {@code annotated}, its objective's {@code @Timeout} (null: none), else the configured
     * default; none when the mode disables time limits.
     */
    JupiterTimeout.Limit trial(Duration annotated) {
        return limit(annotated, TEST_TEMPLATE, TESTABLE, DEFAULT);
    }

    /**
     * The limit of a lifecycle method of a kind ({@code "BeforeEach"}...): {@code annotated}, its own
     * {@code @Timeout} (null: none), else the configured default; none when the mode disables time limits.
     */
    JupiterTimeout.Limit lifecycle(String kind, Duration annotated) {
        return limit(annotated, lifecycleKey(kind), LIFECYCLE, DEFAULT);
    }

    private JupiterTimeout.Limit limit(Duration annotated, String... keys) {
        if (!enabled) {
            return null;
        }
        if (annotated != null) {
            return new JupiterTimeout.Limit(annotated, "@Timeout", threadDump);
        }
        for (String key : keys) {
            if (durations.containsKey(key)) {
                return new JupiterTimeout.Limit(durations.get(key), key, threadDump);
            }
        }
        return null;
    }

    private static String lifecycleKey(String kind) {
        return PREFIX + kind.toLowerCase(Locale.ROOT) + ".method.default";
    }

    private static Optional<Duration> parse(String key, String value) {
        Matcher m = DURATION.matcher(value.strip());
        if (!m.matches() || m.group(1).length() > 18) {  // more digits may not fit in a long
            LOG.warning(() -> "ignoring " + key + " = '" + value + "': a timeout is a positive number with an optional"
                    + " unit (ns, μs, ms, s, m, h, d; seconds without one), e.g. 200ms or 5 s");
            return Optional.empty();
        }
        TimeUnit unit = m.group(2) == null ? TimeUnit.SECONDS : UNITS.get(m.group(2).toLowerCase(Locale.ROOT));
        return Optional.of(Duration.ofNanos(unit.toNanos(Long.parseLong(m.group(1)))));
    }
}
