package dev.hpo.junit.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.hpo.junit.engine.fixtures.AlwaysFailing;
import dev.hpo.junit.engine.fixtures.Bowl;
import dev.hpo.junit.engine.fixtures.DefineByRun;
import dev.hpo.junit.engine.fixtures.lifecycle.DisabledClass;
import dev.hpo.junit.engine.fixtures.lifecycle.Disabling;
import dev.hpo.junit.engine.fixtures.nested.DisabledOuter;
import dev.hpo.junit.engine.fixtures.names.Misnamed;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** What the forked launcher's listener records for the goal, from real launches of two fixture objectives. */
class RunRecordTest {

    @TempDir
    Path dir;

    private static RunRecord launch(String objectivesFilter) {
        return launch(objectivesFilter, Bowl.class, DefineByRun.class);
    }

    private static RunRecord launch(String objectivesFilter, Class<?>... classes) {
        TrialProgressListener listener = new TrialProgressListener(new PrintStream(OutputStream.nullOutputStream()));
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(Arrays.stream(classes).map(DiscoverySelectors::selectClass).toList())
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
        assertEquals(List.of(new RunRecord.Skip("study Bowl.bowl is not among hpo.objectives = dbr", false)),
                record.skipped());
        assertEquals(Map.of("dbr", List.of(0, 1)), record.trialsByStudy());
        assertEquals(List.of(), record.failures());
        assertEquals(List.of("Bowl.bowl", "dbr"), record.objectiveStudies(), "the filtered one too");
    }

