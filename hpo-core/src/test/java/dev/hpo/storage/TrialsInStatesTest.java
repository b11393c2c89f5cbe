package dev.hpo.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.TrialState;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code trials(study, states)} of the storages that keep trials in memory answers from an index of the unfinished
 * trials when only WAITING or RUNNING ones are asked for; whatever the states, it must give what filtering all
 * trials gives, as trials are enqueued, claimed and finished.
 */
class TrialsInStatesTest {

    @TempDir
    Path dir;

    private static final List<Set<TrialState>> QUERIES = List.of(EnumSet.of(TrialState.WAITING),
            EnumSet.of(TrialState.RUNNING), EnumSet.of(TrialState.WAITING, TrialState.RUNNING),
            EnumSet.of(TrialState.COMPLETE), EnumSet.of(TrialState.COMPLETE, TrialState.WAITING),
            EnumSet.allOf(TrialState.class), EnumSet.noneOf(TrialState.class));

    private Supplier<Storage> storages(String kind) {
        Path journal = dir.resolve("states.log");
        return kind.equals("memory") ? InMemoryStorage::new : () -> new JournalStorage(journal);
    }

    private static FrozenTrial template(TrialState state, List<Double> values) {
        return new FrozenTrial(0, -1, state, values, null, null, null, null, null, null, null);
    }

    private static List<Integer> filtered(Storage s, long study, Set<TrialState> states) {
        return s.trials(study).stream().filter(t -> states.contains(t.state())).map(FrozenTrial::number).toList();
    }

    private static void assertAllQueriesAgree(Storage s, long study) {
        for (Set<TrialState> states : QUERIES) {
            assertEquals(filtered(s, study, states),
                    s.trials(study, states).stream().map(FrozenTrial::number).toList(), states::toString);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "journal"})
    void trialsInStatesFollowEnqueueClaimAndFinish(String kind) {
        try (Storage s = storages(kind).get()) {
            long study = s.createStudy("states", List.of(Direction.MINIMIZE));
            long other = s.createStudy("other", List.of(Direction.MINIMIZE));
            long running = s.createTrial(study, null);
            long waiting1 = s.createTrial(study, template(TrialState.WAITING, null));
            s.createTrial(study, template(TrialState.WAITING, null));
            s.createTrial(study, template(TrialState.COMPLETE, List.of(1.0)));
            s.createTrial(other, template(TrialState.WAITING, null));
            assertAllQueriesAgree(s, study);
            assertEquals(List.of(1, 2), s.trials(study, EnumSet.of(TrialState.WAITING)).stream()
                    .map(FrozenTrial::number).toList());

            s.setTrialState(waiting1, TrialState.RUNNING, null);
            assertAllQueriesAgree(s, study);
            s.setTrialState(running, TrialState.COMPLETE, List.of(0.5));
            s.setTrialState(waiting1, TrialState.FAIL, null);
            assertAllQueriesAgree(s, study);
            assertEquals(List.of(2), s.trials(study, EnumSet.of(TrialState.WAITING, TrialState.RUNNING)).stream()
                    .map(FrozenTrial::number).toList());
            assertEquals(1, s.trials(other, EnumSet.of(TrialState.WAITING)).size());
        }
    }

    @Test
    void anotherJournalReaderSeesTheSameUnfinishedTrials() {
        Supplier<Storage> open = storages("journal");
        try (Storage writer = open.get()) {
            long study = writer.createStudy("shared", List.of(Direction.MINIMIZE));
            long a = writer.createTrial(study, template(TrialState.WAITING, null));
            writer.createTrial(study, template(TrialState.WAITING, null));
            try (Storage reader = open.get()) {
                assertAllQueriesAgree(reader, study);
                writer.setTrialState(a, TrialState.RUNNING, null);
                writer.setTrialState(a, TrialState.COMPLETE, List.of(1.0));
                assertEquals(List.of(1), reader.trials(study, EnumSet.of(TrialState.WAITING, TrialState.RUNNING))
                        .stream().map(FrozenTrial::number).toList());
                assertAllQueriesAgree(reader, study);
            }
        }
    }
}
