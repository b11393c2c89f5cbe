package dev.hpo.maven;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialState;
import dev.hpo.storage.Storage;
import dev.hpo.storage.StudyInfo;
import java.io.File;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.apache.maven.artifact.Artifact;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.toolchain.Toolchain;
import org.apache.maven.toolchain.ToolchainManager;
import org.eclipse.aether.RepositorySystem;

/**
 * Runs every {@code @Objective} of the project as a study, in a forked JVM, then reads the studies back from the
 * storage, writes the best parameters, the HTML report and a JSON file per study, logs a summary table and fails
 * the build when a study misses its threshold.
 *
 * <p>The fork runs the JUnit Platform with only the {@code hpo} engine over the project's test classes, with the
 * project's own JUnit version (the launcher is resolved at it) and this goal's parameters as configuration
 * parameters. User code that calls {@code System.exit} or runs out of memory ends the fork, not Maven.
 */
@Mojo(name = "optimize", defaultPhase = LifecyclePhase.VERIFY, requiresDependencyResolution = ResolutionScope.TEST,
        threadSafe = true)
public final class OptimizeMojo extends AbstractHpoMojo {

    /** The engine's configuration parameter naming the artifact store (a directory or a JDBC URL). */
    static final String ARTIFACTS = "hpo.artifacts";

    /** The engine's configuration parameter that makes the fork print a line as each trial starts. */
    static final String ANNOUNCE_TRIALS = "hpo.announceTrials";

    static final SwitchParameter FAIL_ON_THRESHOLD = new SwitchParameter("failOnThreshold", true);
    static final SwitchParameter FAIL_IF_NO_OBJECTIVES = new SwitchParameter("failIfNoObjectives", true);
    static final WholeNumberParameter REPORT_INTERVAL = WholeNumberParameter.atLeast("reportInterval", 0,
            "0 (no redraws while the trials run) or a whole number of seconds");
    static final WholeNumberParameter FORK_TIMEOUT = WholeNumberParameter.atLeast("forkTimeout", 0,
            "0 (no limit) or a whole number of seconds");

    /**
     * How many more trials each study runs in this build (Optuna's meaning): a whole number of at least 1, or -1 for
     * no limit with {@code timeout} or {@code @Objective(timeout)}; the objective's own count otherwise.
     */
    @Parameter(property = "hpo.trials")
    private String trials;

    /**
     * The time one trial may take, in whole seconds: when it is up the trial's thread is interrupted and the trial
     * fails, and the study goes on. Over any {@code @Timeout} on the objective; none by default.
     */
    @Parameter(property = "hpo.trialTimeout")
    private String trialTimeout;

    /** Wall-clock budget of each study in whole seconds: no new trial starts after it. */
    @Parameter(property = "hpo.timeout")
    private String timeout;

    /** The sampler of every study (for example {@code random}, {@code tpe}); the objective's or hpo's default otherwise. */
    @Parameter(property = "hpo.sampler")
    private String sampler;

    /** The pruner of every study (for example {@code median}, {@code none}); the objective's or hpo's default otherwise. */
    @Parameter(property = "hpo.pruner")
    private String pruner;

    /** Seeds the samplers, for reproducible studies: a whole number (a Java {@code long}). */
    @Parameter(property = "hpo.seed")
    private String seed;

    /** Trials evaluated at once within a study: a whole number of at least 1, or -1 for one per processor. */
    @Parameter(property = "hpo.parallelism")
    private String parallelism;

    /**
     * Whole seconds between the heartbeats of a running trial (none by default). With heartbeats, a trial whose
     * worker died without a word (killed by the operating system, a lost machine) is marked FAIL by the next worker on
     * the same storage once it has missed two heartbeats; for storages several machines share. Each trial then costs
     * one more storage write.
     */
    @Parameter(property = "hpo.heartbeat")
    private String heartbeat;

    /**
     * Stops each study once this many trials have finished since its best value last improved; 0 runs every trial.
     * Overrides {@code @Objective(patience)}; {@code trials} stays the most a build adds.
     */
    @Parameter(property = "hpo.patience")
    private String patience;

    /**
     * Stops each study once a Gaussian process's bound on the improvement still possible is below the error of its
     * values (Optuna's Terminator): {@code cv} for the error of the best trial's cross-validation scores (the
     * objective reports them with {@code Terminator.reportCrossValidationScores}), {@code median} for objectives
     * without either (a hundredth of the early regret bounds), a number for a known, fixed error, {@code none} to run
     * every trial. Overrides {@code @Objective(terminator)}.
     */
    @Parameter(property = "hpo.terminator")
    private String terminator;

