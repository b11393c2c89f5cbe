package dev.hpo.maven;

import dev.hpo.storage.Storage;
import dev.hpo.storage.StorageException;
import dev.hpo.storage.StudyInfo;
import dev.hpo.storage.jdbc.JdbcUrls;
import java.io.File;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What {@code hpo:optimize} and {@code hpo:report} share: the storage they read, the outputs they write and the
 * summary they log. Both read every result back from the storage, the single source of truth, so a report
 * rebuilt later is the same as the one written right after the study.
 */
abstract class AbstractHpoMojo extends AbstractMojo {

    /**
     * The storage the studies live in: {@code journal:<file>} (Optuna's journal format; several builds may share
     * it) or {@code jdbc:postgresql://...} (the JDBC driver must then be a dependency of the plugin and a test
     * dependency of the project). The default keeps the studies under {@code target/}, so the next build resumes
     * them until {@code mvn clean}.
     */
    @Parameter(property = "hpo.storage", defaultValue = "journal:${project.build.directory}/hpo/studies.log")
    protected String storage;

    /** Comma-separated study names ({@code Class.method} or {@code @Objective(name)}) to run or report; all when empty. */
    @Parameter(property = "hpo.objectives")
    protected String objectives;

    /** Where the study JSON files go, and by default the properties file and the report. */
    @Parameter(property = "hpo.outputDirectory", defaultValue = "${project.build.directory}/hpo")
    protected File outputDirectory;

    /**
     * The best parameters of every study: {@code <study>.<param>=value}, {@code <study>.value},
     * {@code <study>.trial}; {@code best-params.properties} in {@code outputDirectory} when not set.
     */
    @Parameter(property = "hpo.propertiesFile")
    protected File propertiesFile;

    /** The self-contained HTML report of the studies; {@code report.html} in {@code outputDirectory} when not set. */
    @Parameter(property = "hpo.reportFile")
    protected File reportFile;

    /**
     * Where objectives that take an {@code ArtifactStore} upload their files (the fork gets it as
     * {@code hpo.artifacts}): a directory, relative to the project's base directory, or a JDBC URL (the database of a
     * {@code jdbc:} storage, for workers on several machines). The best trial's files of every single-objective study
     * are copied from there to {@code best/<study>/} in {@code outputDirectory}.
     */
    @Parameter(property = "hpo.artifacts", defaultValue = "${project.build.directory}/hpo/artifacts")
    protected String artifacts;

    static final SwitchParameter SKIP = new SwitchParameter("skip", false);

    /** Skips the goal: true or false ({@code -Dhpo.skip} alone is true). */
    @Parameter(property = "hpo.skip", defaultValue = "false")
    protected String skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    protected MavenProject project;

