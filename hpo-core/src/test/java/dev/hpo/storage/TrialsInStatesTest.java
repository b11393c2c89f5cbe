package dev.hpo.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.OptimizeOptions;
import dev.hpo.Study;
import dev.hpo.TrialState;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
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
            EnumSet.of(TrialState.COMPLETE, TrialState.PRUNED), Set.of(TrialState.FAIL),
            EnumSet.of(TrialState.COMPLETE, TrialState.PRUNED, TrialState.FAIL),
            EnumSet.allOf(TrialState.class), EnumSet.noneOf(TrialState.class));

    private Supplier<Storage> storages(String kind) {
        Path journal = dir.resolve("states.log");
        return kind.equals("memory") ? InMemoryStorage::new : () -> new JournalStorage(journal);
    }

    private static FrozenTrial template(TrialState state, List<Double> values) {
        return new FrozenTrial(0, -1, state, values, null, null, null, null, null, null, null);
    }

    private static void assertAllQueriesAgree(Storage s, long study) {
        for (Set<TrialState> states : QUERIES) {
            List<FrozenTrial> expected = s.trials(study).stream().filter(t -> states.contains(t.state())).toList();
            assertEquals(expected, s.trials(study, states), states::toString);
        }
    }

    /** Workers race for the enqueued trials: one that sees a trial as waiting may find it finished by another. */
    @ParameterizedTest
    @ValueSource(strings = {"memory", "journal"})
    void parallelWorkersTakeEveryEnqueuedTrialOnceEvenWhenOneFinishesBeforeAnotherTriesIt(String kind) {
        try (Storage s = storages(kind).get(); Study study = Study.builder().name("enqueued").storage(s).build()) {
            for (int i = 0; i < 200; i++) {
                study.enqueueTrial(Map.of("x", i / 200.0));
            }
            study.optimize(t -> t.suggestFloat("x", 0, 1), OptimizeOptions.builder().trials(200).parallelism(4)
                    .build());
            List<FrozenTrial> trials = study.trials();
            assertEquals(200, trials.size());
            assertTrue(trials.stream().allMatch(t -> t.state() == TrialState.COMPLETE), "every enqueued trial ran");
            long took = s.createTrial(study.id(), template(TrialState.WAITING, null));
            s.setTrialState(took, TrialState.RUNNING, null);
            s.setTrialState(took, TrialState.COMPLETE, List.of(0.0));
            assertFalse(s.setTrialState(took, TrialState.RUNNING, null), "a finished trial is lost, not an error");
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

    /**
     * The lists of finished trials grow as trials finish, in an array the lists handed out share; trials finishing
     * out of number order and attributes set on running ones must neither be lost nor reach a list handed out
     * before; a finished trial refuses attributes in both storages.
     */
    @ParameterizedTest
    @ValueSource(strings = {"memory", "journal"})
    void finishedTrialsStayInNumberOrderAndListsHandedOutNeverChange(String kind) {
        SplittableRandom random = new SplittableRandom(7);
        TrialState[] ends = {TrialState.COMPLETE, TrialState.PRUNED, TrialState.FAIL};
        try (Storage s = storages(kind).get()) {
            long study = s.createStudy("growing", List.of(Direction.MINIMIZE));
            List<Long> open = new ArrayList<>();
            Map<List<FrozenTrial>, List<FrozenTrial>> handedOut = new IdentityHashMap<>();
            for (int step = 0; step < 400; step++) {
                int action = random.nextInt(10);
                if (action < 4 || open.isEmpty()) {
                    open.add(s.createTrial(study, null));
                } else if (action < 9) {
                    long id = open.remove(random.nextInt(open.size()));  // out of number order, as workers finish
                    TrialState end = ends[random.nextInt(ends.length)];
                    s.setTrialState(id, end, end == TrialState.FAIL ? null : List.of(random.nextDouble()));
                } else {
                    List<FrozenTrial> all = s.trials(study);
                    FrozenTrial any = all.get(random.nextInt(all.size()));
                    if (any.state().isFinished()) {
                        assertThrows(IllegalStateException.class, () -> s.setTrialUserAttr(any.id(), "step", 0));
                    } else {
                        s.setTrialUserAttr(any.id(), "step", step);
                    }
                }
                assertAllQueriesAgree(s, study);
                for (Set<TrialState> states : QUERIES) {
                    List<FrozenTrial> list = s.trials(study, states);
                    handedOut.putIfAbsent(list, List.copyOf(list));
                }
            }
            handedOut.forEach((list, copy) -> assertEquals(copy, list));
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
