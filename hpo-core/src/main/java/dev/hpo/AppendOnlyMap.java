package dev.hpo;

import java.util.AbstractCollection;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * A map in insertion order that only grows, whose {@link #snapshot()} costs O(1): how {@link Trial} and the storages
 * that keep trials in memory hold a running trial's parameters and distributions. A sampler sees a
 * {@link FrozenTrial} at every suggestion, so a snapshot that copied the trial's P parameters would make a trial of
 * P parameters cost O(P²).
 *
 * <p>A snapshot is an unmodifiable view of the first entries, which never change: a new key goes behind the end
 * the snapshots handed out see, and replacing the value of a key (rare: a storage told a parameter again) copies the
 * values first. Keys are not null; values may be (a categorical choice may be null). Not thread safe: its owner
 * writes under its own lock or thread; a snapshot may be read from any thread it was handed to.
 *
 * @param <K> the key type (a parameter's name)
 * @param <V> the value type
 */
public final class AppendOnlyMap<K, V> extends AbstractMap<K, V> {

    /** Position of every key ever put; shared with the snapshots, which ignore positions at or past their size. */
    private final Map<Object, Integer> positions = new ConcurrentHashMap<>();
    private Object[] keys = new Object[8];
    private Object[] values = new Object[8];
    private int size;
    private Map<K, V> snapshot;

    /** An empty map. */
    public AppendOnlyMap() {
    }

    /**
     * Adds a key behind the others, or replaces the value of a known key in place (the snapshots taken before keep
     * the old value).
     */
    @Override
    public V put(K key, V value) {
        Objects.requireNonNull(key, "key");
        Integer at = positions.get(key);
        if (at == null) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            keys[size] = key;
            values[size] = value;
            positions.put(key, size);  // after the arrays: a reader that finds the position finds the entry
            size++;
            snapshot = null;
            return null;
        }
        @SuppressWarnings("unchecked")
        V old = (V) values[at];
        if (!Objects.equals(old, value)) {
            values = values.clone();
            values[at] = value;
            snapshot = null;
        }
        return old;
    }

    @Override
    public V get(Object key) {
        return View.get(positions, keys, values, size, key);
    }

    @Override
    public boolean containsKey(Object key) {
        return View.position(positions, size, key) >= 0;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public void forEach(BiConsumer<? super K, ? super V> action) {
        snapshot().forEach(action);
    }

    /** The entries as they are now; a later {@code put} does not show in an iteration begun before it. */
    @Override
    public Set<Entry<K, V>> entrySet() {
        return snapshot().entrySet();
    }

    /** An unmodifiable view of the entries as they are now, which later changes of this map do not reach. */
    public Map<K, V> snapshot() {
        if (snapshot == null) {
            snapshot = new View<>(positions, keys, values, size);
        }
        return snapshot;
    }

    /**
     * The map to keep in a {@link FrozenTrial}: a snapshot as it is, the snapshot of an append-only map, or else an
     * unmodifiable copy in the same order.
     */
    static <K, V> Map<K, V> frozen(Map<K, V> map) {
        if (map instanceof View<K, V>) {
            return map;
        }
        if (map instanceof AppendOnlyMap<K, V> growing) {
            return growing.snapshot();
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** The first {@code size} entries of the owner's arrays, read only. */
    private static final class View<K, V> extends AbstractMap<K, V> {

        private final Map<Object, Integer> positions;
        private final Object[] keys;
        private final Object[] values;
        private final int size;

        View(Map<Object, Integer> positions, Object[] keys, Object[] values, int size) {
            this.positions = positions;
            this.keys = keys;
            this.values = values;
            this.size = size;
        }

        static int position(Map<Object, Integer> positions, int size, Object key) {
            if (key == null) {
                return -1;
            }
            Integer at = positions.get(key);
            return at != null && at < size ? at : -1;
        }

        @SuppressWarnings("unchecked")
        static <V> V get(Map<Object, Integer> positions, Object[] keys, Object[] values, int size, Object key) {
            int at = position(positions, size, key);
            return at < 0 ? null : (V) values[at];
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public V get(Object key) {
            return get(positions, keys, values, size, key);
        }

        @Override
        public boolean containsKey(Object key) {
            return position(positions, size, key) >= 0;
        }

        @Override
        @SuppressWarnings("unchecked")
        public void forEach(BiConsumer<? super K, ? super V> action) {
            for (int i = 0; i < size; i++) {
                action.accept((K) keys[i], (V) values[i]);
            }
        }

        @Override
        public Set<Entry<K, V>> entrySet() {
            // keys, values and forEach read the arrays directly; only the entries need an object each
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<K, V>> iterator() {
                    return new Positions<>(size) {
                        @Override
                        @SuppressWarnings("unchecked")
                        Entry<K, V> at(int i) {
                            return new SimpleImmutableEntry<>((K) keys[i], (V) values[i]);
                        }
                    };
                }

                @Override
                public int size() {
                    return size;
                }

                @Override
                public boolean contains(Object o) {
                    return o instanceof Entry<?, ?> e && containsKey(e.getKey())
                            && Objects.equals(get(e.getKey()), e.getValue());
                }
            };
        }

        @Override
        public Set<K> keySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<K> iterator() {
                    return new Positions<>(size) {
                        @Override
                        @SuppressWarnings("unchecked")
                        K at(int i) {
                            return (K) keys[i];
                        }
                    };
                }

                @Override
                public int size() {
                    return size;
                }

                @Override
                public boolean contains(Object o) {
                    return containsKey(o);
                }
            };
        }

        @Override
        public Collection<V> values() {
            return new AbstractCollection<>() {
                @Override
                public Iterator<V> iterator() {
                    return new Positions<>(size) {
                        @Override
                        @SuppressWarnings("unchecked")
                        V at(int i) {
                            return (V) values[i];
                        }
                    };
                }

                @Override
                public int size() {
                    return size;
                }
            };
        }

        // read only, as Collections.unmodifiableMap: every change throws, even one that would change nothing

        @Override
        public V put(K key, V value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public V remove(Object key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void putAll(Map<? extends K, ? extends V> m) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void clear() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void replaceAll(BiFunction<? super K, ? super V, ? extends V> function) {
            throw new UnsupportedOperationException();
        }
    }

    /** An iterator over the positions {@code 0 .. size - 1} that cannot remove. */
    abstract static class Positions<T> implements Iterator<T> {

        private final int end;
        private int next;

        Positions(int end) {
            this(0, end);
        }

        Positions(int start, int end) {
            this.next = start;
            this.end = end;
        }

        abstract T at(int i);

        @Override
        public boolean hasNext() {
            return next < end;
        }

        @Override
        public T next() {
            if (next >= end) {
                throw new NoSuchElementException();
            }
            return at(next++);
        }
    }
}
