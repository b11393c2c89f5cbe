package dev.hpo.junit.launch;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;
import org.junit.platform.commons.JUnitException;
import org.junit.platform.engine.Filter;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.engine.discovery.DiscoverySelectors;

/**
 * The main class of the JVM that {@code hpo:optimize} forks: runs the JUnit Platform over the project's test
 * classes with only the {@code hpo} engine and the configuration parameters the goal wrote, prints one line per
 * finished trial, and writes a {@link RunRecord} for the goal. Running in its own JVM keeps a
 * {@code System.exit} or an {@code OutOfMemoryError} in user code away from Maven.
 *
 * <p>The JUnit Platform launcher is not bundled with hpo: the goal puts {@code junit-platform-launcher} at the
 * project's own JUnit Platform version on this JVM's classpath, so only launcher APIs present since 1.10 are
 * used here.
 *
 * <p>Exit status: 0 when the test plan ran (whether or not tests failed: the goal reads the run record), 2 for
 * wrong arguments, 1 when the launcher itself failed.
 */
public final class ForkedLauncher {

    /** The engine this launcher runs, and nothing else. */
    public static final String ENGINE_ID = "hpo";

    /**
     * java.util.logging's one-line format for this JVM, unless the project sets its own: {@code WARNING: message},
     * which the goal logs at that level. The JDK's default spends two lines (a time stamp and the source method,
     * then the level and message) on each record of the Maven log.
     */
    static final String LOG_FORMAT = "%4$s: %5$s%6$s%n";
    static final String LOG_FORMAT_PROPERTY = "java.util.logging.SimpleFormatter.format";

    private ForkedLauncher() {
    }

    public static void main(String[] args) {
        if (System.getProperty(LOG_FORMAT_PROPERTY) == null) {
            System.setProperty(LOG_FORMAT_PROPERTY, LOG_FORMAT);
        }
        LaunchArguments arguments;
        try {
            arguments = LaunchArguments.parse(Arrays.asList(args));
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        List<Filter<?>> filters;
        try {
            filters = filters(arguments);
        } catch (JUnitException e) {
            System.err.println("SEVERE: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            RunRecord record = run(arguments, filters);
            record.write(arguments.runFile());
        } catch (IOException | RuntimeException e) {
            System.err.println("hpo forked launcher failed: " + e);
            e.printStackTrace();
            System.exit(1);
        }
        // Non-daemon threads started by user code must not keep the fork alive once the plan has finished.
        System.exit(0);
    }

    /**
     * The hpo engine, and the objectives whose tags match the arguments' tag expressions (as surefire's {@code groups}
     * and {@code excludedGroups} select tests).
     *
     * @throws JUnitException naming a tag expression that does not parse
     */
    static List<Filter<?>> filters(LaunchArguments arguments) {
        List<Filter<?>> filters = new ArrayList<>(List.of(EngineFilter.includeEngines(ENGINE_ID)));
        if (arguments.includeTags() != null) {
            filters.add(tagFilter(arguments.includeTags(), "groups (hpo.groups)", TagFilter::includeTags));
        }
        if (arguments.excludeTags() != null) {
            filters.add(tagFilter(arguments.excludeTags(), "excludedGroups (hpo.excludedGroups)",
                    TagFilter::excludeTags));
        }
        return filters;
    }

    private static Filter<?> tagFilter(String expression, String parameter, Function<String, Filter<?>> filter) {
        try {
            return filter.apply(expression);
        } catch (JUnitException e) {
            throw new JUnitException("invalid tag expression '" + expression + "' for " + parameter + ": "
                    + e.getMessage() + "; write tags with !, & and | (for example 'fast & !gpu')", e);
        }
    }

    /** Discovers and executes the hpo objectives below {@code arguments.roots()}. */
    static RunRecord run(LaunchArguments arguments) throws IOException {
        return run(arguments, filters(arguments));
    }

    private static RunRecord run(LaunchArguments arguments, List<Filter<?>> filters) throws IOException {
        Map<String, String> parameters = readParameters(arguments.configFile());
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(DiscoverySelectors.selectClasspathRoots(new LinkedHashSet<>(arguments.roots())))
                .filters(filters.toArray(new Filter<?>[0]))
                .configurationParameters(parameters)
                .build();
        Launcher launcher = LauncherFactory.create();
        TrialProgressListener listener = new TrialProgressListener(System.out);
        TestPlan plan = launcher.discover(request);
        launcher.execute(plan, listener);
        listener.printFailures();
        System.out.flush();
        return listener.record();
    }

    static Map<String, String> readParameters(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String key : p.stringPropertyNames()) {
            out.put(key, p.getProperty(key));
        }
        return out;
    }
}
