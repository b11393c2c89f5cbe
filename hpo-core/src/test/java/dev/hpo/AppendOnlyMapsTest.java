package dev.hpo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * The append-only maps behind a running trial behave as the LinkedHashMap and TreeMap they replace, and every
 * snapshot keeps what it showed when taken, over random sequences of puts (new keys, replaced values, steps out of
 * order).
 */
class AppendOnlyMapsTest {

    @Test
    void appendOnlyMapMatchesALinkedHashMapAndItsSnapshotsNeverChange() {
        for (long seed = 0; seed < 20; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            AppendOnlyMap<String, Object> map = new AppendOnlyMap<>();
            Map<String, Object> reference = new LinkedHashMap<>();
            List<Map<String, Object>> snapshots = new ArrayList<>();
            List<Map<String, Object>> expected = new ArrayList<>();
            for (int op = 0; op < 200; op++) {
                String key = "k" + random.nextInt(random.nextBoolean() ? 10 : 150);
                Object value = random.nextInt(8) == 0 ? null : (Object) random.nextInt(3);
                assertEquals(reference.put(key, value), map.put(key, value), "seed " + seed + " op " + op);
                if (random.nextInt(4) == 0) {
                    snapshots.add(map.snapshot());
                    expected.add(new LinkedHashMap<>(reference));
                }
                assertEquals(reference.size(), map.size());
                assertEquals(reference.get(key), map.get(key));
                assertTrue(map.containsKey(key));
            }
            assertEquals(new ArrayList<>(reference.entrySet()), new ArrayList<>(map.entrySet()));
            for (int i = 0; i < snapshots.size(); i++) {
                Map<String, Object> snapshot = snapshots.get(i);
                Map<String, Object> want = expected.get(i);
                assertEquals(new ArrayList<>(want.entrySet()), new ArrayList<>(snapshot.entrySet()), "seed " + seed);
                assertEquals(new ArrayList<>(want.values()), new ArrayList<>(snapshot.values()));
                assertEquals(new ArrayList<>(want.keySet()), new ArrayList<>(snapshot.keySet()));
                assertEquals(want.keySet(), snapshot.keySet());
                assertEquals(want, snapshot);
                assertEquals(want.hashCode(), snapshot.hashCode());
                assertEquals(want.toString(), snapshot.toString());
                for (int k = 0; k < 150; k++) {
                    assertEquals(want.containsKey("k" + k), snapshot.containsKey("k" + k));
                    assertEquals(want.get("k" + k), snapshot.get("k" + k));
                    assertEquals(want.keySet().contains("k" + k), snapshot.keySet().contains("k" + k));
                }
            }
        }
    }

    @Test
    void appendOnlyMapSnapshotIsSharedUntilTheNextChange() {
        AppendOnlyMap<String, Integer> map = new AppendOnlyMap<>();
        map.put("a", 1);
        Map<String, Integer> first = map.snapshot();
        assertSame(first, map.snapshot());
        map.put("a", 1);
        assertSame(first, map.snapshot(), "putting the value a key has changes nothing");
        map.put("b", 2);
        assertEquals(Map.of("a", 1), first);
        assertEquals(Map.of("a", 1, "b", 2), map.snapshot());
        assertNull(first.get(null));
        assertFalse(first.containsKey(null));
        assertThrows(NullPointerException.class, () -> map.put(null, 3));
    }

    @Test
    void appendOnlyMapRefusesRemoval() {
        AppendOnlyMap<String, Integer> map = new AppendOnlyMap<>();
        map.put("a", 1);
        assertThrows(UnsupportedOperationException.class, () -> map.remove("a"));
        assertThrows(UnsupportedOperationException.class, map::clear);
        assertEquals(1, map.size());
    }

