package dev.hpo.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.ObjectiveFunction;
import dev.hpo.Study;
import dev.hpo.TrialPruned;
import dev.hpo.TrialState;
import dev.hpo.Trial;
import dev.hpo.sampler.RandomSampler;
import dev.hpo.space.FloatDistribution;
import dev.hpo.storage.journal.JournalIoException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What hpo writes to a journal, a fresh reader reads back unchanged; bad files fail with the line to blame. */
class JournalStorageTest {

    @TempDir
    Path dir;

    @Test
    void anObjectiveThatLeavesItsThreadInterruptedDoesNotBreakTheJournal() {
        // catching InterruptedException and restoring the status is the usual idiom; a FileChannel used by an
        // interrupted thread closes itself, which once failed every later write of the study
        String url = "journal:" + dir.resolve("interrupted.log");
        boolean stillInterrupted;
        try (Study study = Study.builder().name("s").storage(url).sampler(new RandomSampler(1)).build()) {
            ObjectiveFunction objective = t -> {
                double x = t.suggestFloat("x", 0, 1);
                if (t.number() == 2) {
                    Thread.currentThread().interrupt();
                }
                t.report(0, x);
                return x;
            };
            study.optimize(objective, 6);
            stillInterrupted = Thread.interrupted();  // clears it for the rest of the test
            assertEquals(3, study.trials(EnumSet.of(TrialState.COMPLETE)).size(), "the interrupt stops the study");
            study.optimize(objective, 3);  // the journal still writes after a thread's interrupt
            assertEquals(6, study.trials(EnumSet.of(TrialState.COMPLETE)).size());
        }
        assertTrue(stillInterrupted, "the objective's interrupt status is left as it set it");
        try (Study reopened = Study.builder().name("s").storage(url).loadIfExists(true).build()) {
            assertEquals(6, reopened.trials().size());
            assertTrue(reopened.trials().stream().allMatch(t -> t.state() == TrialState.COMPLETE
                    && t.intermediateValues().size() == 1));
        }
    }

