package dev.hpo.maven;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The command line of the forked JVM and the files it reads: the system properties and the classpath go into a Java
 * argument file ({@code @file}, so that long classpaths do not hit the operating system's command-line limit and
 * values need no shell quoting) and the configuration parameters into a properties file that
 * {@code dev.hpo.junit.launch.ForkedLauncher} reads.
 *
 * @param javaExecutable the {@code java} executable
 * @param jvmOptions options from the {@code argLine} parameter
 * @param systemProperties the {@code systemPropertyVariables} parameter: system properties of the fork, set after
 *        {@code argLine}'s (so they win, as surefire's do)
 * @param classpath the fork's classpath
 * @param testClassesDirectory the classpath root the launcher searches for objectives
 * @param configurationParameters JUnit configuration parameters for the engine
 * @param workDirectory where the argument, parameter and run files go
 * @param launcherArguments more arguments of the launcher (its tag filters)
 */
public record ForkCommand(Path javaExecutable, List<String> jvmOptions, Map<String, String> systemProperties,
        List<Path> classpath, Path testClassesDirectory, Map<String, String> configurationParameters,
        Path workDirectory, List<String> launcherArguments) {

    private static final Pattern LATE_PROPERTY = Pattern.compile("@\\{([^}]+)}");

    /** The launcher main shipped in hpo-junit-engine. */
    public static final String MAIN_CLASS = "dev.hpo.junit.launch.ForkedLauncher";

    /** The launcher's exit code when it refuses its arguments (a tag expression that does not parse, say). */
    public static final int ARGUMENTS_REFUSED = 2;

    /** What {@code -Dhpo.debug} adds: wait for a debugger on port 5005, surefire's {@code maven.surefire.debug}. */
    public static final String DEBUG_OPTIONS = "-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=5005";

    public ForkCommand {
        jvmOptions = List.copyOf(jvmOptions);
        systemProperties = Map.copyOf(systemProperties);
        classpath = List.copyOf(classpath);
        configurationParameters = Map.copyOf(configurationParameters);
        launcherArguments = List.copyOf(launcherArguments);
    }

    public Path argumentFile() {
        return workDirectory.resolve("fork.args");
    }

    public Path parametersFile() {
        return workDirectory.resolve("parameters.properties");
    }

    /** Where the launcher writes what the run found (read back by {@link ForkRun#read}). */
    public Path runFile() {
        return workDirectory.resolve("run.properties");
    }

    /** Writes the argument and parameter files (removing a run file of an earlier build) and returns the command. */
    public List<String> prepare() throws IOException {
        Files.createDirectories(workDirectory);
        Files.deleteIfExists(runFile());
        String cp = classpath.stream().map(p -> p.toAbsolutePath().toString())
                .collect(Collectors.joining(java.io.File.pathSeparator));
        StringBuilder arguments = new StringBuilder();
        new TreeMap<>(systemProperties).forEach((key, value) -> arguments.append(quote("-D" + key + "=" + value))
                .append('\n'));
        arguments.append("-cp\n").append(quote(cp)).append('\n');
        Files.writeString(argumentFile(), arguments, StandardCharsets.UTF_8);
        Properties p = new Properties();
        new TreeMap<>(configurationParameters).forEach(p::setProperty);
        try (Writer w = Files.newBufferedWriter(parametersFile(), StandardCharsets.UTF_8)) {
            p.store(w, "JUnit configuration parameters written by hpo:optimize");
        }
        List<String> command = new ArrayList<>();
        command.add(javaExecutable.toString());
        command.addAll(jvmOptions);
        command.add("@" + argumentFile().toAbsolutePath());
        command.add(MAIN_CLASS);
        command.add("--classes");
        command.add(testClassesDirectory.toAbsolutePath().toString());
        command.add("--config");
        command.add(parametersFile().toAbsolutePath().toString());
        command.add("--run-file");
        command.add(runFile().toAbsolutePath().toString());
        command.addAll(launcherArguments);
        return command;
    }

    /**
     * The JVM options of the goal's {@code debug} parameter: none when it is unset or {@code false},
     * {@value #DEBUG_OPTIONS} for {@code true} (what a bare {@code -Dhpo.debug} sets), else its own value, split as an
     * {@code argLine}.
     *
     * @throws InvalidParameterException naming {@code debug} for options with unbalanced quotes, or for a word that is
     *         no option ({@code yes}, {@code on}), which {@code java} would take for the main class
     */
    public static List<String> debugOptions(String debug) {
        if (debug == null || debug.isBlank() || debug.strip().equalsIgnoreCase("false")) {
            return List.of();
        }
        String allowed = "true, false, or JVM options starting with - and with balanced quotes";
        List<String> options;
        try {
            options = splitArgLine(debug.strip().equalsIgnoreCase("true") ? DEBUG_OPTIONS : debug);
        } catch (InvalidParameterException e) {
            throw new InvalidParameterException("debug", "hpo.debug", debug, allowed);
        }
        if (!options.get(0).startsWith("-")) {  // not blank, so there is a first token
            throw new InvalidParameterException("debug", "hpo.debug", debug, allowed);
        }
        return options;
    }

    /**
     * {@code argLine} with each {@code @{name}} replaced by the property {@code name}, as surefire evaluates it when
     * the tests run rather than when the POM is read; a name no property has is left as it is.
     */
    public static String lateProperties(String argLine, Properties properties) {
        if (argLine == null || !argLine.contains("@{")) {
            return argLine;
        }
        Matcher m = LATE_PROPERTY.matcher(argLine);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = properties.getProperty(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(value != null ? value : m.group()));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** Quotes an argument-file token: backslashes and quotes escaped, the whole in double quotes. */
    static String quote(String token) {
        return "\"" + token.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /**
     * Splits an {@code argLine} into JVM options at whitespace, keeping single- or double-quoted parts together
     * (quotes removed), as a shell would for simple cases.
     */
    public static List<String> splitArgLine(String argLine) {
        List<String> out = new ArrayList<>();
        if (argLine == null) {
            return out;
        }
        StringBuilder token = new StringBuilder();
        boolean inToken = false;
        char quote = 0;
        for (char c : argLine.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    token.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
                inToken = true;
            } else if (Character.isWhitespace(c)) {
                if (inToken) {
                    out.add(token.toString());
                    token.setLength(0);
                    inToken = false;
                }
            } else {
                token.append(c);
                inToken = true;
            }
        }
        if (quote != 0) {
            throw new InvalidParameterException("argLine", "hpo.argLine", argLine, "JVM options with balanced quotes");
        }
        if (inToken) {
            out.add(token.toString());
        }
        return out;
    }
}
