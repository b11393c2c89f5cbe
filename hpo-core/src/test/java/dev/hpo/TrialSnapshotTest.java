package dev.hpo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.pruner.NopPruner;
import dev.hpo.pruner.Pruner;
import dev.hpo.sampler.RandomSampler;
import dev.hpo.sampler.Sampler;
import dev.hpo.space.Distribution;
import dev.hpo.space.FloatDistribution;
import dev.hpo.storage.Storage;
import dev.hpo.storage.Storages;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What samplers, pruners and readers of the storage see of a running trial while it grows: at every suggestion the
 * parameters suggested before it, at every pruning check the steps reported so far, and snapshots that keep what
 * they showed when taken, whatever the trial does next. Pinned for each kind of storage.
 */
class TrialSnapshotTest {

    private static final AtomicInteger DATABASES = new AtomicInteger();

    @TempDir
    Path dir;

    private Storage open(String kind) {
        return switch (kind) {
            case "memory" -> Storages.open("memory:");
            case "journal" -> Storages.open("journal:" + dir.resolve("study.log"));
            case "h2" -> Storages.open("jdbc:h2:mem:snapshots" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1");
            default -> throw new IllegalArgumentException(kind);
        };
    }

    /** What a sampler saw at one suggestion: the trial's parameters and distributions, and the storage's view. */
    private record Seen(String name, List<Map.Entry<String, Object>> params, List<String> distributions,
            List<Map.Entry<String, Object>> stored) {
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "journal", "h2"})
    void everySuggestionSeesTheParametersSuggestedBeforeIt(String kind) {
        List<Seen> seen = new ArrayList<>();
        RandomSampler random = new RandomSampler(3);
        Sampler recording = (study, trial, name, distribution) -> {
            FrozenTrial stored = study.trials().get(trial.number());
            seen.add(new Seen(name, entries(trial.params()), new ArrayList<>(trial.distributions().keySet()),
                    entries(stored.params())));
            return random.sampleIndependent(study, trial, name, distribution);
        };
        try (Storage storage = open(kind); Study study = Study.builder().name("seen").storage(storage)
                .sampler(recording).pruner(new NopPruner()).build()) {
            Trial trial = study.ask();
            Map<String, Object> suggested = new LinkedHashMap<>();
            for (int i = 0; i < 40; i++) {
                String name = "x" + i;
                assertEquals(trial.suggestFloat(name, -1, 1), trial.suggestFloat(name, -1, 1), "asked twice");
                suggested.put(name, trial.snapshot().params().get(name));
            }
            study.tell(trial, 0.0);

            assertEquals(40, seen.size(), "one independent sample per new name");
            List<Map.Entry<String, Object>> all = entries(suggested);
            for (int i = 0; i < seen.size(); i++) {
                Seen s = seen.get(i);
                assertEquals("x" + i, s.name());
                assertEquals(all.subList(0, i), s.params(), "the trial's parameters at suggestion " + i);
                assertEquals(all.subList(0, i).stream().map(Map.Entry::getKey).toList(), s.distributions());
                assertEquals(all.subList(0, i), s.stored(), "the storage's view at suggestion " + i);
            }
            assertEquals(all, entries(study.trials().get(0).params()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "journal", "h2"})
    void aSnapshotTakenBeforeLaterSuggestionsAndReportsNeverChanges(String kind) {
        try (Storage storage = open(kind); Study study = Study.builder().name("frozen").storage(storage)
                .sampler(new RandomSampler(5)).pruner(new NopPruner()).build()) {
            Trial trial = study.ask();
            for (int i = 0; i < 20; i++) {
                trial.suggestFloat("x" + i, 0, 1);
                trial.report(i, i / 10.0);
            }
            FrozenTrial own = trial.snapshot();
            FrozenTrial stored = storage.trial(trial.id());
            List<Map.Entry<String, Object>> params = entries(own.params());
            List<Map.Entry<String, Distribution>> distributions = entries(own.distributions());
            List<Map.Entry<Integer, Double>> steps = entries(own.intermediateValues());

            for (int i = 20; i < 300; i++) {
                trial.suggestFloat("x" + i, 0, 1);
                trial.report(i, i / 10.0);
            }
            trial.report(1_000, 7.0);
            trial.setUserAttr("later", 1);

            for (FrozenTrial old : List.of(own, stored)) {
                assertEquals(params, entries(old.params()));
                assertEquals(distributions, entries(old.distributions()));
                assertEquals(steps, entries(old.intermediateValues()));
                assertEquals(20, old.params().size());
                assertNull(old.params().get("x20"));
                assertFalse(old.distributions().containsKey("x299"));
                assertFalse(old.intermediateValues().containsKey(1_000));
                assertEquals(19, old.lastStep());
                assertTrue(old.userAttrs().isEmpty());
            }
            FrozenTrial now = trial.snapshot();
            assertEquals(300, now.params().size());
            assertEquals(301, now.intermediateValues().size());
            assertEquals(1_000, now.lastStep());
            assertEquals(params, entries(now.params()).subList(0, 20), "a later snapshot begins as the earlier one");
            study.tell(trial, 0.0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "journal"})
    void aStorageSnapshotKeepsTheValuesAnOverwriteReplaces(String kind) {
        try (Storage storage = open(kind); Study study = Study.builder().name("overwrite").storage(storage)
                .sampler(new RandomSampler(5)).pruner(new NopPruner()).build()) {
            Trial trial = study.ask();
            FloatDistribution unit = FloatDistribution.of(0, 1);
            storage.setTrialParam(trial.id(), "a", 0.25, unit);
            storage.setTrialParam(trial.id(), "b", 0.5, unit);
            storage.setTrialIntermediateValue(trial.id(), 0, 1.0);
            storage.setTrialIntermediateValue(trial.id(), 1, 2.0);
            FrozenTrial before = storage.trial(trial.id());

            storage.setTrialParam(trial.id(), "a", 0.75, unit);
            storage.setTrialIntermediateValue(trial.id(), 0, 9.0);
            FrozenTrial after = storage.trial(trial.id());

            assertEquals(List.of(Map.entry("a", (Object) 0.25), Map.entry("b", (Object) 0.5)),
                    entries(before.params()));
            assertEquals(List.of(Map.entry(0, 1.0), Map.entry(1, 2.0)), entries(before.intermediateValues()));
            assertEquals(List.of(Map.entry("a", (Object) 0.75), Map.entry("b", (Object) 0.5)), entries(after.params()));
            assertEquals(List.of(Map.entry(0, 9.0), Map.entry(1, 2.0)), entries(after.intermediateValues()));
            study.tell(trial, 0.0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "journal", "h2"})
    void thePrunerSeesEveryStepReportedSoFarInStepOrder(String kind) {
        int[] order = {0, 1, 2, 5, 3, 4, 9, 7, 8, 6, 3, 12, 10, 11, 40, 20, 0, 30, 41};
        List<FrozenTrial> judged = new ArrayList<>();
        Pruner recording = (study, trial) -> {
            judged.add(trial);
            return trial.lastStep() == 12;
        };
        try (Storage storage = open(kind); Study study = Study.builder().name("pruned").storage(storage)
                .sampler(new RandomSampler(5)).pruner(recording).build()) {
            Trial trial = study.ask();
            TreeMap<Integer, Double> reported = new TreeMap<>();
            List<TreeMap<Integer, Double>> expected = new ArrayList<>();
            List<Boolean> answers = new ArrayList<>();
            for (int i = 0; i < order.length; i++) {
                trial.report(order[i], i * 1.5);
                reported.putIfAbsent(order[i], i * 1.5);  // a step reported twice keeps its first value
                expected.add(new TreeMap<>(reported));
                answers.add(trial.shouldPrune());
            }
            study.tell(trial, TrialState.PRUNED);

            assertEquals(order.length, judged.size());
            for (int i = 0; i < judged.size(); i++) {
                SortedMap<Integer, Double> seen = judged.get(i).intermediateValues();
                TreeMap<Integer, Double> want = expected.get(i);
                assertEquals(entries(want), entries(seen), "call " + i);
                assertEquals(want.lastKey(), judged.get(i).lastStep());
                assertEquals(want.lastEntry().getValue(), judged.get(i).lastIntermediateValue());
                assertEquals(want.firstKey(), seen.firstKey());
                for (int k : new int[] {-1, 0, 3, 6, 13, 100}) {
                    assertEquals(entries(want.headMap(k)), entries(seen.headMap(k)), "headMap(" + k + ")");
                    assertEquals(entries(want.tailMap(k)), entries(seen.tailMap(k)), "tailMap(" + k + ")");
                    assertEquals(entries(want.subMap(k, k + 5)), entries(seen.subMap(k, k + 5)));
                    assertEquals(want.get(k), seen.get(k));
                }
                assertEquals(entries(want.headMap(10).tailMap(3)), entries(seen.headMap(10).tailMap(3)));
                assertEquals(new ArrayList<>(want.values()), new ArrayList<>(seen.values()));
                assertEquals(new ArrayList<>(want.keySet()), new ArrayList<>(seen.keySet()));
                assertEquals(want, seen);
                assertEquals(want.hashCode(), seen.hashCode());
                assertEquals(want.toString(), seen.toString());
            }
            assertEquals(List.of(11, 12, 13), indexesOf(answers), "the pruner's answer reaches the objective");
            assertEquals(entries(expected.get(order.length - 1)), entries(study.trials().get(0).intermediateValues()));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "journal"})
    void snapshotMapsCannotBeChanged(String kind) {
        try (Storage storage = open(kind); Study study = Study.builder().name("read-only").storage(storage)
                .sampler(new RandomSampler(5)).pruner(new NopPruner()).build()) {
            Trial trial = study.ask();
            trial.suggestFloat("x", 0, 1);
            trial.report(0, 1.0);
            trial.report(1, 2.0);
            for (FrozenTrial t : List.of(trial.snapshot(), storage.trial(trial.id()))) {
                assertThrows(UnsupportedOperationException.class, () -> t.params().put("y", 1.0));
                assertThrows(UnsupportedOperationException.class, () -> t.params().remove("x"));
                assertThrows(UnsupportedOperationException.class, () -> t.params().clear());
                assertThrows(UnsupportedOperationException.class,
                        () -> t.params().entrySet().iterator().next().setValue(2.0));
                assertThrows(UnsupportedOperationException.class, () -> t.distributions().remove("x"));
                assertThrows(UnsupportedOperationException.class, () -> t.intermediateValues().put(5, 1.0));
                assertThrows(UnsupportedOperationException.class, () -> t.intermediateValues().remove(0));
                assertThrows(UnsupportedOperationException.class, () -> t.intermediateValues().headMap(1).clear());
                assertThrows(UnsupportedOperationException.class, () -> t.intermediateValues().values().clear());
                assertThrows(UnsupportedOperationException.class, () -> t.intermediateValues().keySet().remove(0));
                assertEquals(1, t.params().size());
                assertEquals(2, t.intermediateValues().size());
            }
            study.tell(trial, 0.0);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "journal", "h2"})
    void snapshotMapsEqualPlainMapsOfTheSameEntries(String kind) {
        try (Storage storage = open(kind); Study study = Study.builder().name("equal").storage(storage)
                .sampler(new RandomSampler(5)).pruner(new NopPruner()).build()) {
            Trial trial = study.ask();
            Map<String, Object> params = new LinkedHashMap<>();
            Map<String, Distribution> distributions = new LinkedHashMap<>();
            for (int i = 0; i < 5; i++) {
                FloatDistribution d = FloatDistribution.of(0, i + 1);
                params.put("p" + i, trial.suggest("p" + i, d));
                distributions.put("p" + i, d);
            }
            FrozenTrial own = trial.snapshot();
            FrozenTrial stored = storage.trial(trial.id());
            for (FrozenTrial t : List.of(own, stored)) {
                assertEquals(params, t.params());
                assertEquals(t.params(), params);
                assertEquals(params.hashCode(), t.params().hashCode());
                assertEquals(params.toString(), t.params().toString());
                assertEquals(distributions, t.distributions());
                assertEquals(distributions.toString(), t.distributions().toString());
                assertEquals(params.keySet(), t.params().keySet());
                assertEquals(new ArrayList<>(params.values()), new ArrayList<>(t.params().values()));
            }
            assertEquals(own, trial.snapshot(), "two snapshots of an unchanged trial are equal");
            assertEquals(own.hashCode(), trial.snapshot().hashCode());
            study.tell(trial, 0.0);
        }
    }

    private static <K, V> List<Map.Entry<K, V>> entries(Map<K, V> map) {
        List<Map.Entry<K, V>> out = new ArrayList<>();
        map.forEach((k, v) -> out.add(Map.entry(k, v)));
        List<Map.Entry<K, V>> iterated = new ArrayList<>();
        for (Map.Entry<K, V> e : map.entrySet()) {
            iterated.add(Map.entry(e.getKey(), e.getValue()));
        }
        assertEquals(out, iterated, "forEach and entrySet agree");
        return out;
    }

    private static List<Integer> indexesOf(List<Boolean> answers) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < answers.size(); i++) {
            if (answers.get(i)) {
                out.add(i);
            }
        }
        return out;
    }
}
