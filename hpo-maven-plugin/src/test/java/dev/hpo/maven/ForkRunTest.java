package dev.hpo.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForkRunTest {

    @TempDir
    Path dir;

    @Test
    void readsStudiesTrialNumbersAndFailures() throws IOException {
        Path f = dir.resolve("run.properties");
        Files.writeString(f, String.join("\n", "objectives=3", "skipped=1",
                "skipped.0=study Other.x is not among hpo.objectives \\= QuadraticTuning.bowl,custom name", "studies=2",
                "study.0.name=QuadraticTuning.bowl", "study.0.trials=4,5,6",
                "study.1.name=custom name", "study.1.trials=",
                "failures=2", "failure.0.test=hpo > Broken > bad(int)",
                "failure.0.message=@IntRange on parameter 'depth'\\: min 30 > max 2", "failure.0.class=x.Broken",
                "failure.0.name=bad(int)",
                "failure.1.test=hpo > Failing > all()", "failure.1.message=study Failing.all\\: none completed",
                "failure.1.study=Failing.all", "objectiveStudies=2", "objectiveStudy.0=QuadraticTuning.bowl",
                "objectiveStudy.1=Other.x"));
        ForkRun run = ForkRun.read(f);
        assertEquals(3, run.objectives());
        assertEquals(List.of("study Other.x is not among hpo.objectives = QuadraticTuning.bowl,custom name"),
                run.skipped());
        assertFalse(run.allSkipped());
        assertEquals(Map.of("QuadraticTuning.bowl", List.of(4, 5, 6), "custom name", List.of()), run.trialsByStudy());
        assertEquals(List.of("QuadraticTuning.bowl", "custom name"), run.studies());
        assertEquals(List.of("QuadraticTuning.bowl", "Other.x"), run.objectiveStudies(), "run or not");
        assertEquals(List.of(
                new ForkRun.Failure("hpo > Broken > bad(int)", "@IntRange on parameter 'depth': min 30 > max 2", null,
                        "x.Broken", "bad(int)"),
                new ForkRun.Failure("hpo > Failing > all()", "study Failing.all: none completed", "Failing.all")),
                run.failures());
    }

    @Test
    void everyObjectiveSkippedMeansNoStudyRan() throws IOException {
        Path f = dir.resolve("run.properties");
        Files.writeString(f, String.join("\n", "objectives=1", "skipped=1",
                "skipped.0=study A.b is not among hpo.objectives \\= Nope.x", "studies=0", "failures=0"));
        ForkRun run = ForkRun.read(f);
        assertTrue(run.allSkipped());
        assertEquals(List.of("study A.b is not among hpo.objectives = Nope.x"), run.skipped());
    }

    /** The launcher marks an objective a condition turned off; its reason is Jupiter's, after the objective's name. */
    @Test
    void objectivesMarkedDisabledAreToldFromFilteredOnes() throws IOException {
        Path f = dir.resolve("run.properties");
        Files.writeString(f, String.join("\n", "objectives=3", "skipped=3", "skipped.0=A.b\\: too slow",
                "skipped.0.disabled=true", "skipped.1=A.d\\: Disabled on operating system\\: Linux",
                "skipped.1.disabled=true", "skipped.2=study A.c is not among hpo.objectives \\= Nope.x", "studies=0",
                "failures=0"));
        ForkRun run = ForkRun.read(f);
        assertEquals(List.of("A.b: too slow", "A.d: Disabled on operating system: Linux"), run.disabled());
        assertTrue(run.allSkipped());
        assertFalse(run.allDisabled());
    }

    /**
     * The engine applies the filter first, so the disabled objectives are those the filter selected: when they are all
     * that was selected, the run is on purpose, as when every objective is disabled.
     */
    @Test
    void everyObjectiveTheFilterSelectedDisabledIsOnPurpose() throws IOException {
        Path f = dir.resolve("run.properties");
        Files.writeString(f, String.join("\n", "objectives=3", "skipped=3", "skipped.0=A.b\\: too slow",
                "skipped.0.disabled=true", "skipped.1=study A.c is not among hpo.objectives \\= A.b",
                "skipped.2=study A.d is not among hpo.objectives \\= A.b", "studies=0", "failures=0",
                "objectiveStudies=3", "objectiveStudy.0=A.b", "objectiveStudy.1=A.c", "objectiveStudy.2=A.d"));
        ForkRun run = ForkRun.read(f);
        assertEquals(List.of("A.b: too slow"), run.disabled());
        assertTrue(run.allDisabled());
        Files.writeString(f, String.join("\n", "objectives=2", "skipped=2",
                "skipped.0=study A.b is not among hpo.objectives \\= Nope.x",
                "skipped.1=study A.c is not among hpo.objectives \\= Nope.x", "studies=0", "failures=0",
                "objectiveStudies=2", "objectiveStudy.0=A.b", "objectiveStudy.1=A.c"));
        assertFalse(ForkRun.read(f).allDisabled(), "none disabled: the filter selected nothing");
    }

    /** A launcher of an older engine version marks nothing, and words a condition's skip as its own. */
    @Test
    void objectivesSkippedAsDisabledAreToldFromFilteredOnes() throws IOException {
        Path f = dir.resolve("run.properties");
        Files.writeString(f, String.join("\n", "objectives=2", "skipped=2", "skipped.0=A.b is @Disabled\\: too slow",
                "skipped.1=A is @EnabledIfEnvironmentVariable, environment variable CI is not set", "studies=0",
                "failures=0"));
        ForkRun run = ForkRun.read(f);
        assertEquals(List.of("A.b is @Disabled: too slow", "A is @EnabledIfEnvironmentVariable, environment variable CI"
                + " is not set"), run.disabled(), "conditions too");
        assertTrue(run.allDisabled());
        Files.writeString(f, String.join("\n", "objectives=2", "skipped=2", "skipped.0=A.b is @Disabled",
                "skipped.1=study A.c is not among hpo.objectives \\= Nope.x", "studies=0", "failures=0"));
        ForkRun mixed = ForkRun.read(f);
        assertEquals(List.of("A.b is @Disabled"), mixed.disabled());
        assertTrue(mixed.allSkipped());
        assertFalse(mixed.allDisabled(), "a filter that matches nothing is still a mistake to report");
    }

    @Test
    void aLauncherThatWritesNoSkippedKeysSkippedNothing() throws IOException {
        Path f = dir.resolve("run.properties");
        Files.writeString(f, String.join("\n", "objectives=1", "studies=0", "failures=0"));
        ForkRun run = ForkRun.read(f);
        assertEquals(List.of(), run.skipped());
        assertFalse(run.allSkipped());
    }

    @Test
    void missingKeyIsReportedWithTheFile() throws IOException {
        Path f = dir.resolve("run.properties");
        Files.writeString(f, "objectives=1\n");
        IOException e = assertThrows(IOException.class, () -> ForkRun.read(f));
        assertEquals("run file " + f + " has no key 'studies'", e.getMessage());
    }
}