    /**
     * A JUnit tag expression the objectives to run must match, as surefire's {@code groups} selects tests (for
     * example {@code fast | nightly}); objectives are tagged with Jupiter's {@code @Tag}.
     */
    @Parameter(property = "hpo.groups")
    private String groups;

    /** A JUnit tag expression of objectives not to run, as surefire's {@code excludedGroups} ({@code gpu}, say). */
    @Parameter(property = "hpo.excludedGroups")
    private String excludedGroups;

    /** Prepended to every study name, so that projects can share one storage. */
    @Parameter(property = "hpo.study.prefix")
    private String studyPrefix;

    /** Fail the build when a study misses its {@code @Objective(threshold)}: true, or false for a warning only. */
    @Parameter(property = "hpo.failOnThreshold", defaultValue = "true")
    private String failOnThreshold;

    /**
     * Maven's {@code maven.test.failure.ignore}, as surefire and failsafe read it: the studies' failures (a missed
     * threshold, a study without a result, an objective that could not run) are logged as errors and written to
     * {@code TEST-hpo.xml}, but do not fail the build, so that a CI server's JUnit report step decides. A fork that
     * died, or a project without objectives, still fails it.
     */
    @Parameter(property = "maven.test.failure.ignore", defaultValue = "false")
    private boolean testFailureIgnore;

    /**
     * Fail the build when the project has no objective, or when {@code objectives} matches none of them or names one
     * that matches none (a misspelt study would not run, nor be judged): true, or false for a warning only (surefire's
     * {@code failIfNoTests}), for a multi-module build that filters studies of one module.
     */
    @Parameter(property = "hpo.failIfNoObjectives", defaultValue = "true")
    private String failIfNoObjectives;

    /**
     * Where the build's verdict is written as a JUnit XML report, {@code TEST-hpo.xml} (failsafe's
     * {@code reportsDirectory}): one test case per study, failed when it missed its threshold, so that a CI server
     * that reads JUnit reports shows the gate. A threshold missed under {@code failOnThreshold=false} is still a
     * failed case there (a CI server may mark the build unstable) while the build passes.
     */
    @Parameter(property = "hpo.reportsDirectory", defaultValue = "${project.build.directory}/hpo-reports")
    private File reportsDirectory;

    /**
     * Writes what the objectives print (their own output, not hpo's lines) to {@code hpo-output.txt} in
     * {@code reportsDirectory} instead of the build log, as surefire's {@code redirectTestOutputToFile} (whose property
     * it shares, so one switch quiets both); the log then says where it went.
     */
    @Parameter(property = "maven.test.redirectTestOutputToFile", defaultValue = "false")
    private boolean redirectTestOutputToFile;

    /** The current run's redirected output, or null. */
    private RedirectedOutput redirected;

    /**
     * The {@code java} of the forked JVM, as surefire's {@code jvm}: the path of the executable or of a JDK home. By
     * default the toolchain {@code jdkToolchain} asks for, else the JDK of the build's toolchain
     * (maven-toolchains-plugin), else the JVM running Maven.
     */
    @Parameter(property = "hpo.jvm")
    private String jvm;

    /**
     * Requirements of the JDK toolchain to run the forked JVM on ({@code <version>21</version>}, {@code <vendor>}…), as
     * surefire's {@code jdkToolchain}: a toolchain of {@code toolchains.xml}, whatever JDK the build itself uses.
     */
    @Parameter
    private Map<String, String> jdkToolchain;

    /**
     * JVM options of the forked JVM, for example {@code -Xmx2g}. As in surefire's, {@code @{name}} is replaced by the
     * project property {@code name} when the goal runs, so that what an earlier plugin set (JaCoCo's
     * {@code @{argLine}}) reaches the fork.
     */
    @Parameter(property = "hpo.argLine")
    private String argLine;

    /**
     * Java assertions ({@code -ea}) in the forked JVM, on by default as surefire's {@code enableAssertions}, so that an
     * objective's {@code assert} acts as in its tests; {@code -da} in {@code argLine} narrows it.
     */
    @Parameter(property = "enableAssertions", defaultValue = "true")
    private boolean enableAssertions;

