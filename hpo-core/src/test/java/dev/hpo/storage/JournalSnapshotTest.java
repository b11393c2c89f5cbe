package dev.hpo.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialPruned;
import dev.hpo.sampler.RandomSampler;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A journal reopened from its snapshot holds what a full replay gives, and a snapshot that does not match is not used. */
class JournalSnapshotTest {

    @TempDir
    Path dir;

    /**
     * A deleted study (its trials keep their ids), then one with every kind of line, well over 1000 lines: the
     * second study's close writes a snapshot of the whole file.
     */
    private Path richJournal() {
        Path journal = dir.resolve("studies.log");
        try (Study gone = Study.builder().name("gone").storage("journal:" + journal).sampler(new RandomSampler(3))
                .build()) {
            gone.optimize(t -> t.suggestFloat("y", 0, 1), 5);
        }
        try (JournalStorage storage = new JournalStorage(journal)) {
            storage.deleteStudy(storage.findStudy("gone").orElseThrow());
        }
        try (Study study = Study.builder().name("kept").storage("journal:" + journal).sampler(new RandomSampler(7))
                .build()) {
            study.setUserAttr("owner", Map.of("team", "hpo", "size", 3));
            study.optimize(trial -> {
                double x = trial.suggestFloat("x", -1, 1);
                int n = trial.suggestInt("n", 1, 64, true);
                String kind = trial.suggestCategorical("kind", List.of("a", "b", "c"));
                trial.setUserAttr("tag", List.of(kind, n));
                trial.report(0, Double.NaN);
                trial.report(1, x);
                if (trial.number() % 17 == 3) {
                    throw new TrialPruned();
                }
                if (trial.number() % 23 == 4) {
                    throw new IllegalStateException("deliberate");
                }
                return x * x + n;
            }, 130);
            study.enqueueTrial(Map.of("x", 0.25, "kind", "b"));
        }
        return journal;
    }

    /** Everything a reader sees: the studies, and every trial of each. */
    private static List<Object> state(Storage storage) {
        List<Object> out = new ArrayList<>();
        for (StudyInfo info : storage.studies()) {
            out.add(info);
            out.add(storage.trials(info.id()));
        }
        return out;
    }

    private static List<Object> fullReplay(Path journal) throws IOException {
        Path copy = journal.resolveSibling("copy-" + System.nanoTime() + ".log");
        Files.copy(journal, copy);
        try (JournalStorage storage = new JournalStorage(copy)) {
            assertEquals(0, storage.linesFromSnapshot());
            return state(storage);
        }
    }

    /** Opening the journal ignores its snapshot and gives what a copy without one gives. */
    private static void assertOpensByFullReplay(Path journal) throws IOException {
        List<Object> expected = fullReplay(journal);
        try (JournalStorage storage = new JournalStorage(journal)) {
            assertEquals(0, storage.linesFromSnapshot());
            assertEquals(expected, state(storage));
        }
    }

    private static long lines(Path journal) throws IOException {
        return Files.readAllLines(journal).size();
    }

    @Test
    void reopeningFromTheSnapshotGivesWhatAFullReplayGives() throws IOException {
        Path journal = richJournal();
        assertTrue(Files.exists(JournalSnapshot.pathOf(journal)));
        List<Object> expected = fullReplay(journal);
        try (JournalStorage storage = new JournalStorage(journal)) {
            assertEquals(lines(journal), storage.linesFromSnapshot());
            assertEquals(expected, state(storage));
            // trial ids go on after those of the deleted study, as in the replay
            long kept = storage.findStudy("kept").orElseThrow();
            FrozenTrial next = storage.createRunningTrial(kept);
            assertEquals(5 + 131, next.id());
            assertEquals(131, next.number());
        }
    }

    @Test
    void linesAppendedAfterTheSnapshotAreReplayedFromTheFile() throws IOException {
        Path journal = richJournal();
        long covered = lines(journal);
        try (JournalStorage writer = new JournalStorage(journal)) {
            Study.load(writer, "kept").optimize(t -> t.suggestFloat("x", -1, 1), 4);
        }
        List<Object> expected = fullReplay(journal);
        try (JournalStorage storage = new JournalStorage(journal)) {
            assertEquals(covered, storage.linesFromSnapshot(), "a few new lines leave the snapshot as it was");
            assertEquals(expected, state(storage));
            // the four trials ran the enqueued one first
            assertEquals(134, storage.trials(storage.findStudy("kept").orElseThrow()).size());
        }
    }

    @Test
    void aJournalEditedBeforeTheSnapshotsEndIsReplayedWhole() throws IOException {
        Path journal = richJournal();
        String text = Files.readString(journal, StandardCharsets.UTF_8);
        // the same length, another study name: only the checksum can tell
        Files.writeString(journal, text.replaceFirst("\"kept\"", "\"kep2\""), StandardCharsets.UTF_8);
        try (JournalStorage storage = new JournalStorage(journal)) {
            assertEquals(0, storage.linesFromSnapshot());
            assertTrue(storage.findStudy("kep2").isPresent());
            assertFalse(storage.findStudy("kept").isPresent());
        }
    }

    @Test
    void aJournalCutShorterThanTheSnapshotIsReplayedWhole() throws IOException {
        Path journal = richJournal();
        List<String> all = Files.readAllLines(journal, StandardCharsets.UTF_8);
        Files.write(journal, all.subList(0, all.size() - 10), StandardCharsets.UTF_8);
        assertOpensByFullReplay(journal);
    }

    @Test
    void aDamagedSnapshotIsIgnored() throws IOException {
        Path journal = richJournal();
        Path snapshot = JournalSnapshot.pathOf(journal);
        byte[] bytes = Files.readAllBytes(snapshot);
        Files.write(snapshot, Arrays.copyOf(bytes, bytes.length / 2));
        assertOpensByFullReplay(journal);
        // the storage above replayed everything, so it left a whole snapshot again
        try (JournalStorage storage = new JournalStorage(journal)) {
            assertEquals(lines(journal), storage.linesFromSnapshot());
        }
    }

    @Test
    void aSnapshotWithImpossibleSizesIsIgnoredWithoutAllocatingThem() throws IOException {
        Path journal = richJournal();
        Path snapshot = JournalSnapshot.pathOf(journal);
        byte[] bytes = Files.readAllBytes(snapshot);
        Arrays.fill(bytes, 58, bytes.length, (byte) 0x7f); // from the study count on: sizes of about 2^31
        Files.write(snapshot, bytes);
        assertOpensByFullReplay(journal);
    }

    @Test
    void aSnapshotOfAnotherJournalIsNotUsed() throws IOException {
        Path journal = richJournal();
        Path other = dir.resolve("other.log");
        try (JournalStorage storage = new JournalStorage(other)) {
            storage.createStudy("other", List.of(Direction.MAXIMIZE));
        }
        Files.copy(JournalSnapshot.pathOf(journal), JournalSnapshot.pathOf(other), StandardCopyOption.REPLACE_EXISTING);
        try (JournalStorage storage = new JournalStorage(other)) {
            assertEquals(0, storage.linesFromSnapshot());
            assertEquals(List.of("other"), storage.studies().stream().map(StudyInfo::name).toList());
        }
    }

    @Test
    void aShortSessionWritesNoSnapshot() {
        Path journal = dir.resolve("short.log");
        try (Study study = Study.builder().name("s").storage("journal:" + journal).sampler(new RandomSampler(1))
                .build()) {
            study.optimize(t -> t.suggestFloat("x", 0, 1), 20);
        }
        assertFalse(Files.exists(JournalSnapshot.pathOf(journal)));
    }
}
