package dev.hpo.junit.engine;

import static dev.hpo.junit.engine.Engines.hpo;
import static dev.hpo.junit.engine.Engines.study;
import static dev.hpo.junit.engine.Engines.throwable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialState;
import dev.hpo.artifact.ArtifactMeta;
import dev.hpo.artifact.ArtifactStore;
import dev.hpo.artifact.Artifacts;
import dev.hpo.artifact.FileSystemArtifactStore;
import dev.hpo.junit.engine.fixtures.injection.BadInjection;
import dev.hpo.junit.engine.fixtures.injection.Cleanup;
import dev.hpo.junit.engine.fixtures.injection.Constructed;
import dev.hpo.junit.engine.fixtures.injection.ConstructedNested;
import dev.hpo.junit.engine.fixtures.injection.ConstructedOnce;
import dev.hpo.junit.engine.fixtures.injection.Deleting;
import dev.hpo.junit.engine.fixtures.injection.Factored;
import dev.hpo.junit.engine.fixtures.injection.Injected;
import dev.hpo.junit.engine.fixtures.injection.Publishing;
import dev.hpo.junit.engine.fixtures.injection.Seen;
import dev.hpo.junit.engine.fixtures.injection.UnresolvedConstructor;
import dev.hpo.junit.engine.fixtures.injection.UnresolvedEnclosing;
import dev.hpo.storage.InMemoryStorage;
import dev.hpo.storage.Storage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/** Jupiter's built-in resolvers ({@code TestInfo}, {@code TestReporter}, {@code @TempDir}) for objectives. */
class InjectionTest {

    private final Storage storage = new InMemoryStorage();

    @BeforeEach
    void clear() {
        Seen.clear();
    }