    /**
     * Whether {@code hpo.skip} is set, said in one log line.
     *
     * @throws MojoExecutionException naming the parameter when it is neither true nor false
     */
    protected boolean skipped() throws MojoExecutionException {
        boolean skipped;
        try {
            skipped = SKIP.parse(skip);
        } catch (InvalidParameterException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
        if (skipped) {
            getLog().info("hpo: skipped (hpo.skip=true)");
        }
        return skipped;
    }

    /** The names of the storage's studies that {@link #objectives} selects (all when it is empty). */
    protected List<String> selectedStudies(Storage store) {
        return new StudyFilter(objectives).filter(store.studies().stream().map(StudyInfo::name).toList());
    }

    /** Reads the studies from the storage, writes the outputs and logs the summary table. */
    protected List<StudyOutcome> readAndWrite(Storage store, Collection<String> studies,
            Map<String, List<Integer>> runTrials) throws MojoExecutionException {
        List<StudyOutcome> outcomes = new ArrayList<>();
        List<BestArtifacts> exported = List.of();
        File properties = propertiesFile != null ? propertiesFile : new File(outputDirectory, "best-params.properties");
        File report = reportPath();
        try {
            long started = System.nanoTime();
            for (String name : studies) {
                outcomes.add(StudyOutcome.read(store, name, runTrials.getOrDefault(name, List.of())));
            }
            long read = System.nanoTime();
            if (!outcomes.isEmpty()) {
                exported = ReportOutputs.write(store, List.copyOf(studies), properties.toPath(), report.toPath(),
                        outputDirectory.toPath(), artifactLocation());
            }
            getLog().debug("hpo: read the studies in " + (read - started) / 1_000_000 + " ms, wrote the outputs in "
                    + (System.nanoTime() - read) / 1_000_000 + " ms");
        } catch (UncheckedIOException | StorageException | IllegalStateException e) {
            throw new MojoExecutionException("cannot read the studies back from storage " + storage
                    + " or write the outputs to " + outputDirectory + ": " + e.getMessage(), e);
        }
        if (!outcomes.isEmpty()) {
            getLog().info("hpo: " + Numbers.count(outcomes.size(), "study") + " in " + storage
                    + "; wrote " + properties + ", " + report + " and the study JSON files to "
                    + outputDirectory);
            for (String line : SummaryTable.lines(outcomes)) {
                getLog().info(line);
            }
        }
        for (BestArtifacts best : exported) {
            String line = "hpo: " + best.describe(JdbcUrls.redact(artifactLocation()));
            if (best.problem() == null) {
                getLog().info(line);
            } else {
                getLog().warn(line);
            }
        }
        return outcomes;
    }

    /**
     * {@link #artifacts} with a relative directory resolved against the project's base directory; an empty value
     * ({@code -Dhpo.artifacts=}) means the default, not the base directory itself.
     */
    protected String artifactLocation() {
        if (artifacts == null || artifacts.isBlank()) {
            return Path.of(project.getBuild().getDirectory(), "hpo", "artifacts").toString();
        }
        if (artifacts.startsWith("jdbc:")) {
            return artifacts;
        }
        Path directory = Path.of(artifacts.startsWith("file:") ? artifacts.substring(5) : artifacts);
        return (directory.isAbsolute() ? directory : project.getBasedir().toPath().resolve(directory)).toString();
    }

    /** Where the report goes: {@link #reportFile}, else {@code report.html} in the output directory. */
    protected File reportPath() {
        return reportFile != null ? reportFile : new File(outputDirectory, "report.html");
    }

    /** {@link #storage} with any password masked, for messages. */
    protected String redactedStorage() {
        return JdbcUrls.redact(storage);
    }

    /**
     * {@link #storage} with a relative journal path resolved against the project's base directory, as the goal opens
     * it and hands it to the forked JVM: Maven's working directory is the reactor's root, the module's in neither case.
     */
    protected String storageUrl() {
        if (storage == null || !storage.startsWith(StorageUrl.JOURNAL)) {
            return storage;
        }
        Path path = Path.of(storage.substring(StorageUrl.JOURNAL.length()));
        return path.isAbsolute() || storage.length() == StorageUrl.JOURNAL.length() ? storage
                : StorageUrl.JOURNAL + project.getBasedir().toPath().resolve(path);
    }

    /**
     * For the goals that only read the storage: why it cannot hold a study without opening it, {@code there is no
     * journal file <path>}, when the journal it names does not exist (opening would create the file and its folders);
     * else empty.
     */
    protected Optional<String> noSuchJournal() {
        return StorageUrl.missingJournal(storageUrl()).map(file -> "there is no journal file " + file);
    }

    /** Opens the storage, turning a bad URL into an error that names the parameter. */
    protected Storage openStorage() throws MojoExecutionException {
        try {
            return StorageUrl.open(storageUrl());
        } catch (InvalidParameterException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        } catch (StorageException e) {
            throw new MojoExecutionException("cannot open storage " + storage + ": " + e.getMessage(), e);
        }
    }

    /** One failure carrying every problem of the build, a sentence each. */
    protected static MojoFailureException failure(List<String> problems) {
        return new MojoFailureException(problems.size() == 1 ? problems.get(0)
                : problems.size() + " problems:\n  " + String.join("\n  ", problems));
    }
}
