package dev.hpo.junit.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.hpo.junit.engine.fixtures.Bowl;
import dev.hpo.junit.engine.fixtures.DefineByRun;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** What the forked launcher's listener records for the goal, from real launches of two fixture objectives. */
class RunRecordTest {

    @TempDir
    Path dir;

    private static RunRecord launch(String objectivesFilter) {
        TrialProgressListener listener = new TrialProgressListener(new PrintStream(OutputStream.nullOutputStream()));
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(Bowl.class), selectClass(DefineByRun.class))
                .filters(EngineFilter.includeEngines("hpo"))
                .configurationParameters(Map.of("hpo.mode", "study", "hpo.storage", "memory:",
                        "hpo.objectives", objectivesFilter))
                .build(), listener);
        return listener.record();
    }

    @Test
    void objectivesLeftOutByTheFilterAreCountedWithTheReason() {
        RunRecord record = launch("dbr");
        assertEquals(2, record.objectives());
        assertEquals(List.of("study Bowl.bowl is not among hpo.objectives = dbr"), record.skipped());
        assertEquals(Map.of("dbr", List.of(0, 1)), record.trialsByStudy());
        assertEquals(List.of(), record.failures());
    }

    @Test
    void aFilterMatchingNothingSkipsEveryObjective() {
        RunRecord record = launch("Nope.x");
        assertEquals(2, record.objectives());
        assertEquals(List.of("study Bowl.bowl is not among hpo.objectives = Nope.x",
                "study dbr is not among hpo.objectives = Nope.x"), record.skipped());
        assertEquals(Map.of(), record.trialsByStudy());
    }

    @Test
    void writesTheKeysTheGoalReads() throws IOException {
        Path file = dir.resolve("fork/run.properties");
        new RunRecord(3, List.of("study A.b is not among hpo.objectives = C.d"), Map.of("C.d", List.of(4, 5)),
                List.of(new RunRecord.Failure("hpo > E > f(int)", "bad range"))).write(file);
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        assertEquals(Map.of("objectives", "3", "skipped", "1",
                "skipped.0", "study A.b is not among hpo.objectives = C.d",
                "studies", "1", "study.0.name", "C.d", "study.0.trials", "4,5",
                "failures", "1", "failure.0.test", "hpo > E > f(int)", "failure.0.message", "bad range"), Map.copyOf(p));
    }
}