    /**
     * System properties of the forked JVM, as surefire's {@code systemPropertyVariables} (so a project's data paths
     * and profiles can be set for objectives as for tests); they win over {@code -D} options of {@code argLine}.
     */
    @Parameter
    private Map<String, String> systemPropertyVariables;

    /** Environment variables of the forked JVM, on top of Maven's, as surefire's {@code environmentVariables}. */
    @Parameter
    private Map<String, String> environmentVariables;

    /** The working directory of the forked JVM, where objectives' relative paths start, as surefire's. */
    @Parameter(defaultValue = "${basedir}")
    private File workingDirectory;

    /**
     * Dependencies left off the forked JVM's classpath, as {@code groupId:artifactId}, as surefire's
     * {@code classpathDependencyExcludes} (a logging binding the objectives should not see, say).
     */
    @Parameter
    private List<String> classpathDependencyExcludes;

    /**
     * Dependencies ({@code groupId:artifactId}) whose classes are searched for objectives besides the project's test
     * classes, as surefire's {@code dependenciesToScan}: objectives shared by several projects in a jar of their own.
     */
    @Parameter
    private List<String> dependenciesToScan;

    /** Files or directories added at the end of the forked JVM's classpath, as surefire's. */
    @Parameter
    private List<String> additionalClasspathElements;

    /**
     * JUnit Platform configuration parameters for the forked run, in properties format, as surefire's
     * {@code configurationParameters} (for example {@code junit.jupiter.extensions.autodetection.enabled = true}); the
     * goal's own parameters ({@code trials}, {@code sampler}, …) win over {@code hpo.*} keys given here.
     */
    @Parameter
    private String configurationParameters;

    /**
     * Whole seconds between redraws of the report while the trials run (0: none), so that a long study can be
     * watched in a browser, which reloads the page by itself; the final report replaces it when the study ends. A
     * build shorter than this draws the report once, at the end.
     */
    @Parameter(property = "hpo.reportInterval", defaultValue = "30")
    private String reportInterval;

    /**
     * Debugs the forked JVM, as surefire's {@code maven.surefire.debug}: {@code -Dhpo.debug} (or {@code true}) makes it
     * wait for a debugger on port 5005 ({@value ForkCommand#DEBUG_OPTIONS}); any other value is the JVM options to use
     * instead. {@code forkTimeout} does not apply while debugging.
     */
    @Parameter(property = "hpo.debug")
    private String debug;

    /**
     * Stops the forked JVM after this many whole seconds (0: no limit), a hard stop beyond {@code timeout}: as
     * Ctrl-C would, so that the trials it was running are stored as FAIL, then killed if it has not exited within
     * 10 s.
     */
    @Parameter(property = "hpo.forkTimeout", defaultValue = "0")
    private String forkTimeout;

    /** Maven's {@code skipTests}: no objective runs when tests are skipped. */
    @Parameter(property = "skipTests", defaultValue = "false")
    private boolean skipTests;

    /** Maven's {@code maven.test.skip}: test classes, and so objectives, are not even compiled. */
    @Parameter(property = "maven.test.skip", defaultValue = "false")
    private boolean mavenTestSkip;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Component
    private RepositorySystem repositorySystem;

    @Component
    private ToolchainManager toolchainManager;