    @Test
    void aReadOnlyJournalCanBeReadAndRefusesWritesSayingWhatToDo() throws Exception {
        Path journal = dir.resolve("read-only.log");
        try (Study study = Study.builder().name("r").storage("journal:" + journal).sampler(new RandomSampler(3))
                .build()) {
            study.optimize(t -> t.suggestFloat("x", 0, 1), 5);
        }
        byte[] before = Files.readAllBytes(journal);
        makeUnwritable(journal);
        try {
            assertThrows(IOException.class, () -> Files.write(journal, new byte[] {'\n'}, StandardOpenOption.APPEND),
                    "the file must be unwritable for this test to mean anything");
            try (JournalStorage storage = new JournalStorage(journal)) {
                long study = storage.findStudy("r").orElseThrow();
                assertEquals(5, storage.trials(study).size());
                assertEquals(5, Study.load(storage, "r").trials().size(), "a report loads the study as it is");
                JournalIoException e = assertThrows(JournalIoException.class,
                        () -> storage.createTrial(study, null));
                assertTrue(e.getMessage().contains(journal + " can be read but not written")
                        && e.getMessage().contains("copy the file to a writable place"), e.getMessage());
                assertEquals(5, storage.trials(study).size());
            }
            assertEquals(5, reread(journal, "r").size());
            assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(journal)), "the journal is unchanged");
        } finally {
            makeWritable(journal);
        }
    }

    /** Permissions do not bind root (CI runs as root), the immutable attribute does. */
    private static void makeUnwritable(Path file) throws Exception {
        if (!file.toFile().setWritable(false, false) || "root".equals(System.getProperty("user.name"))) {
            chattr("+i", file);
        }
    }

    private static void makeWritable(Path file) throws Exception {
        if ("root".equals(System.getProperty("user.name"))) {
            chattr("-i", file);
        }
        file.toFile().setWritable(true, true);
    }

    private static void chattr(String flag, Path file) throws Exception {
        Process p = new ProcessBuilder("chattr", flag, file.toString()).inheritIO().start();
        assertEquals(0, p.waitFor(), "chattr " + flag + " " + file);
    }

    private static List<FrozenTrial> reread(Path journal, String study) {
        try (JournalStorage fresh = new JournalStorage(journal)) {
            return fresh.trials(fresh.findStudy(study).orElseThrow());
        }
    }

    private enum Optimizer { SGD, ADAM }

    @Test
    void categoricalChoicesOfOtherJavaTypesStayOneParameterAcrossTrialsAndReaders() {
        Path journal = dir.resolve("choices.log");
        try (Study study = Study.builder().name("c").storage("journal:" + journal).sampler(new RandomSampler(1))
                .build()) {
            study.optimize(t -> {
                long batch = t.suggestCategorical("batch", List.of(32L, 64L));
                Optimizer o = t.suggestCategorical("optimizer", List.of(Optimizer.SGD, Optimizer.ADAM));
                char c = t.suggestCategorical("grade", List.of('a', 'b'));
                return batch + o.ordinal() + c;
            }, 6);
            assertEquals(6, study.trials().stream().filter(t -> t.state() == TrialState.COMPLETE).count(),
                    String.valueOf(study.trials().get(study.trials().size() - 1).systemAttrs()));
        }
        try (Study again = Study.builder().name("c").storage("journal:" + journal).loadIfExists(true).build()) {
            again.optimize(t -> (long) t.suggestCategorical("batch", List.of(32L, 64L)), 2);
            assertEquals(8, again.trials().stream().filter(t -> t.state() == TrialState.COMPLETE).count());
            assertEquals(Map.of("batch", 32, "optimizer", "SGD", "grade", "a").keySet(),
                    again.trials().get(0).params().keySet());
        }
    }

    @Test
    void aChoiceThatJsonCannotHoldIsRefusedNamingTheParameterAndNothingIsWritten() throws IOException {
        Path journal = dir.resolve("objects.log");
        try (Study study = Study.builder().name("o").storage("journal:" + journal).build()) {
            Trial t = study.ask();
            Object model = new Object();
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> t.suggestCategorical("model", List.of("none", model)));
            assertTrue(e.getMessage().startsWith("parameter 'model' of study o: the choice " + model)
                    && e.getMessage().contains("as in Optuna"), e.getMessage());
            assertFalse(Files.readString(journal).contains("model"));
        }
    }

    @Test
    void freshReaderSeesTheSameTrialsAsTheWriter() {
        Path journal = dir.resolve("study.log");
        List<FrozenTrial> written;
        try (Study study = Study.builder().name("roundtrip").storage("journal:" + journal)
                .sampler(new RandomSampler(7)).build()) {
            study.setUserAttr("owner", Map.of("team", "hpo", "size", 3));
            study.enqueueTrial(Map.of("x", 0.25, "kind", "b"));
            study.optimize(trial -> {
                double x = trial.suggestFloat("x", -1, 1);
                int n = trial.suggestInt("n", 1, 64, true);
                String kind = trial.suggestCategorical("kind", List.of("a", "b", "c"));
                trial.setUserAttr("tag", List.of(kind, n));
                trial.report(0, Double.NaN);
                trial.report(1, Double.POSITIVE_INFINITY);
                trial.report(2, Double.NEGATIVE_INFINITY);
                if (trial.number() == 3) {
                    throw new TrialPruned();
                }
                if (trial.number() == 4) {
                    throw new IllegalStateException("deliberate");
                }
                return x * x + n;
            }, 8);
            written = study.trials();
        }
        List<FrozenTrial> read = reread(journal, "roundtrip");
        assertEquals(written, read);
        assertEquals(8, read.size());
        assertEquals(Map.of("x", 0.25, "kind", "b"), read.get(0).systemAttrs().get(Study.FIXED_PARAMS_ATTR));
        assertTrue(Double.isNaN(read.get(0).intermediateValues().get(0)));
        assertEquals(Double.POSITIVE_INFINITY, read.get(0).intermediateValues().get(1));
        assertEquals(List.of(Double.NEGATIVE_INFINITY), read.get(3).values());
        assertEquals(TrialState.FAIL, read.get(4).state());
    }

    @Test
    void attributeValuesOfEveryJsonTypeReadBackAsTheWriterSeesThem() {
        // The writer replays its own lines from the trees it wrote them from; a fresh reader parses the bytes.
        Path journal = dir.resolve("attrs.log");
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("int", 7);
        values.put("long", 5_000_000_000L);
        values.put("smallLong", 5L);
        values.put("double", 2.5);
        values.put("integralDouble", 3.0);
        values.put("negativeZero", -0.0);
        values.put("float", 1.25f);
        values.put("huge", 1e300);
        values.put("beyondLong", java.math.BigInteger.TWO.pow(70));  // Python writes such integers
        values.put("bool", true);
        values.put("text", "naïve \"quoted\" \u2603");
        values.put("list", List.of(1, "two", 3.5, List.of()));
        values.put("map", Map.of("k", List.of(false)));
        List<FrozenTrial> written;
        Map<String, Object> studyAttrs;
        try (Study study = Study.builder().name("attrs").storage("journal:" + journal)
                .sampler(new RandomSampler(3)).build()) {
            values.forEach(study::setUserAttr);
            study.optimize(trial -> {
                values.forEach(trial::setUserAttr);
                trial.report(0, -0.0);
                return trial.suggestInt("i", 0, 3) + trial.suggestFloat("x", 0, 1, 0.25);
            }, 2);
            written = study.trials();
            studyAttrs = study.userAttrs();
        }
        List<FrozenTrial> read = reread(journal, "attrs");
        written.get(0).userAttrs().forEach((k, v) -> assertEquals(v, read.get(0).userAttrs().get(k),
                k + ": " + v.getClass() + " vs " + read.get(0).userAttrs().get(k).getClass()));
        assertEquals(written, read);
        assertEquals(java.math.BigInteger.TWO.pow(70), read.get(0).userAttrs().get("beyondLong"));
        try (Study fresh = Study.builder().name("attrs").storage("journal:" + journal).loadIfExists(true).build()) {
            assertEquals(studyAttrs, fresh.userAttrs());
        }
    }

    @Test
    void multiObjectiveValuesIncludingInfinityReadBack() {
        Path journal = dir.resolve("multi.log");
        List<FrozenTrial> written;
        try (Study study = Study.builder().name("multi").storage("journal:" + journal)
                .directions(Direction.MINIMIZE, Direction.MAXIMIZE).sampler(new RandomSampler(1)).build()) {
            study.optimizeMulti(trial -> {
                double x = trial.suggestFloat("x", 0, 1);
                return new double[] {x, trial.number() == 2 ? Double.POSITIVE_INFINITY : 1 - x};
            }, 4);
            written = study.trials();
        }
        List<FrozenTrial> read = reread(journal, "multi");
        assertEquals(written, read);
        assertEquals(Double.POSITIVE_INFINITY, read.get(2).values().get(1));
        try (JournalStorage fresh = new JournalStorage(journal)) {
            assertEquals(List.of(Direction.MINIMIZE, Direction.MAXIMIZE), fresh.studies().get(0).directions());
        }
    }

    @Test
    void addedFinishedTrialReadsBackWithItsValuesAndTimes() {
        Path journal = dir.resolve("added.log");
        List<FrozenTrial> written;
        try (Study study = Study.builder().name("added").storage("journal:" + journal).build()) {
            FloatDistribution d = FloatDistribution.of(0, 10);
            study.addTrial(new FrozenTrial(0, -1, TrialState.COMPLETE, List.of(2.5), Map.of("x", 3.0),
                    Map.of("x", d), new java.util.TreeMap<>(Map.of(0, 4.0, 5, Double.NaN)), Map.of("u", true),
                    Map.of(), java.time.Instant.parse("2024-01-02T03:04:05.123456Z"),
                    java.time.Instant.parse("2024-01-02T03:05:00Z")));
            written = study.trials();
        }
        assertEquals(written, reread(journal, "added"));
        assertEquals(2.5, written.get(0).value());
    }

    @Test
    void askAndTellTrialReadsBackWhileTheWriterIsOpen() {
        Path journal = dir.resolve("asktell.log");
        try (Study study = Study.builder().name("at").storage("journal:" + journal).build()) {
            Trial t = study.ask();
            t.suggestFloat("x", 0, 1);
            t.setUserAttr("seen", "yes");
            assertEquals(Map.of("seen", "yes"), study.storage().trial(t.id()).userAttrs(), "reads see own writes");
            study.tell(t, 0.5);
            FrozenTrial other = reread(journal, "at").get(0);
            assertEquals(TrialState.COMPLETE, other.state());
            assertEquals(study.trials().get(0), other);
        }
    }

    @Test
    void enqueuedTrialGoesToOneWorkerOnly() {
        Path journal = dir.resolve("race.log");
        try (JournalStorage a = new JournalStorage(journal); JournalStorage b = new JournalStorage(journal)) {
            long study = a.createStudy("race", List.of(Direction.MINIMIZE));
            long trial = a.createTrial(study, new FrozenTrial(0, -1, TrialState.WAITING, null, null, null, null,
                    null, Map.of(Study.FIXED_PARAMS_ATTR, Map.of("x", 1)), null, null));
            assertEquals(TrialState.WAITING, b.trial(trial).state());
            assertTrue(a.setTrialState(trial, TrialState.RUNNING, null));
            assertFalse(b.setTrialState(trial, TrialState.RUNNING, null));
        }
    }

    @Test
    void runningTrialParameterReachesOtherWorkersAfterTheFlushDelayNotTheIdleWait() throws InterruptedException {
        Path journal = dir.resolve("flush.log");
        try (JournalStorage a = new JournalStorage(journal); JournalStorage b = new JournalStorage(journal)) {
            long study = a.createStudy("flush", List.of(Direction.MINIMIZE));
            long trial = a.createTrial(study, null);
            // Nothing left to write or force: the background thread settles into its one-second idle wait.
            Thread.sleep(JournalStorage.SYNC_INTERVAL.toMillis() * 4);
            a.setTrialParam(trial, "x", 0.5, FloatDistribution.of(0, 1));
            // About one flush delay after the change, not whenever the idle wait ends (up to a second).
            long deadline = System.nanoTime() + JournalStorage.FLUSH_DELAY.toNanos() * 3;
            while (b.trial(trial).params().isEmpty()) {
                assertTrue(System.nanoTime() < deadline, "the waiting line was not written within 3 flush delays");
                Thread.sleep(5);
            }
            assertEquals(0.5, b.trial(trial).params().get("x"));
        }
    }

    @Test
    void duplicateStudyNameFromAnotherProcessIsRefused() {
        Path journal = dir.resolve("dup.log");
        try (JournalStorage a = new JournalStorage(journal); JournalStorage b = new JournalStorage(journal)) {
            a.createStudy("s", List.of(Direction.MINIMIZE));
            assertThrows(DuplicateStudyException.class, () -> b.createStudy("s", List.of(Direction.MAXIMIZE)));
            assertEquals(1, Files.readAllLines(journal).size() - 0);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void trialIdsAreGlobalAcrossStudiesAndNumbersPerStudy() {
        Path journal = dir.resolve("ids.log");
        try (JournalStorage s = new JournalStorage(journal)) {
            long a = s.createStudy("a", List.of(Direction.MINIMIZE));
            long b = s.createStudy("b", List.of(Direction.MINIMIZE));
            assertEquals(0, s.createTrial(a, null));
            assertEquals(1, s.createTrial(b, null));
            assertEquals(2, s.createTrial(a, null));
            assertEquals(1, s.trial(2).number());
            assertEquals(0, s.trial(1).number());
        }
    }

    @Test
    void finishedTrialCannotChange() {
        Path journal = dir.resolve("done.log");
        try (JournalStorage s = new JournalStorage(journal)) {
            long study = s.createStudy("s", List.of(Direction.MINIMIZE));
            long trial = s.createTrial(study, null);
            s.setTrialState(trial, TrialState.COMPLETE, List.of(1.0));
            assertThrows(IllegalStateException.class, () -> s.setTrialIntermediateValue(trial, 0, 1.0));
            assertThrows(IllegalStateException.class, () -> s.setTrialState(trial, TrialState.FAIL, null));
        }
    }

    @Test
    void corruptLineInTheMiddleNamesFileAndLineNumber() throws IOException {
        Path journal = dir.resolve("corrupt.log");
        List<String> lines = Files.readAllLines(fixture());
        lines.set(4, "{\"op_code\":5, this is not json");
        Files.write(journal, lines);
        StorageException e = assertThrows(StorageException.class, () -> new JournalStorage(journal));
        assertTrue(e.getMessage().contains(journal.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("line 5 "), e.getMessage());
        lines.set(4, "\u0000\u0007garbage\u001b[2J");
        Files.write(journal, lines);
        StorageException binary = assertThrows(StorageException.class, () -> new JournalStorage(journal));
        assertTrue(binary.getMessage().contains("\\u0000\\u0007garbage\\u001b[2J"), binary.getMessage());
        lines.set(4, "");
        Files.write(journal, lines);
        StorageException blank = assertThrows(StorageException.class, () -> new JournalStorage(journal));
        assertTrue(blank.getMessage().contains("line 5 ") && blank.getMessage().contains("(an empty line)"),
                blank.getMessage());
    }

    @Test
    void aFileThatIsNoJournalIsRefusedOnOpeningAndLeftAsItWas() throws IOException {
        for (String content : List.of("hello world", "{\"a\": 1}")) {  // no newline: all of it looks like a torn tail
            Path file = dir.resolve("not-a-journal.txt");
            Files.writeString(file, content);
            StorageException e = assertThrows(StorageException.class, () -> new JournalStorage(file));
            assertTrue(e.getMessage().contains("not the start of a journal line") && e.getMessage().contains(
                    file.toString()), e.getMessage());
            assertEquals(content, Files.readString(file));
        }
    }

    @Test
    void tornLastLineIsIgnoredAndCutOffByTheNextWriter() throws IOException {
        Path journal = dir.resolve("torn.log");
        Files.copy(fixture(), journal);
        Files.writeString(journal, "{\"op_code\":4,\"worker_id\":\"dead\",\"study_id\":0,\"datet",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        try (JournalStorage s = new JournalStorage(journal)) {
            long study = s.findStudy("journal-fixture").orElseThrow();
            assertEquals(8, s.trials(study).size());
            long trial = s.createTrial(study, null);
            assertEquals(8, trial);
        }
        List<String> lines = Files.readAllLines(journal);
        assertEquals(75, lines.size());
        assertEquals(9, reread(journal, "journal-fixture").size());
    }

    @Test
    void unknownOperationCodeIsAnErrorNamingTheLine() throws IOException {
        Path journal = dir.resolve("unknown.log");
        Files.copy(fixture(), journal);
        Files.writeString(journal, "{\"op_code\":42,\"worker_id\":\"w\"}\n{\"op_code\":1,\"worker_id\":\"w\",\"study_id\":5}\n",
                StandardOpenOption.APPEND);
        StorageException e = assertThrows(StorageException.class, () -> new JournalStorage(journal));
        assertTrue(e.getMessage().contains("line 75 "), e.getMessage());
        assertTrue(e.getMessage().contains("op_code 42"), e.getMessage());
    }

    @Test
    void storagesOpensJournalUrlsRelativeToTheWorkingDirectoryAndCreatesParents() {
        Path nested = dir.resolve("a/b/c.log");
        try (Storage s = Storages.open("journal:" + nested)) {
            assertTrue(s instanceof JournalStorage);
            assertTrue(Files.exists(nested));
        }
        try (Storage s = Storages.open("journal:target/journal-test/rel.log")) {
            assertEquals(Path.of("target/journal-test/rel.log").toAbsolutePath(), ((JournalStorage) s).path());
        }
        Path byUri = dir.resolve("uri.log");
        try (Storage s = Storages.open("journal:" + byUri.toUri())) {
            assertEquals(byUri, ((JournalStorage) s).path());
        }
        IllegalArgumentException relative = assertThrows(IllegalArgumentException.class,
                () -> Storages.open("journal:file:rel.log"));
        assertTrue(relative.getMessage().contains("journal:file:///absolute/path"), relative.getMessage());
    }

    @Test
    void unknownSchemeNamesTheUrlAndTheKnownSchemes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Storages.open("redis://x"));
        assertTrue(e.getMessage().contains("redis://x") && e.getMessage().contains("journal:"), e.getMessage());
    }

    private Path fixture() {
        try {
            return Path.of(getClass().getResource("/optuna-journal-sample.log").toURI());
        } catch (java.net.URISyntaxException e) {
            throw new AssertionError(e);
        }
    }
}
