package dev.hpo;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * Intermediate values by step, in step order, whose {@link #snapshot()} costs O(1): how {@link Trial} and the
 * storages that keep trials in memory hold a running trial's reports. The pruner sees a {@link FrozenTrial} after
 * every report, so a snapshot that copied the S values so far would make a trial of S steps cost O(S²).
 *
 * <p>Steps are reported in increasing order almost always; such a report goes behind the end that the snapshots
 * handed out see. A step below the last one, or a new value for a known step, copies the arrays first (O(S), and
 * rare), so a snapshot never changes. Not thread safe: its owner writes under its own lock or thread; a snapshot may
 * be read from any thread it was handed to.
 */
public final class AppendOnlyStepMap extends AbstractMap<Integer, Double> {

    private int[] steps = new int[8];
    private Double[] values = new Double[8];
    private int size;
    private SortedMap<Integer, Double> snapshot;

    /** An empty map. */
    public AppendOnlyStepMap() {
    }

    /** Sets the value of a step: behind the others when it is the highest so far, otherwise into a copy. */
    @Override
    public Double put(Integer step, Double value) {
        int s = step;  // a null step throws here, as TreeMap's put does
        if (size == 0 || s > steps[size - 1]) {
            if (size == steps.length) {
                steps = Arrays.copyOf(steps, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            steps[size] = s;
            values[size] = value;
            size++;
            snapshot = null;
            return null;
        }
        int at = Arrays.binarySearch(steps, 0, size, s);
        if (at >= 0) {
            Double old = values[at];
            if (!Objects.equals(old, value)) {
                values = values.clone();
                values[at] = value;
                snapshot = null;
            }
            return old;
        }
        int insertion = -at - 1;
        int[] newSteps = new int[Math.max(steps.length, size + 1)];
        Double[] newValues = new Double[newSteps.length];
        System.arraycopy(steps, 0, newSteps, 0, insertion);
        System.arraycopy(values, 0, newValues, 0, insertion);
        newSteps[insertion] = s;
        newValues[insertion] = value;
        System.arraycopy(steps, insertion, newSteps, insertion + 1, size - insertion);
        System.arraycopy(values, insertion, newValues, insertion + 1, size - insertion);
        steps = newSteps;
        values = newValues;
        size++;
        snapshot = null;
        return null;
    }

    @Override
    public Double get(Object step) {
        return View.get(steps, values, 0, size, step);
    }

    @Override
    public boolean containsKey(Object step) {
        return View.indexOf(steps, 0, size, step) >= 0;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void forEach(BiConsumer<? super Integer, ? super Double> action) {
        snapshot().forEach(action);
    }

    /** The entries as they are now, in step order; a later {@code put} does not show in them. */
    @Override
    public Set<Entry<Integer, Double>> entrySet() {
        return snapshot().entrySet();
    }

    /** An unmodifiable view of the entries as they are now, which later changes of this map do not reach. */
    public SortedMap<Integer, Double> snapshot() {
        if (snapshot == null) {
            snapshot = new View(steps, values, 0, size);
        }
        return snapshot;
    }

    /** The map to keep in a {@link FrozenTrial}: a snapshot as it is, or else an unmodifiable sorted copy. */
    static SortedMap<Integer, Double> frozen(SortedMap<Integer, Double> map) {
        if (map instanceof View) {
            return map;
        }
        return Collections.unmodifiableSortedMap(new TreeMap<>(map));
    }

    /** The entries at positions {@code from .. to - 1} of the owner's arrays, read only. */
    private static final class View extends AbstractMap<Integer, Double> implements SortedMap<Integer, Double> {

        private final int[] steps;
        private final Double[] values;
        private final int from;
        private final int to;

        View(int[] steps, Double[] values, int from, int to) {
            this.steps = steps;
            this.values = values;
            this.from = from;
            this.to = to;
        }

        /** The position of the step within {@code from .. to - 1}, or a negative number; null throws, as TreeMap. */
        static int indexOf(int[] steps, int from, int to, Object step) {
            if (!(Objects.requireNonNull(step) instanceof Integer s)) {
                return -1;
            }
            return Arrays.binarySearch(steps, from, to, s);
        }

        static Double get(int[] steps, Double[] values, int from, int to, Object step) {
            int at = indexOf(steps, from, to, step);
            return at >= 0 ? values[at] : null;
        }

        /** The first position in range whose step is at least {@code step}. */
        private int lowerBound(Integer step) {
            int at = Arrays.binarySearch(steps, from, to, step);  // a null step throws, as TreeMap's views do
            return at >= 0 ? at : -at - 1;
        }

        @Override
        public int size() {
            return to - from;
        }

        @Override
        public boolean isEmpty() {
            return to == from;
        }

        @Override
        public Double get(Object step) {
            return get(steps, values, from, to, step);
        }

        @Override
        public boolean containsKey(Object step) {
            return indexOf(steps, from, to, step) >= 0;
        }

        @Override
        public Comparator<? super Integer> comparator() {
            return null;  // the natural order, as a TreeMap without a comparator
        }

        @Override
        public Integer firstKey() {
            if (isEmpty()) {
                throw new NoSuchElementException();
            }
            return steps[from];
        }

        @Override
        public Integer lastKey() {
            if (isEmpty()) {
                throw new NoSuchElementException();
            }
            return steps[to - 1];
        }

        @Override
        public SortedMap<Integer, Double> headMap(Integer toKey) {
            return new View(steps, values, from, lowerBound(toKey));
        }

        @Override
        public SortedMap<Integer, Double> tailMap(Integer fromKey) {
            return new View(steps, values, lowerBound(fromKey), to);
        }

        @Override
        public SortedMap<Integer, Double> subMap(Integer fromKey, Integer toKey) {
            if (fromKey > toKey) {
                throw new IllegalArgumentException("fromKey " + fromKey + " > toKey " + toKey);
            }
            return new View(steps, values, lowerBound(fromKey), lowerBound(toKey));
        }

        @Override
        public void forEach(BiConsumer<? super Integer, ? super Double> action) {
            for (int i = from; i < to; i++) {
                action.accept(steps[i], values[i]);
            }
        }

        @Override
        public Set<Entry<Integer, Double>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<Integer, Double>> iterator() {
                    return new AppendOnlyMap.Positions<>(from, to) {
                        @Override
                        Entry<Integer, Double> at(int i) {
                            return new SimpleImmutableEntry<>(steps[i], values[i]);
                        }
                    };
                }

                @Override
                public int size() {
                    return to - from;
                }

                @Override
                public boolean contains(Object o) {
                    return o instanceof Entry<?, ?> e && e.getKey() != null && containsKey(e.getKey())
                            && Objects.equals(get(e.getKey()), e.getValue());
                }
            };
        }

        @Override
        public Set<Integer> keySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Integer> iterator() {
                    return new AppendOnlyMap.Positions<>(from, to) {
                        @Override
                        Integer at(int i) {
                            return steps[i];
                        }
                    };
                }

                @Override
                public int size() {
                    return to - from;
                }

                @Override
                public boolean contains(Object o) {
                    return containsKey(o);
                }
            };
        }

        /** The values in step order, without an entry per value: pruners reduce over them at every check. */
        @Override
        public Collection<Double> values() {
            return new AbstractCollection<>() {
                @Override
                public Iterator<Double> iterator() {
                    return new AppendOnlyMap.Positions<>(from, to) {
                        @Override
                        Double at(int i) {
                            return values[i];
                        }
                    };
                }

                @Override
                public int size() {
                    return to - from;
                }
            };
        }

        // read only, as Collections.unmodifiableSortedMap: every change throws, even one that would change nothing

        @Override
        public Double put(Integer key, Double value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Double remove(Object key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void putAll(Map<? extends Integer, ? extends Double> m) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void clear() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void replaceAll(BiFunction<? super Integer, ? super Double, ? extends Double> function) {
            throw new UnsupportedOperationException();
        }
    }
}
