package dev.hpo.maven;

import dev.hpo.storage.Storage;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Lists the studies in the storage, a row each (best value and parameters, trials by state, time), as
 * {@code hpo:optimize} logs them at the end of a build and as {@code optuna studies} does for Optuna: to see what a
 * shared journal or database holds without writing any file.
 */
@Mojo(name = "studies", threadSafe = true)
public final class StudiesMojo extends AbstractHpoMojo {

    @Override
    public void execute() throws MojoExecutionException {
        if (skipped()) {
            return;
        }
        Optional<String> noJournal = noSuchJournal();
        if (noJournal.isPresent()) {
            getLog().info("hpo: storage " + redactedStorage() + " has no study: " + noJournal.get());
            return;
        }
        try (Storage store = openStorage()) {
            List<String> names = selectedStudies(store);
            if (names.isEmpty()) {
                getLog().info("hpo: storage " + redactedStorage() + " has no study"
                        + (objectives == null ? "" : " named " + objectives));
                return;
            }
            List<StudyOutcome> outcomes = new ArrayList<>();
            for (String name : names) {
                outcomes.add(StudyOutcome.read(store, name, List.of()));
            }
            getLog().info("hpo: " + Numbers.count(names.size(), "study") + " in " + redactedStorage());
            for (String line : SummaryTable.lines(outcomes)) {
                getLog().info(line);
            }
        }
    }
}
