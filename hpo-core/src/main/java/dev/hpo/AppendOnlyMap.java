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

    private Object[] keys = new Object[8];
    /** The hash code of each key, so that a lookup compares keys only when their hashes are equal. */
    private int[] hashes = new int[8];
    private Object[] values = new Object[8];
    private int size;
    /**
     * The index: an open-addressing hash table of position + 1 (0 for an empty slot), at most half full. Snapshots
     * share it; slots are only ever filled, and a slot filled after a snapshot holds a position at or past its size,
     * which it skips, so its lookups need no lock. Growing makes a new table and leaves the old one as it is.
     */
    private int[] table = new int[16];
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
        int hash = Objects.requireNonNull(key, "key").hashCode();
        int mask = table.length - 1;
        int slot = View.home(table, hash);
        for (int at = table[slot] - 1; at >= 0; at = table[slot] - 1) {
            if (hashes[at] == hash && keys[at].equals(key)) {
                @SuppressWarnings("unchecked")
                V old = (V) values[at];
                if (!Objects.equals(old, value)) {
                    values = values.clone();
                    values[at] = value;
                    snapshot = null;
                }
                return old;
            }
            slot = (slot + 1) & mask;
        }
        if (size == keys.length) {
            keys = Arrays.copyOf(keys, size * 2);
            hashes = Arrays.copyOf(hashes, size * 2);
            values = Arrays.copyOf(values, size * 2);
        }
        keys[size] = key;
        hashes[size] = hash;
        values[size] = value;
        // the slot is filled after the arrays: a reader that finds the position finds the entry
        if (2 * (size + 1) > table.length) {
            table = index(hashes, size + 1, table.length * 2);
        } else {
            table[slot] = size + 1;
        }
        size++;
        snapshot = null;
        return null;
    }

    private static int[] index(int[] hashes, int size, int capacity) {
        int[] table = new int[capacity];
        for (int i = 0; i < size; i++) {
            insert(table, hashes[i], i);
        }
        return table;
    }

    private static void insert(int[] table, int hash, int position) {
        int mask = table.length - 1;
        int slot = View.home(table, hash);
        while (table[slot] != 0) {
            slot = (slot + 1) & mask;
        }
        table[slot] = position + 1;
    }

    @Override
    @SuppressWarnings("unchecked")
    public V get(Object key) {
        int at = View.find(table, keys, hashes, size, key);
        return at < 0 ? null : (V) values[at];
    }

    @Override
    public boolean containsKey(Object key) {
        return View.find(table, keys, hashes, size, key) >= 0;
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
            snapshot = new View<>(table, keys, hashes, values, size);
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

        private final int[] table;
        private final Object[] keys;
        private final int[] hashes;
        private final Object[] values;
        private final int size;

        View(int[] table, Object[] keys, int[] hashes, Object[] values, int size) {
            this.table = table;
            this.keys = keys;
            this.hashes = hashes;
            this.values = values;
            this.size = size;
        }

        /**
         * The first slot to probe for a hash: its top bits after a multiplication by 2^32/φ (Fibonacci hashing), which
         * spreads the runs of consecutive hash codes that names such as x1, x2, ... have.
         */
        static int home(int[] table, int hash) {
            return (hash * 0x9E3779B9) >>> (Integer.numberOfLeadingZeros(table.length) + 1);
        }

        /** The position of the key among the first {@code size}, or -1. */
        static int find(int[] table, Object[] keys, int[] hashes, int size, Object key) {
            if (key == null) {
                return -1;
            }
            int hash = key.hashCode();
            int mask = table.length - 1;
            for (int slot = home(table, hash); ; slot = (slot + 1) & mask) {
                int at = table[slot] - 1;
                if (at < 0) {
                    return -1;
                }
                if (at < size && hashes[at] == hash && keys[at].equals(key)) {
                    return at;
                }
            }
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        @SuppressWarnings("unchecked")
        public V get(Object key) {
            int at = find(table, keys, hashes, size, key);
            return at < 0 ? null : (V) values[at];
        }

        @Override
        public boolean containsKey(Object key) {
            return find(table, keys, hashes, size, key) >= 0;
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