    /** The trials the fork announced as it started them, by study; filled by the thread reading its output. */
    private final Map<String, Set<Integer>> startedTrials = new ConcurrentHashMap<>();
    /** The studies of the objectives the fork found, as it announced them before running any. */
    private final List<String> announcedStudies = new CopyOnWriteArrayList<>();

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped()) {
            return;
        }
        if (skipTests || mavenTestSkip) {
            getLog().info("hpo: skipped because " + (skipTests ? "skipTests" : "maven.test.skip")
                    + " is set: objectives are tests");
            return;
        }
        if ("pom".equals(project.getPackaging())) {
            getLog().info("hpo: skipped: " + project.getArtifactId() + " has packaging pom, so no test classes to run"
                    + " objectives from (its modules run their own)");
            return;
        }
        OptimizeParameters parameters = parameters();
        Path testClasses = Path.of(project.getBuild().getTestOutputDirectory());
        List<Path> scanned = scannedDependencies();
        if (!Files.isDirectory(testClasses) && scanned.isEmpty()) {
            String problem = uncompiledTestSources()
                    .map(sources -> "no objective found: the test sources in " + sources + " are not compiled ("
                            + testClasses + " does not exist), and hpo:optimize run on its own does not compile them;"
                            + " run mvn test-compile hpo:optimize, or mvn verify with the goal bound to verify")
                    .orElse("no objective found: " + testClasses + " does not exist, so the project has no compiled"
                            + " test classes; write an @Objective method under src/test/java");
            if (failIfNoObjectives()) {
                throw new MojoFailureException(problem);
            }
            getLog().warn(problem + " (failIfNoObjectives=false: not failing the build)");
            return;
        }
        ForkClasspath classpath = classpath();
        openStorage().close();  // a bad storage URL fails now, not after the study
        // the fork announces each trial as it starts, so that the trials of a fork that died can be told apart
        Map<String, String> configuration = new LinkedHashMap<>(userConfigurationParameters());
        configuration.putAll(parameters.configurationParameters());
        configuration.put(ANNOUNCE_TRIALS, "true");
        configuration.put(ARTIFACTS, artifactLocation());
        List<String> jvmOptions = new ArrayList<>(enableAssertions ? List.of("-ea") : List.of());
        jvmOptions.addAll(ForkCommand.splitArgLine(ForkCommand.lateProperties(argLine, project.getProperties())));
        List<String> debugOptions = ForkCommand.debugOptions(debug);
        if (!debugOptions.isEmpty()) {
            jvmOptions.addAll(debugOptions);
            getLog().info("hpo: debugging the forked JVM with " + String.join(" ", debugOptions) + " (hpo.debug)"
                    + (forkTimeout() > 0 ? "; forkTimeout is off while debugging" : ""));
        }
        ForkCommand command = new ForkCommand(forkJava().executable(), jvmOptions, values(systemPropertyVariables),
                classpath.entries(), testClasses, configuration, outputDirectory.toPath().resolve("fork"),
                launcherArguments(scanned));
        ForkRun run = fork(command, classpath.platformVersion());
        judge(run);
    }

    /** The first test source root holding a file: a project whose tests exist but were not compiled before the goal. */
    private Optional<Path> uncompiledTestSources() {
        for (String root : project.getTestCompileSourceRoots()) {
            Path sources = Path.of(root);
            if (Files.isDirectory(sources)) {
                try (Stream<Path> files = Files.walk(sources)) {
                    if (files.anyMatch(Files::isRegularFile)) {
                        return Optional.of(sources);
                    }
                } catch (IOException | UncheckedIOException e) {
                    // an unreadable root is left out: the general message still holds
                }
            }
        }
        return Optional.empty();
    }

    /** The launcher's tag filters and the jars it scans besides the test classes. */
    private List<String> launcherArguments(List<Path> scanned) {
        List<String> arguments = new ArrayList<>(tagArguments());
        for (Path jar : scanned) {
            arguments.addAll(List.of("--scan", jar.toString()));
        }
        return arguments;
    }

    /** The files of the dependencies {@code dependenciesToScan} names. */
    private List<Path> scannedDependencies() throws MojoExecutionException {
        List<Path> files = new ArrayList<>();
        for (String key : dependenciesToScan == null ? List.<String>of() : dependenciesToScan) {
            Artifact found = project.getArtifacts().stream()
                    .filter(a -> (a.getGroupId() + ":" + a.getArtifactId()).equals(key.strip()) && a.getFile() != null)
                    .findFirst().orElseThrow(() -> new MojoExecutionException("dependenciesToScan names " + key.strip()
                            + ", which is not a resolved dependency of " + project.getArtifactId() + "; add the"
                            + " dependency, or write groupId:artifactId as it is declared"));
            files.add(found.getFile().toPath());
        }
        return files;
    }

    /** The launcher's tag filters: {@code groups} and {@code excludedGroups}, where set. */
    private List<String> tagArguments() {
        List<String> arguments = new ArrayList<>();
        if (groups != null && !groups.isBlank()) {
            arguments.addAll(List.of("--include-tags", groups.strip()));
        }
        if (excludedGroups != null && !excludedGroups.isBlank()) {
            arguments.addAll(List.of("--exclude-tags", excludedGroups.strip()));
        }
        return arguments;
    }

    /** A map parameter's entries, an element left empty in the POM (which Maven gives as null) as an empty value. */
    private static Map<String, String> values(Map<String, String> parameter) {
        Map<String, String> values = new LinkedHashMap<>();
        if (parameter != null) {
            parameter.forEach((key, value) -> values.put(key, value == null ? "" : value));
        }
        return values;
    }

    /** The {@code configurationParameters} parameter as key-value pairs. */
    private Map<String, String> userConfigurationParameters() throws MojoExecutionException {
        Map<String, String> parsed = new LinkedHashMap<>();
        if (configurationParameters == null || configurationParameters.isBlank()) {
            return parsed;
        }
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(configurationParameters));
        } catch (IOException | IllegalArgumentException e) {
            throw new MojoExecutionException("invalid value for parameter configurationParameters: " + e.getMessage()
                    + "; write lines of key = value, as in junit-platform.properties", e);
        }
        properties.stringPropertyNames().stream().sorted().forEach(k -> parsed.put(k, properties.getProperty(k)));
        return parsed;
    }

    private ForkJava forkJava() throws MojoExecutionException {
        Toolchain toolchain;
        String source;
        if (jdkToolchain != null && !jdkToolchain.isEmpty() && (jvm == null || jvm.isBlank())) {
            List<Toolchain> matching = toolchainManager.getToolchains(session, "jdk", jdkToolchain);
            if (matching.isEmpty()) {
                throw new MojoExecutionException("no JDK toolchain matches jdkToolchain " + jdkToolchain + ": declare"
                        + " one in toolchains.xml (~/.m2/toolchains.xml, or mvn --toolchains <file>), or change the"
                        + " requirements");
            }
            toolchain = matching.get(0);
            source = "the toolchain jdkToolchain asks for";
        } else {
            toolchain = toolchainManager == null ? null : toolchainManager.getToolchainFromBuildContext("jdk",
                    session);
            source = "the build's JDK toolchain";
        }
        String toolchainJava = toolchain == null ? null : toolchain.findTool("java");
        try {
            ForkJava java = ForkJava.resolve(jvm, toolchainJava, source, Path.of(System.getProperty("java.home")));
            if ((jvm != null && !jvm.isBlank()) || toolchainJava != null) {
                getLog().info("hpo: the forked JVM is " + java.executable() + ", from " + java.source()
                        + (java.source().contains("toolchain") ? " (" + toolchain + ")" : ""));
            }
            return java;
        } catch (InvalidParameterException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /**
     * The study settings, and every other parameter read once: a value the goal cannot use fails the build before any
     * trial runs, not at the gate after the study.
     */
    private OptimizeParameters parameters() throws MojoExecutionException {
        try {
            failOnThreshold();
            failIfNoObjectives();
            forkTimeout();
            reportInterval();
            ForkCommand.splitArgLine(argLine);
            ForkCommand.debugOptions(debug);
            return new OptimizeParameters(OptimizeParameters.TRIALS.parseInt(trials),
                    OptimizeParameters.TIMEOUT.parseInt(timeout), sampler, pruner, OptimizeParameters.SEED.parse(seed),
                    OptimizeParameters.PARALLELISM.parseInt(parallelism), storageUrl(), objectives, studyPrefix,
                    OptimizeParameters.HEARTBEAT.parseInt(heartbeat), OptimizeParameters.PATIENCE.parseInt(patience),
                    terminator, OptimizeParameters.TRIAL_TIMEOUT.parseInt(trialTimeout));
        } catch (InvalidParameterException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    private boolean failOnThreshold() {
        return FAIL_ON_THRESHOLD.parse(failOnThreshold);
    }

    private boolean failIfNoObjectives() {
        return FAIL_IF_NO_OBJECTIVES.parse(failIfNoObjectives);
    }

    /** {@link #forkTimeout} in seconds, 0 for none; always set, as Maven gives a parameter's default. */
    private int forkTimeout() {
        return FORK_TIMEOUT.parseInt(forkTimeout);
    }

    /** {@link #reportInterval} in seconds, 0 for no redraws; always set, as Maven gives a parameter's default. */
    private int reportInterval() {
        return REPORT_INTERVAL.parseInt(reportInterval);
    }

    private ForkClasspath classpath() throws MojoExecutionException {
        List<Path> testClasspath = new ArrayList<>();
        try {
            for (String element : project.getTestClasspathElements()) {
                testClasspath.add(Path.of(element));
            }
        } catch (DependencyResolutionRequiredException e) {
            throw new MojoExecutionException("the test classpath of " + project.getId() + " is not resolved: "
                    + e.getMessage(), e);
        }
        List<Jar> dependencies = new ArrayList<>();
        for (Artifact a : project.getArtifacts()) {
            File f = a.getFile();
            if (f != null) {
                dependencies.add(new Jar(a.getGroupId(), a.getArtifactId(), a.getVersion(), f.toPath()));
            }
        }
        LauncherResolver resolver = new MavenLauncherResolver(repositorySystem, session.getRepositorySession(),
                project.getRemoteProjectRepositories());
        try {
            List<Path> additional = new ArrayList<>();
            for (String element : additionalClasspathElements == null ? List.<String>of()
                    : additionalClasspathElements) {
                additional.add(project.getBasedir().toPath().resolve(element.strip()));
            }
            return ForkClasspath.of(testClasspath, dependencies, resolver,
                    classpathDependencyExcludes == null ? List.of() : classpathDependencyExcludes, additional);
        } catch (ForkClasspath.MissingDependencyException | LauncherResolver.LauncherResolutionException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    private ForkRun fork(ForkCommand command, String platformVersion) throws MojoExecutionException {
        getLog().info("hpo: running the objectives of " + project.getArtifactId() + " in a forked JVM (JUnit Platform "
                + platformVersion + ", storage " + storage + ")");
        long started = System.nanoTime();
        Instant launched = Instant.now();
        ForkedJvm.Exit exit;
        try (LiveReport live = LiveReport.start(reportPath().toPath(), Duration.ofSeconds(reportInterval()),
                this::openStorage, () -> Set.copyOf(startedTrials.keySet()), getLog()::info, getLog()::debug);
                RedirectedOutput output = redirectTestOutputToFile ? RedirectedOutput.in(reportsDirectory.toPath())
                        : null) {
            Files.createDirectories(workingDirectory.toPath());
            redirected = output;
            exit = ForkedJvm.run(command.prepare(), workingDirectory.toPath(), values(environmentVariables),
                    forkTimeout() == 0 || !ForkCommand.debugOptions(debug).isEmpty() ? null
                            : Duration.ofSeconds(forkTimeout()), this::relay);
            if (output != null && output.lines() > 0) {
                getLog().info("hpo: the objectives' output (" + Numbers.count(output.lines(), "line") + ") is in "
                        + output.file());
            }
        } catch (IOException e) {
            throw new MojoExecutionException("cannot start the forked JVM " + command.javaExecutable() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("interrupted while the forked JVM ran; it was killed", e);
        }
        getLog().debug("hpo: forked run took " + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms");
        boolean finished = !exit.timedOut() && exit.code() == 0 && Files.isRegularFile(command.runFile());
        if (!finished) {
            failTrialsLeftRunning(exit.code());
            writeWhatTheForkStored(launched);
        }
        if (exit.timedOut()) {
            throw new MojoExecutionException("the forked JVM did not finish within forkTimeout " + forkTimeout()
                    + " s and was stopped; the trials it finished are in " + storage + ", those it was running"
                    + " stored as FAIL. Raise hpo.forkTimeout or give the study a budget with hpo.timeout");
        }
        if (!finished && exit.code() == ForkCommand.ARGUMENTS_REFUSED && !tagArguments().isEmpty()) {
            throw new MojoExecutionException("the forked JVM refused its arguments (exit code " + exit.code() + "): see"
                    + " its error above, most likely a tag expression of hpo.groups or hpo.excludedGroups");
        }
        if (!finished) {
            throw new MojoExecutionException("the forked JVM exited with code " + exit.code() + " before it finished"
                    + " the study (did an objective call System.exit or run out of memory? see its output above;"
                    + " JVM options go in hpo.argLine, e.g. -Xmx2g)");
        }
        try {
            return ForkRun.read(command.runFile());
        } catch (IOException e) {
            throw new MojoExecutionException("cannot read the forked run's results: " + e.getMessage(), e);
        }
    }

    /**
     * After a fork that died without running its shutdown hook (killed by the system, as the out-of-memory killer
     * does): the trials it announced that are still RUNNING are stored as FAIL with the reason, so that later builds
     * neither count them as running nor show them so. Trials of other processes on the same storage are left alone.
     * A failure here is logged, so that the build fails for the fork's reason.
     */
    private void failTrialsLeftRunning(int exitCode) {
        try (Storage store = openStorage()) {
            for (StudyInfo study : store.studies()) {
                Set<Integer> announced = startedTrials.getOrDefault(study.name(), Set.of());
                for (FrozenTrial t : store.trials(study.id(), EnumSet.of(TrialState.RUNNING))) {
                    if (!announced.contains(t.number())) {
                        continue;
                    }
                    String reason = "the forked JVM died (exit code " + exitCode + ") during the trial without"
                            + " storing it; killed by the system, as the out-of-memory killer does?";
                    store.setTrialSystemAttr(t.id(), Study.FAIL_REASON_ATTR, reason);
                    if (store.setTrialState(t.id(), TrialState.FAIL, null)) {
                        getLog().warn("hpo: trial " + t.number() + " of study " + study.name() + " was running when "
                                + "the forked JVM died; stored as FAIL");
                    }
                }
            }
        } catch (MojoExecutionException | RuntimeException e) {
            getLog().warn("hpo: could not mark FAIL the trials the forked JVM left running: " + e.getMessage());
        }
    }

    /**
     * After a fork that did not finish (an objective called {@code System.exit}, the JVM ran out of memory or was
     * stopped at {@code forkTimeout}): the outputs of the studies it worked on, from what the storage holds, so that
     * the report and the JSON show the trials it finished and the one it died in. Those studies are the ones with a
     * trial started since the fork was launched (it wrote no record of its run); the project's other studies it
     * announced follow, as after a finished run, so that the properties file and the report still cover them. A
     * failure here is logged, so that the build fails for the fork's reason.
     */
    private void writeWhatTheForkStored(Instant launched) {
        try (Storage store = openStorage()) {
            List<String> touched = new ArrayList<>();
            for (StudyInfo study : store.studies()) {
                if (store.trials(study.id()).stream().anyMatch(t -> t.start() != null && !t.start().isBefore(launched))) {
                    touched.add(study.name());
                }
            }
            List<String> studies = outputStudies(store, new StudyFilter(objectives).filter(touched), announcedStudies);
            if (!studies.isEmpty()) {
                readAndWrite(store, studies, Map.of());
            }
        } catch (MojoExecutionException | RuntimeException e) {
            getLog().warn("hpo: could not write the outputs of the unfinished run: " + e.getMessage());
        }
    }

    /**
     * The studies whose outputs this build writes: those it ran, then those of the project's other objectives (left
     * out by the {@code objectives} filter or a tag filter, disabled) that the storage holds, so that the properties
     * file and the report keep covering every study of the project, and no study's JSON file is left stale.
     */
    private static List<String> outputStudies(Storage store, List<String> ran, List<String> objectiveStudies) {
        List<String> studies = new ArrayList<>(ran);
        Set<String> stored = new HashSet<>(store.studies().stream().map(StudyInfo::name).toList());
        objectiveStudies.stream().filter(s -> stored.contains(s) && !studies.contains(s)).forEach(studies::add);
        return studies;
    }

    /** One line of the fork's output into the build log, at its level ({@link ForkedJvm.Line}). */
    private void relay(String text) {
        ForkedJvm.Started started = ForkedJvm.Started.of(text);
        if (started != null) {
            startedTrials.computeIfAbsent(started.study(), s -> ConcurrentHashMap.newKeySet()).add(started.trial());
            return;
        }
        ForkedJvm.Objective objective = ForkedJvm.Objective.of(text);
        if (objective != null) {
            announcedStudies.add(objective.study());
            return;
        }
        RedirectedOutput output = redirected;
        if (output != null && RedirectedOutput.isObjectiveOutput(text)) {
            Optional<IOException> failed = output.write(text);
            if (failed.isEmpty()) {
                return;
            }
            redirected = null;  // said once; the rest of the output comes to the log
            getLog().warn("hpo: cannot write the objectives' output to " + output.file() + " (" + failed.get()
                    + "); it goes to the log");
        }
        ForkedJvm.Line line = ForkedJvm.Line.of(text);
        switch (line.level()) {
            case WARNING -> getLog().warn(line.text());
            case ERROR -> getLog().error(line.text());
            default -> getLog().info(line.text());
        }
    }

    private void judge(ForkRun run) throws MojoExecutionException, MojoFailureException {
        List<StudyOutcome> outcomes;
        long opening = System.nanoTime();
        try (Storage store = openStorage()) {
            getLog().debug("hpo: opened " + storage + " in " + (System.nanoTime() - opening) / 1_000_000 + " ms");
            List<String> studies = outputStudies(store, run.studies(), run.objectiveStudies());
            List<StudyOutcome> written = readAndWrite(store, studies, run.trialsByStudy());
            outcomes = written.stream().filter(o -> run.trialsByStudy().containsKey(o.name())).toList();
            List<String> kept = written.stream().map(StudyOutcome::name)
                    .filter(name -> !run.trialsByStudy().containsKey(name)).toList();
            if (!kept.isEmpty()) {
                getLog().info("hpo: not run in this build, written from the storage as they are, their thresholds not"
                        + " judged again: " + String.join(", ", kept));
            }
        }
        List<ForkRun.Failure> forkFailures = ThresholdGate.notJudged(run.failures(), outcomes);
        ThresholdGate.skipped(outcomes).forEach(s -> getLog().warn("hpo: " + s + " (not judged)"));
        List<String> problems = new ArrayList<>();
        String none = null;
        if (run.objectives() == 0 && run.failures().isEmpty() && !tagArguments().isEmpty()) {
            none = "no objective matches the tags asked for (" + String.join(" ", tagArguments())
                    .replace("--include-tags", "groups =").replace("--exclude-tags", "excludedGroups =")
                    + "): tag objectives with Jupiter's @Tag, or change hpo.groups / hpo.excludedGroups";
        } else if (run.objectives() == 0 && run.failures().isEmpty()) {
            none = "no objective found in " + project.getBuild().getTestOutputDirectory()
                    + ": annotate a test method with @dev.hpo.junit.Objective and its parameters with search ranges";
        } else if (run.allDisabled()) {
            // on purpose: a build whose tests are all @Disabled passes too
            getLog().info("hpo: no objective ran: " + String.join("; ", run.skipped()));
        } else if (run.allSkipped()) {
            none = "no objective ran: " + String.join("; ", run.skipped()) + ". Name studies in objectives"
                    + " (hpo.objectives) as <class>.<method> or the @Objective's name, comma-separated; * matches any"
                    + " text";
        }
        if (!run.allSkipped()) {
            run.disabled().forEach(reason -> getLog().info("hpo: not run: " + reason));
        }
        List<String> unmatched = new StudyFilter(objectives).unmatched(run.objectiveStudies(), studyPrefix);
        if (none == null && !run.objectiveStudies().isEmpty() && !unmatched.isEmpty()) {
            none = "objectives (hpo.objectives) names " + String.join(", ", unmatched) + ", which "
                    + (unmatched.size() == 1 ? "matches" : "match") + " no objective of " + project.getArtifactId()
                    + "; its objectives are " + String.join(", ", run.objectiveStudies()) + " (* matches any text)";
        }
        if (none != null && failIfNoObjectives()) {
            problems.add(none);
        } else if (none != null) {
            getLog().warn(none + " (failIfNoObjectives=false: not failing the build)");
        }
        try {
            Path written = GateReport.write(reportsDirectory.toPath(), outcomes, forkFailures);
            getLog().debug("hpo: wrote " + written);
        } catch (IOException e) {
            throw new MojoExecutionException("cannot write the JUnit XML report to " + reportsDirectory + ": "
                    + e.getMessage(), e);
        }
        String summaryFile = System.getenv(StepSummary.ENV);
        if (summaryFile != null && !summaryFile.isBlank() && !outcomes.isEmpty()) {
            try {
                StepSummary.append(Path.of(summaryFile), StepSummary.markdown(project.getArtifactId(), outcomes));
            } catch (IOException | RuntimeException e) {
                getLog().warn("hpo: could not write the GitHub job summary to " + summaryFile + ": " + e.getMessage());
            }
        }
        // what surefire would call test failures: an objective that could not run, a study without a result, a miss
        List<String> failures = new ArrayList<>();
        for (ForkRun.Failure f : forkFailures) {
            failures.add(f.test() + ": " + f.message());
        }
        failures.addAll(ThresholdGate.broken(outcomes));
        List<String> misses = ThresholdGate.misses(outcomes);
        if (failOnThreshold()) {
            failures.addAll(misses);
        } else {
            misses.forEach(m -> getLog().warn(m + " (failOnThreshold=false: not failing the build)"));
        }
        if (testFailureIgnore && !failures.isEmpty()) {
            failures.forEach(f -> getLog().error(f));
            getLog().error("hpo: the studies did not pass (maven.test.failure.ignore=true: not failing the build; "
                    + reportsDirectory.toPath().resolve(GateReport.FILE_NAME) + " has the verdict)");
        } else {
            problems.addAll(failures);
        }
        if (!problems.isEmpty()) {
            throw failure(problems);
        }
    }
}
