package dev.hpo.maven;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.artifact.ArtifactStore;
import dev.hpo.artifact.Artifacts;
import dev.hpo.storage.Storage;
import dev.hpo.storage.StudyInfo;
import dev.hpo.storage.jdbc.JdbcUrls;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Deletes the studies named in {@code objectives} ({@code -Dhpo.objectives=Tuning.accuracy}) from the storage, with
 * the artifacts their trials and the study uploaded, as {@code optuna delete-study} does: for a study whose objective
 * changed so much that its trials mislead, on a storage that {@code mvn clean} does not reach (a database, a journal
 * outside {@code target/}). Names are required: this goal never deletes every study by default.
 */
@Mojo(name = "delete-study", threadSafe = true)
public final class DeleteStudyMojo extends AbstractHpoMojo {

    @Override
    public void execute() throws MojoExecutionException, MojoFailureException {
        if (skipped()) {
            return;
        }
        List<String> names = objectives == null ? List.of()
                : Arrays.stream(objectives.split(",")).map(String::trim).filter(n -> !n.isEmpty()).toList();
        if (names.isEmpty()) {
            throw new MojoFailureException("hpo:delete-study needs the studies to delete: -Dhpo.objectives=<study>[,"
                    + "<study>...] (hpo:studies lists them)");
        }
        Optional<String> noJournal = noSuchJournal();
        if (noJournal.isPresent()) {
            throw new MojoFailureException("storage " + redactedStorage() + " has no study " + names + ": "
                    + noJournal.get() + ". Nothing was deleted");
        }
        try (Storage store = openStorage()) {
            List<String> known = store.studies().stream().map(StudyInfo::name).toList();
            List<String> unknown = names.stream().filter(n -> !known.contains(n)).toList();
            if (!unknown.isEmpty()) {
                throw new MojoFailureException("storage " + redactedStorage() + " has no study " + unknown
                        + "; it has " + known + ". Nothing was deleted");
            }
            for (String name : names) {
                long id = store.findStudy(name).orElseThrow();
                List<FrozenTrial> trials = store.trials(id);
                int removed = removeArtifacts(Study.load(store, name), trials);
                store.deleteStudy(id);
                getLog().info("hpo: deleted study " + name + " (" + Numbers.count(trials.size(), "trial")
                        + (removed == 0 ? "" : ", " + Numbers.count(removed, "artifact file")) + ") from "
                        + redactedStorage());
            }
        }
    }

    /** Removes what the study and its trials uploaded, unless they uploaded nothing (then no store is opened). */
    private int removeArtifacts(Study study, List<FrozenTrial> trials) throws MojoExecutionException {
        if (Artifacts.list(study).isEmpty() && trials.stream().allMatch(t -> Artifacts.list(t).isEmpty())) {
            return 0;
        }
        try (ArtifactStore artifactStore = ArtifactStore.of(artifactLocation())) {
            return Artifacts.removeAll(study, artifactStore);
        } catch (IOException | RuntimeException e) {
            throw new MojoExecutionException("cannot remove the artifacts of study " + study.name() + " from "
                    + JdbcUrls.redact(artifactLocation()) + ": " + e.getMessage() + ". The study was not deleted", e);
        }
    }
}