    @AfterEach
    void deleteWhatWasKept() throws IOException {
        for (Path d : Seen.DIRECTORIES) {
            if (Files.exists(d)) {
                try (Stream<Path> paths = Files.walk(d)) {
                    for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }

    @Test
    void aStudyInjectsTestInfoReporterAndTemporaryDirectoriesAndDeletesThemAfterTheirScope() {
        EngineExecutionResults results = study(storage).selectors(selectClass(Injected.class)).execute();
        results.testEvents().assertStatistics(s -> s.succeeded(1 + 3).failed(0));
        List<String> trials = results.testEvents().dynamicallyRegistered().stream()
                .map(e -> e.getTestDescriptor().getDisplayName()).toList();
        assertEquals(3, trials.size());
        List<String> expected = new ArrayList<>(List.of("beforeAll Injected false"));
        for (String trial : trials) {
            expected.add("beforeEach " + trial);
            expected.add("objective " + trial + " score [injected, scored]");
            expected.add("afterEach " + trial);
        }
        expected.add("afterAll Injected");
        assertEquals(expected, Seen.NAMES);

        // two class directories, then two per trial (the field's and the parameter's), all distinct, all deleted
        assertEquals(2 + 2 * 3, new HashSet<>(Seen.DIRECTORIES).size());
        for (Path d : Seen.DIRECTORIES) {
            assertFalse(Files.exists(d), d + " was deleted, read-only file and all");
        }

        // entries are published on the trial that published them, after hpo's own entry is not yet there
        for (Event trial : results.testEvents().dynamicallyRegistered().list()) {
            TestDescriptor test = trial.getTestDescriptor();
            List<Map<String, String>> entries = results.allEvents().reportingEntryPublished().stream()
                    .filter(e -> e.getTestDescriptor().equals(test))
                    .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs()).toList();
            assertEquals(Map.of("set up", test.getDisplayName()), entries.get(0));
            int i = Integer.parseInt(test.getDisplayName().replaceAll(".* i=", ""));
            assertEquals(Map.of("value", "i=" + i), entries.get(1));
        }
        for (FrozenTrial t : storage.trials(storage.findStudy("Injected.score").orElseThrow())) {
            assertEquals(TrialState.COMPLETE, t.state());
        }
    }

    @Test
    void aSmokeRunNamesTheObjectiveItRuns() {
        hpo().selectors(selectClass(Injected.class)).execute().testEvents()
                .assertStatistics(s -> s.succeeded(1).failed(0));
        String score = "score(int, Path, TestInfo, TestReporter)";  // Jupiter's name for a method of its signature
        assertEquals(List.of("beforeAll Injected false", "beforeEach " + score,
                "objective " + score + " score [injected, scored]", "afterEach " + score, "afterAll Injected"),
                Seen.NAMES);
        Seen.DIRECTORIES.forEach(d -> assertFalse(Files.exists(d), d + " was deleted"));
    }

    @Test
    void cleanupModesKeepWhatTheySay() {
        enqueueEveryI();
        study(storage).selectors(selectClass(Cleanup.class)).execute().testEvents()
                .assertStatistics(s -> s.succeeded(1 + 2).failed(1));
        List<FrozenTrial> trials = storage.trials(storage.findStudy("Cleanup.score").orElseThrow());
        for (FrozenTrial t : trials) {
            List<Path> dirs = Seen.DIRECTORIES.subList(3 * t.number(), 3 * t.number() + 3);
            boolean failed = t.state() == TrialState.FAIL;
            assertEquals(failed, (Integer) t.params().get("i") == 1);
            assertEquals(failed, Files.exists(dirs.get(0)), "ON_SUCCESS keeps the failed trial's directory only");
            assertTrue(Files.exists(dirs.get(1)), "NEVER keeps every directory");
            assertFalse(Files.exists(dirs.get(2)), "the default mode, ALWAYS, keeps none");
        }
    }

    @Test
    void theDefaultCleanupModeComesFromJupitersConfigurationParameter() {
        enqueueEveryI();
        study(storage).selectors(selectClass(Cleanup.class))
                .configurationParameter("junit.jupiter.tempdir.cleanup.mode.default", "never").execute();
        Seen.DIRECTORIES.forEach(d -> assertTrue(Files.exists(d) || Seen.DIRECTORIES.indexOf(d) % 3 == 0,
                d + " kept: the annotation's own mode says DEFAULT"));
        for (int i = 2; i < Seen.DIRECTORIES.size(); i += 3) {
            assertTrue(Files.exists(Seen.DIRECTORIES.get(i)));
        }
    }

    @Test
    void aFilePublishedThroughTheTestReporterIsAnArtifactOfItsTrial(@TempDir Path store) throws IOException {
        study(storage).selectors(selectClass(Publishing.class), selectClass(Publishing.FromAfterEach.class))
                .configurationParameter("hpo.artifacts", store.toString()).execute()
                .testEvents().assertStatistics(s -> s.failed(0).succeeded(1 + 2 + 1 + 1));  // objectives and trials
        assertFalse(Publishing.allowed, "a file published by @BeforeAll belongs to no trial: refused");
        ArtifactStore artifacts = new FileSystemArtifactStore(store);
        for (FrozenTrial t : storage.trials(storage.findStudy("Publishing.score").orElseThrow())) {
            List<ArtifactMeta> metas = Artifacts.list(t);
            assertEquals(1, metas.size());
            assertEquals("model.txt", metas.get(0).filename());
            assertEquals("text/plain; charset=UTF-8", metas.get(0).mimetype());
            Path copy = store.resolve("copy-" + t.number());
            Artifacts.download(artifacts, metas.get(0).artifactId(), copy);
            assertEquals("model " + t.params().get("i"), Files.readString(copy));
        }
        FrozenTrial logged = storage.trials(storage.findStudy("FromAfterEach.score").orElseThrow()).get(0);
        List<ArtifactMeta> metas = Artifacts.list(logged);
        assertEquals(List.of("log.json", "checkpoints.zip"), metas.stream().map(ArtifactMeta::filename).toList());
        assertEquals("application/zip", metas.get(1).mimetype());
        Path zip = store.resolve("checkpoints.zip");
        Artifacts.download(artifacts, metas.get(1).artifactId(), zip);
        Map<String, String> entries = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertEquals(Map.of("a.txt", "a", "sub/b.txt", "b"), entries, "a published directory is one zip artifact");
    }

    @Test
    void whatOnlyAnExtensionCouldGiveMakesTheObjectiveMalformed() {
        assertEquals("@BeforeEach method " + BadInjection.ResolvedParameter.class.getName() + ".setUp() takes a String;"
                + " the hpo engine gives lifecycle methods a TestInfo, a TestReporter or a @TempDir Path or File, and"
                + " what an extension the class registers (@ExtendWith) resolves, so drop the parameter or register"
                + " the extension that resolves it on the class", failure(BadInjection.ResolvedParameter.class));
        assertEquals(BadInjection.TextDirectory.class.getName() + ".score, parameter 'dir' is a String; @TempDir fits"
                + " Path and File", failure(BadInjection.TextDirectory.class));
        assertEquals("@TempDir field " + BadInjection.FinalField.class.getName() + ".dir is final; the engine assigns"
                + " it, so drop final", failure(BadInjection.FinalField.class));
    }

    @Test
    void aFactoryOfTheUsersOwnMakesTheDirectoriesAndIsClosedWithThem() {
        Factored.Named.closed = 0;
        study(storage).selectors(selectClass(Factored.class)).execute()
                .testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
        assertEquals(2, Seen.DIRECTORIES.size());
        assertTrue(Seen.DIRECTORIES.get(0).getFileName().toString().startsWith("score-field-"),
                Seen.DIRECTORIES::toString);
        assertTrue(Seen.DIRECTORIES.get(1).getFileName().toString().startsWith("score-Path-"),
                Seen.DIRECTORIES::toString);
        Seen.DIRECTORIES.forEach(d -> assertFalse(Files.exists(d), d + " deleted after the trial"));
        assertEquals(2, Factored.Named.closed, "each factory closed with its directory");
    }

    @Test
    void aDeletionStrategyOfTheUsersOwnDeletesTheDirectoryWithTheTrialsContextAndItsFailuresFailTheTrial()
            throws IOException {
        Deleting.DELETED.clear();
        study(storage).selectors(selectMethod(Deleting.class, "own", "int,java.nio.file.Path")).execute()
                .testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
        assertEquals(1, Deleting.DELETED.size());
        String[] deleted = Deleting.DELETED.get(0).split(" ", 3);
        assertFalse(Files.exists(Path.of(deleted[0])));
        assertEquals("Path", deleted[1]);
        assertTrue(deleted[2].startsWith("own()[0] i="), deleted[2]);

        Deleting.DELETED.clear();
        EngineExecutionResults results = study(storage).selectors(selectClass(Deleting.Undeletable.class)).execute();
        results.testEvents().assertStatistics(s -> s.failed(2));  // the trial, then its objective with no trial done
        Throwable t = throwable(results.testEvents().failed().list().get(0));
        assertEquals("DeletionException", t.getClass().getSimpleName());
        assertTrue(t.getMessage().contains("could not be deleted"), t.getMessage());
        assertEquals("held open", t.getSuppressed()[0].getMessage(), "what the strategy reported");
        Path left = Path.of(Deleting.DELETED.get(0));
        assertTrue(Files.exists(left), "the strategy left it");
        Files.delete(left);
    }

    @Test
    void theConfiguredDefaultFactoryAndDeletionStrategyServeATempDirThatNamesNone() {
        Deleting.DELETED.clear();
        Seen.DIRECTORIES.clear();
        study(storage).selectors(selectMethod(Deleting.class, "plain", "int,java.nio.file.Path"))
                .configurationParameter("junit.jupiter.tempdir.factory.default", Factored.Named.class.getName())
                .configurationParameter("junit.jupiter.tempdir.deletion.strategy.default",
                        Deleting.Recorded.class.getName())
                .execute().testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
        Path dir = Seen.DIRECTORIES.get(0);
        assertTrue(dir.getFileName().toString().startsWith("plain-Path-"), "made by the default factory: " + dir);
        assertTrue(Deleting.DELETED.get(0).startsWith(dir + " Path plain()[0]"), Deleting.DELETED::toString);
        assertFalse(Files.exists(dir));

        Seen.DIRECTORIES.clear();
        study(storage).selectors(selectMethod(Deleting.class, "plain", "int,java.nio.file.Path"))
                .configurationParameter("junit.jupiter.tempdir.factory.default", "com.example.NoSuchFactory")
                .execute().testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
        assertTrue(Seen.DIRECTORIES.get(0).getFileName().toString().startsWith("junit"),
                "an unloadable default is ignored, as Jupiter ignores it: " + Seen.DIRECTORIES);
    }

    @Test
    void aConstructorTakesTestInfoReporterAndTempDirAndEachTrialsInstanceIsNamedAsItsTrial() {
        EngineExecutionResults results = study(storage).selectors(selectClass(Constructed.class)).execute();
        results.testEvents().assertStatistics(s -> s.succeeded(1 + 3).failed(0));
        List<String> expected = new ArrayList<>();
        for (Event trial : results.testEvents().dynamicallyRegistered().list()) {
            String name = trial.getTestDescriptor().getDisplayName();
            expected.add("constructor " + name + " score");
            expected.add("objective " + name + " constructed as " + name);
            assertEquals(List.of(Map.of("constructed", name)), results.allEvents().reportingEntryPublished().stream()
                    .filter(e -> e.getTestDescriptor().equals(trial.getTestDescriptor()))
                    .map(e -> e.getRequiredPayload(ReportEntry.class).getKeyValuePairs())
                    .filter(entry -> entry.containsKey("constructed")).toList());
        }
        assertEquals(6, expected.size());
        assertEquals(expected, Seen.NAMES);
        assertEquals(3, new HashSet<>(Seen.DIRECTORIES).size(), "a directory per trial's constructor");
        Seen.DIRECTORIES.forEach(d -> assertFalse(Files.exists(d), d + " was deleted"));
    }

    @Test
    void aSmokeRunNamesTheConstructorsTestInfoAsTheObjective() {
        hpo().selectors(selectClass(Constructed.class)).execute().testEvents()
                .assertStatistics(s -> s.succeeded(1).failed(0));
        assertEquals(List.of("constructor score(int, Path, TestInfo) score",
                "objective score(int, Path, TestInfo) constructed as score(int, Path, TestInfo)"), Seen.NAMES);
    }

    @Test
    void aPerClassConstructorIsNamedAsTheClassOnce() {
        study(storage).selectors(selectClass(ConstructedOnce.class)).execute().testEvents()
                .assertStatistics(s -> s.succeeded(1 + 2).failed(0));
        assertEquals(List.of("constructor ConstructedOnce false", "objective", "objective"), Seen.NAMES);
    }

    @Test
    void aNestedTrialNamesEveryConstructorOfItsInstancesAsTheTrial() {
        EngineExecutionResults results = study(storage).selectors(selectClass(ConstructedNested.class)).execute();
        results.testEvents().assertStatistics(s -> s.succeeded(1 + 1).failed(0));
        String trial = results.testEvents().dynamicallyRegistered().list().get(0).getTestDescriptor()
                .getDisplayName();
        assertEquals(List.of("outer " + trial, "inner " + trial), Seen.NAMES);
    }

    @Test
    void theMessageNamesTheNestedOrEnclosingClassWhoseConstructorTakesWhatNothingResolves() {
        String message = Engines.malformed(UnresolvedConstructor.Inner.class, "score");
        assertTrue(message.contains(UnresolvedConstructor.Inner.class.getName() + ".score is an instance method but"
                + " UnresolvedConstructor.Inner has no constructor without arguments and its only constructor takes an"
                + " int"), message);

        message = Engines.malformed(UnresolvedEnclosing.Inner.class, "score");
        assertTrue(message.contains("but UnresolvedEnclosing has no constructor without arguments and its only"
                + " constructor takes a String"), message);
    }

    /** Trials 0, 1 and 2 of {@code Cleanup.score} get i = 0, 1 and 2. */
    private void enqueueEveryI() {
        try (Study s = Study.builder().name("Cleanup.score").storage(storage).build()) {
            for (int i = 0; i < 3; i++) {
                s.enqueueTrial(Map.of("i", i));
            }
        }
    }

    private static String failure(Class<?> fixture) {
        return throwable(hpo().selectors(selectClass(fixture)).execute().testEvents().failed().list().get(0))
                .getMessage();
    }
}
