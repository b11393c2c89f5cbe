package dev.hpo.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hpo:studies}, {@code hpo:report} and {@code hpo:delete-study} only read the storage: a journal path that does
 * not exist (a typo) is a storage without studies, said so, and neither the file nor its folders are created. Like
 * {@code hpo:optimize}, they read {@code hpo.skip} first.
 */
class ReadOnlyGoalsTest {

    private final List<String> infos = new ArrayList<>();

    private <M extends AbstractHpoMojo> M goal(M mojo, Path journal) {
        mojo.storage = "journal:" + journal;
        mojo.project = new MavenProject();
        mojo.project.setFile(journal.getRoot().resolve("pom.xml").toFile());
        mojo.outputDirectory = journal.getRoot().resolve("out").toFile();
        mojo.setLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                infos.add(content.toString());
            }
        });
        return mojo;
    }

    @Test
    void everyGoalRefusesASkipThatIsNeitherTrueNorFalse(@TempDir Path dir) {
        for (AbstractHpoMojo mojo : List.of(new OptimizeMojo(), new ReportMojo(), new StudiesMojo(),
                new DeleteStudyMojo())) {
            goal(mojo, dir.resolve("x.log")).skip = "maybe";
            MojoExecutionException e = assertThrows(MojoExecutionException.class, mojo::execute);
            assertEquals("invalid value 'maybe' for parameter skip (hpo.skip): allowed is true or false",
                    e.getMessage(), mojo.getClass().getSimpleName());
        }
    }

    @Test
    void aSkipInCapitalsSkipsTheGoalSayingSo(@TempDir Path dir) throws Exception {
        StudiesMojo studies = goal(new StudiesMojo(), dir.resolve("x.log"));
        studies.skip = "TRUE";
        studies.execute();
        assertEquals(List.of("hpo: skipped (hpo.skip=true)"), infos);
    }

    @Test
    void studiesSaysThereIsNoSuchJournalAndCreatesNothing(@TempDir Path dir) throws Exception {
        Path journal = dir.resolve("typo/dir/x.log");
        goal(new StudiesMojo(), journal).execute();
        assertEquals(List.of("hpo: storage journal:" + journal + " has no study: there is no journal file " + journal),
                infos);
        assertFalse(dir.resolve("typo").toFile().exists(), "no folder of the journal's path is created");
    }

    @Test
    void reportFailsSayingThereIsNoSuchJournalAndCreatesNothing(@TempDir Path dir) {
        Path journal = dir.resolve("typo/dir/x.log");
        MojoExecutionException e = assertThrows(MojoExecutionException.class,
                () -> goal(new ReportMojo(), journal).execute());
        assertEquals("storage journal:" + journal + " has no study to report: there is no journal file " + journal
                + "; run hpo:optimize first, or check hpo.storage", e.getMessage());
        assertFalse(dir.resolve("typo").toFile().exists(), "no folder of the journal's path is created");
    }

    @Test
    void deleteStudyFailsSayingThereIsNoSuchJournalAndCreatesNothing(@TempDir Path dir) {
        Path journal = dir.resolve("typo/dir/x.log");
        DeleteStudyMojo delete = goal(new DeleteStudyMojo(), journal);
        delete.objectives = "Tuning.accuracy";
        MojoFailureException e = assertThrows(MojoFailureException.class, delete::execute);
        assertEquals("storage journal:" + journal + " has no study [Tuning.accuracy]: there is no journal file "
                + journal + ". Nothing was deleted", e.getMessage());
        assertFalse(dir.resolve("typo").toFile().exists(), "no folder of the journal's path is created");
    }
}