    /** Discovery's names, before a tag filter prunes the tree: the goal writes the outputs of all the studies. */
    @Test
    void theStudiesOfObjectivesLeftOutByATagFilterAreNamedWithThePrefix() {
        TrialProgressListener listener = new TrialProgressListener(new PrintStream(OutputStream.nullOutputStream()));
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(Bowl.class), selectClass(DefineByRun.class))
                .filters(EngineFilter.includeEngines("hpo"), TagFilter.includeTags("nothing-has-it"))
                .configurationParameters(Map.of("hpo.mode", "study", "hpo.storage", "memory:",
                        "hpo.study.prefix", "team-"))
                .build(), listener);
        assertEquals(List.of("team-Bowl.bowl", "team-dbr"), listener.record().objectiveStudies());
    }

    @Test
    void aFilterMatchingNothingSkipsEveryObjective() {
        RunRecord record = launch("Nope.x");
        assertEquals(2, record.objectives());
        assertEquals(List.of(new RunRecord.Skip("study Bowl.bowl is not among hpo.objectives = Nope.x", false),
                new RunRecord.Skip("study dbr is not among hpo.objectives = Nope.x", false)), record.skipped());
        assertEquals(Map.of(), record.trialsByStudy());
    }

    /**
     * A disabled objective is named before Jupiter's reason, which does not name it, and told from one the filter left
     * out, so that the goal passes a build whose objectives are all disabled, as surefire passes one of disabled tests.
     */
    @Test
    void aDisabledObjectiveIsNamedWithItsReasonAndToldFromAFilteredOne() {
        RunRecord record = launch("Bowl.bowl,Disabling.slow", Bowl.class, Disabling.class);
        assertEquals(Set.of(new RunRecord.Skip("Disabling.slow: takes an hour", true),
                new RunRecord.Skip("study Disabling.quick is not among hpo.objectives = Bowl.bowl,Disabling.slow",
                        false)), Set.copyOf(record.skipped()));
    }

    /**
     * The filter comes first, as a discovery filter does in Jupiter, which asks no condition of a test it removed: a
     * disabled objective the filter leaves out is recorded as not selected, not as disabled.
     */
    @Test
    void aDisabledObjectiveTheFilterLeavesOutIsRecordedAsNotSelected() {
        RunRecord record = launch("Bowl.bowl", Bowl.class, Disabling.class);
        assertEquals(Set.of(new RunRecord.Skip("study Disabling.slow is not among hpo.objectives = Bowl.bowl", false),
                new RunRecord.Skip("study Disabling.quick is not among hpo.objectives = Bowl.bowl", false)),
                Set.copyOf(record.skipped()));
    }

    /**
     * The engine skips a disabled class as a whole, as Jupiter does, and reports none of its objectives: each is
     * listed all the same, a {@code @Nested} class's too, disabled with the class's reason.
     */
    @Test
    void eachObjectiveOfADisabledClassIsNamedAsDisabledWithTheClasssReason() {
        RunRecord record = launch("", DisabledClass.class, DisabledOuter.class);
        assertEquals(2, record.objectives());
        assertEquals(List.of(new RunRecord.Skip("DisabledClass.score: class " + DisabledClass.class.getName()
                        + " is @Disabled", true), new RunRecord.Skip("DisabledOuter.Inner.score: not today", true)),
                record.skipped());
        assertEquals(Map.of(), record.trialsByStudy());
        assertEquals(List.of(), record.failures());
    }

    /** The goal judges such a study itself, from the storage: the study's name tells it the verdict is the same. */
    @Test
    void aStudyWithoutAResultIsAFailureNamingTheStudy() {
        RunRecord record = launch("", AlwaysFailing.class);
        assertEquals(1, record.failures().size());
        assertEquals("AlwaysFailing.broken", record.failures().get(0).study());
        assertTrue(record.failures().get(0).message().startsWith("study AlwaysFailing.broken: none of the 3 trials"),
                record.failures().get(0).message());
    }

    /** A JUnit XML report files it under its class, as surefire does. */
    @Test
    void aMalformedObjectiveIsAFailureNamingItsClass() {
        RunRecord record = launch("", dev.hpo.junit.engine.fixtures.malformed.BadPatience.class);
        assertEquals(1, record.failures().size());
        assertEquals(dev.hpo.junit.engine.fixtures.malformed.BadPatience.class.getName(),
                record.failures().get(0).testClass());
    }

    /**
     * A JUnit XML report names it as surefire names a Jupiter test's case: a method with parameters by its legacy
     * reporting name whatever its display name, one without by its name.
     */
    @Test
    void aFailureCarriesTheNameSurefireGivesTheTestCaseOfItsMethod() {
        Map<String, String> names = new TreeMap<>();
        launch("", Misnamed.class).failures().forEach(f -> names.put(f.test(), f.caseName()));
        assertEquals(Map.of("hpo > Misnamed > an upside-down range", "depth(int)", "hpo > Misnamed > words()", "words"),
                names);
    }

    @Test
    void writesTheKeysTheGoalReads() throws IOException {
        Path file = dir.resolve("fork/run.properties");
        new RunRecord(3, List.of(new RunRecord.Skip("study A.b is not among hpo.objectives = C.d", false),
                new RunRecord.Skip("E.g: too slow", true)), Map.of("C.d", List.of(4, 5)),
                List.of(new RunRecord.Failure("hpo > E > f(int)", "bad range", null, "x.E", "f(int)"),
                        new RunRecord.Failure("hpo > C > d(int)", "no trial completed", "C.d", null, null)),
                List.of("A.b", "C.d")).write(file);
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        }
        assertEquals(Map.ofEntries(Map.entry("objectives", "3"), Map.entry("skipped", "2"),
                Map.entry("skipped.0", "study A.b is not among hpo.objectives = C.d"),
                Map.entry("skipped.1", "E.g: too slow"), Map.entry("skipped.1.disabled", "true"),
                Map.entry("studies", "1"),
                Map.entry("study.0.name", "C.d"), Map.entry("study.0.trials", "4,5"), Map.entry("failures", "2"),
                Map.entry("failure.0.test", "hpo > E > f(int)"), Map.entry("failure.0.message", "bad range"),
                Map.entry("failure.0.class", "x.E"), Map.entry("failure.0.name", "f(int)"),
                Map.entry("failure.1.test", "hpo > C > d(int)"), Map.entry("failure.1.message", "no trial completed"),
                Map.entry("failure.1.study", "C.d"), Map.entry("objectiveStudies", "2"),
                Map.entry("objectiveStudy.0", "A.b"), Map.entry("objectiveStudy.1", "C.d")), Map.copyOf(p));
    }
}
