package dev.hpo.junit.launch;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line of {@link ForkedLauncher}: where the objectives are compiled, which configuration parameters
 * to pass to the JUnit Platform, and where to write what the run found.
 *
 * @param classesDirectory the project's test classes directory, selected as a classpath root
 * @param configFile a {@code .properties} file whose entries become JUnit configuration parameters
 * @param runFile where the launcher writes its {@link RunRecord}
 * @param includeTags a JUnit tag expression objectives must match ({@code --include-tags}), or null
 * @param excludeTags a JUnit tag expression objectives must not match ({@code --exclude-tags}), or null
 * @param scanned more classpath roots searched for objectives ({@code --scan}, repeatable): dependency jars, as
 *        surefire's {@code dependenciesToScan}
 */
public record LaunchArguments(Path classesDirectory, Path configFile, Path runFile, String includeTags,
        String excludeTags, List<Path> scanned) {

    static final String USAGE = "usage: ForkedLauncher --classes <test classes directory> --config <parameters.properties>"
            + " --run-file <run.properties> [--include-tags <tag expression>] [--exclude-tags <tag expression>]"
            + " [--scan <jar>]...";

    public LaunchArguments {
        if (classesDirectory == null || configFile == null || runFile == null) {
            throw new IllegalArgumentException("--classes, --config and --run-file are all required; " + USAGE);
        }
        scanned = List.copyOf(scanned);
    }

    /** Without tag filters or more classpath roots. */
    public LaunchArguments(Path classesDirectory, Path configFile, Path runFile) {
        this(classesDirectory, configFile, runFile, null, null, List.of());
    }

    /** Every classpath root to search: the test classes directory, then the scanned jars. */
    public List<Path> roots() {
        List<Path> roots = new ArrayList<>(List.of(classesDirectory));
        roots.addAll(scanned);
        return roots;
    }

    /**
     * Parses {@code --classes DIR --config FILE --run-file FILE}, optionally {@code --include-tags EXPR} and
     * {@code --exclude-tags EXPR} (in any order).
     */
    public static LaunchArguments parse(List<String> args) {
        Path classes = null;
        Path config = null;
        Path run = null;
        String include = null;
        String exclude = null;
        List<Path> scanned = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException("option " + option + " has no value; " + USAGE);
            }
            String value = args.get(++i);
            switch (option) {
                case "--classes" -> classes = Path.of(value);
                case "--config" -> config = Path.of(value);
                case "--run-file" -> run = Path.of(value);
                case "--include-tags" -> include = value;
                case "--exclude-tags" -> exclude = value;
                case "--scan" -> scanned.add(Path.of(value));
                default -> throw new IllegalArgumentException("unknown option " + option + "; " + USAGE);
            }
        }
        return new LaunchArguments(classes, config, run, include, exclude, scanned);
    }
}
