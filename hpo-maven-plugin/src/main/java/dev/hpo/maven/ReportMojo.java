package dev.hpo.maven;

import dev.hpo.storage.Storage;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Rebuilds {@code best-params.properties}, {@code report.html} and the study JSON files from the storage without
 * running a trial: for a storage another build (or Optuna itself) wrote, or after changing the report. It logs
 * threshold misses but never fails the build for them; {@code hpo:optimize} is the gate.
 */
@Mojo(name = "report", threadSafe = true)
public final class ReportMojo extends AbstractHpoMojo {

    @Override
    public void execute() throws MojoExecutionException {
        if (skipped()) {
            return;
        }
        if ("pom".equals(project.getPackaging())) {
            getLog().info("hpo: skipped: " + project.getArtifactId() + " has packaging pom (its modules report their"
                    + " own studies)");
            return;
        }
        Optional<String> noJournal = noSuchJournal();
        if (noJournal.isPresent()) {
            throw new MojoExecutionException("storage " + storage + " has no study to report: " + noJournal.get()
                    + "; run hpo:optimize first, or check hpo.storage");
        }
        try (Storage store = openStorage()) {
            List<String> studies = selectedStudies(store);
            if (studies.isEmpty()) {
                throw new MojoExecutionException("storage " + storage + " has no study"
                        + (objectives == null ? "" : " named " + objectives) + " to report; run hpo:optimize first");
            }
            List<StudyOutcome> outcomes = readAndWrite(store, studies, Map.of());
            for (String miss : ThresholdGate.misses(outcomes)) {
                getLog().warn(miss);
            }
        }
    }
}
