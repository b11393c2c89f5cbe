package dev.hpo.junit.launch;

import java.nio.file.Path;
import java.util.List;

/**
 * The command line of {@link ForkedLauncher}: where the objectives are compiled, which configuration parameters
 * to pass to the JUnit Platform, and where to write what the run found.
 *
 * @param classesDirectory the project's test classes directory, selected as a classpath root
 * @param configFile a {@code .properties} file whose entries become JUnit configuration parameters
 * @param runFile where the launcher writes its {@link RunRecord}
 */
public record LaunchArguments(Path classesDirectory, Path configFile, Path runFile) {

    static final String USAGE = "usage: ForkedLauncher --classes <test classes directory> --config <parameters.properties>"
            + " --run-file <run.properties>";

    public LaunchArguments {
        if (classesDirectory == null || configFile == null || runFile == null) {
            throw new IllegalArgumentException("--classes, --config and --run-file are all required; " + USAGE);
        }
    }

    /** Parses {@code --classes DIR --config FILE --run-file FILE} (in any order). */
    public static LaunchArguments parse(List<String> args) {
        Path classes = null;
        Path config = null;
        Path run = null;
        for (int i = 0; i < args.size(); i++) {
            String option = args.get(i);
            if (i + 1 >= args.size()) {
                throw new IllegalArgumentException("option " + option + " has no value; " + USAGE);
            }
            Path value = Path.of(args.get(++i));
            switch (option) {
                case "--classes" -> classes = value;
                case "--config" -> config = value;
                case "--run-file" -> run = value;
                default -> throw new IllegalArgumentException("unknown option " + option + "; " + USAGE);
            }
        }
        return new LaunchArguments(classes, config, run);
    }
}