    /**
     * A storage hands out snapshots under its lock and keeps appending to the trial while other threads read them
     * without one: every lookup in a snapshot must find exactly the entries it holds, whatever the writer does.
     */
    @Test
    void snapshotsReadOnOtherThreadsWhileTheOwnerAppendsSeeExactlyTheirEntries() throws Exception {
        AppendOnlyMap<String, Integer> map = new AppendOnlyMap<>();
        AtomicReference<Map<String, Integer>> latest = new AtomicReference<>(map.snapshot());
        AtomicBoolean done = new AtomicBoolean();
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        Runnable reader = () -> {
            SplittableRandom random = new SplittableRandom(Thread.currentThread().getId());
            while (!done.get() && problems.isEmpty()) {
                Map<String, Integer> snapshot = latest.get();
                int size = snapshot.size();
                // probes past the end too, where the writer is adding keys to the table this snapshot shares
                for (int probe = 0; probe < 256; probe++) {
                    int k = probe % 2 == 0 ? size + random.nextInt(64) : random.nextInt(size + 1);
                    Integer v = snapshot.get("k" + k);
                    if (k < size ? v == null || v != k * 3 : v != null) {
                        problems.add("size " + size + ": get(k" + k + ") = " + v);
                    }
                }
            }
        };
        Thread[] readers = {new Thread(reader), new Thread(reader)};
        for (Thread t : readers) {
            t.start();
        }
        for (int k = 0; k < 50_000 && problems.isEmpty(); k++) {
            map.put("k" + k, k * 3);
            latest.set(map.snapshot());
        }
        done.set(true);
        for (Thread t : readers) {
            t.join();
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void appendOnlyStepMapMatchesATreeMapAndItsSnapshotsNeverChange() {
        for (long seed = 0; seed < 20; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            AppendOnlyStepMap map = new AppendOnlyStepMap();
            TreeMap<Integer, Double> reference = new TreeMap<>();
            List<SortedMap<Integer, Double>> snapshots = new ArrayList<>();
            List<TreeMap<Integer, Double>> expected = new ArrayList<>();
            int next = 0;
            for (int op = 0; op < 300; op++) {
                // mostly the next step, as trials report; sometimes an earlier one, new or known
                int step = random.nextInt(5) == 0 ? random.nextInt(next + 1) : next++;
                Double value = random.nextInt(10) == 0 ? Double.NaN : (double) random.nextInt(4);
                assertEquals(reference.put(step, value), map.put(step, value), "seed " + seed + " op " + op);
                if (random.nextInt(3) == 0) {
                    snapshots.add(map.snapshot());
                    expected.add(new TreeMap<>(reference));
                }
                assertEquals(reference.size(), map.size());
                assertEquals(reference.get(step), map.get(step));
            }
            for (int i = 0; i < snapshots.size(); i++) {
                assertSameSortedMap(expected.get(i), snapshots.get(i), "seed " + seed + " snapshot " + i);
            }
        }
    }

    @Test
    void emptyStepSnapshotAnswersAsAnEmptyTreeMap() {
        SortedMap<Integer, Double> empty = new AppendOnlyStepMap().snapshot();
        assertTrue(empty.isEmpty());
        assertThrows(NoSuchElementException.class, empty::firstKey);
        assertThrows(NoSuchElementException.class, empty::lastKey);
        assertThrows(NullPointerException.class, () -> empty.get(null));
        assertNull(empty.get("0"));
        assertEquals(new TreeMap<>(), empty);
        assertEquals("{}", empty.toString());
        assertThrows(IllegalArgumentException.class, () -> empty.subMap(3, 1));
    }

    private static void assertSameSortedMap(TreeMap<Integer, Double> want, SortedMap<Integer, Double> got,
            String where) {
        assertEquals(new ArrayList<>(want.entrySet()), new ArrayList<>(got.entrySet()), where);
        assertEquals(new ArrayList<>(want.keySet()), new ArrayList<>(got.keySet()), where);
        assertEquals(new ArrayList<>(want.values()), new ArrayList<>(got.values()), where);
        assertEquals(want, got, where);
        assertEquals(want.hashCode(), got.hashCode(), where);
        assertEquals(want.toString(), got.toString(), where);
        if (!want.isEmpty()) {
            assertEquals(want.firstKey(), got.firstKey(), where);
            assertEquals(want.lastKey(), got.lastKey(), where);
        }
        int last = want.isEmpty() ? 0 : want.lastKey();
        for (int k = -1; k <= last + 1; k++) {
            assertEquals(want.get(k), got.get(k), where + " get(" + k + ")");
            assertEquals(want.containsKey(k), got.containsKey(k), where);
            assertEquals(want.keySet().contains(k), got.keySet().contains(k), where);
            assertEquals(new ArrayList<>(want.headMap(k).entrySet()), new ArrayList<>(got.headMap(k).entrySet()),
                    where + " headMap(" + k + ")");
            assertEquals(new ArrayList<>(want.tailMap(k).entrySet()), new ArrayList<>(got.tailMap(k).entrySet()),
                    where + " tailMap(" + k + ")");
            assertEquals(want.subMap(k, k + 3), got.subMap(k, k + 3), where + " subMap(" + k + ")");
            assertEquals(want.tailMap(k).headMap(k + 4), got.tailMap(k).headMap(k + 4), where);
        }
    }
}
