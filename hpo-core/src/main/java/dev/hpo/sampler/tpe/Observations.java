package dev.hpo.sampler.tpe;

import dev.hpo.FrozenTrial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The internal parameter values of one study's trials as rows of doubles, so that building a Parzen estimator
 * reads arrays instead of converting each trial's parameter map again. Finished trials never change, so their row
 * is made once, and each parameter keeps its finished trials sorted by value: an estimator then gets its
 * observations in sorted order (for the neighbour bandwidths) by one pass instead of a sort per decision.
 *
 * <p>Running trials (the constant liar's) are read afresh each time, together with the values the sampler has
 * already chosen for them but the objective has not asked for yet (as Optuna 5 does), so that a running trial
 * counts with its whole point. Not thread safe: the sampler that owns it locks.
 */
public final class Observations {

    /** Observations by dimension ([dimension][row]) and, per dimension, the rows in increasing order of value. */
    public record Matrix(double[][] columns, int[][] order) {
        /** The number of observations. */
        public int size() {
            return columns.length == 0 ? 0 : columns[0].length;
        }
    }

    private final Map<String, Integer> columns = new HashMap<>();
    /** Per column, the internal value of each finished trial by trial number (NaN: the trial lacks it). */
    private final List<double[]> values = new ArrayList<>();
    private final BitSet read = new BitSet();
    private int readCount;
    /** Whether a read trial has a parameter whose internal value is NaN (which counts as lacking it). */
    private boolean nanRead;
    /** Per column: the numbers of the finished trials that have it, by value (ties: by number). */
    private final List<int[]> sorted = new ArrayList<>();
    private final List<Integer> sortedSize = new ArrayList<>();
    private final Map<Integer, Map<String, Double>> pending = new HashMap<>();

    /** Remembers the relative sample of a running trial (internal values). */
    public void setPending(int trialNumber, Map<String, Double> values) {
        pending.put(trialNumber, Map.copyOf(values));
    }

    /** Forgets the relative sample of a trial that finished. */
    public void clearPending(int trialNumber) {
        pending.remove(trialNumber);
    }

    /**
     * The values of the trials that have every named parameter, in the order given (trial-number order); column j
     * holds {@code names[j]}, and its sorted order is computed where {@code needsOrder[j]}.
     */
    public Matrix matrix(List<FrozenTrial> trials, String[] names, boolean[] needsOrder) {
        int d = names.length;
        int[] cols = new int[d];
        for (int j = 0; j < d; j++) {
            cols[j] = column(names[j]);
        }
        int maxNumber = 0;
        for (FrozenTrial t : trials) {
            maxNumber = Math.max(maxNumber, t.number());
            if (t.state().isFinished()) {
                ensureRead(t);
            }
        }
        double[][] data = new double[d][];
        for (int j = 0; j < d; j++) {
            data[j] = values.get(cols[j]);
        }
        double[][] out = new double[d][trials.size()];
        int[] rowOf = new int[maxNumber + 1];
        Arrays.fill(rowOf, -1);
        boolean allFinished = true;
        int n = 0;
        for (FrozenTrial t : trials) {
            int num = t.number();
            boolean complete = true;
            if (t.state().isFinished()) {
                for (int j = 0; j < d && complete; j++) {
                    double v = num < data[j].length ? data[j][num] : Double.NaN;
                    complete = !Double.isNaN(v);
                    out[j][n] = v;
                }
            } else {
                Map<String, Double> running = running(t);
                for (int j = 0; j < d && complete; j++) {
                    Double v = running.get(names[j]);
                    complete = v != null;
                    out[j][n] = complete ? v : Double.NaN;
                }
                allFinished &= !complete;
            }
            if (complete) {
                rowOf[num] = n++;
            }
        }
        if (n < trials.size()) {
            for (int j = 0; j < d; j++) {
                out[j] = Arrays.copyOf(out[j], n);
            }
        }
        int[][] order = new int[d][];
        if (allFinished) {
            for (int j = 0; j < d; j++) {
                if (!needsOrder[j]) {
                    continue;
                }
                int[] s = sorted.get(cols[j]);
                int size = sortedSize.get(cols[j]);
                // a pass over all of a parameter's sorted trials pays off unless the estimator has few of them
                // (ℓ(x) has at most 25): those the estimator sorts itself
                if (8L * n < size) {
                    continue;
                }
                int[] o = new int[n];
                int k = 0;
                for (int i = 0; i < size && k < n; i++) {
                    int num = s[i];
                    if (num <= maxNumber && rowOf[num] >= 0) {
                        o[k++] = rowOf[num];
                    }
                }
                order[j] = k == n ? o : null;
            }
        }
        return new Matrix(out, order);
    }

    /**
     * The trial numbers of the trials (all finished, in number order) that have every named parameter, their values
     * read; {@code null} when one of the trials is still running, whose values are not fixed yet.
     */
    public int[] finishedRows(List<FrozenTrial> trials, String[] names) {
        int[] out = new int[trials.size()];
        int n = 0;
        for (FrozenTrial t : trials) {
            if (!t.state().isFinished()) {
                return null;
            }
            ensureRead(t);
            out[n++] = t.number();
        }
        return completeRows(out, names);
    }

    /** Reads a finished trial's values (once; later calls do nothing). */
    public void read(FrozenTrial t) {
        if (t.state().isFinished()) {
            ensureRead(t);
        }
    }

    /** The numbers, in the order given, of the {@link #read} trials that have every named parameter. */
    public int[] completeRows(int[] numbers, String[] names) {
        boolean everyReadHasAll = !nanRead;
        for (int j = 0; j < names.length && everyReadHasAll; j++) {
            everyReadHasAll = sortedCount(names[j]) == readCount;
        }
        if (everyReadHasAll) {
            // the common case of a search space every trial has: a row is complete when its trial was read
            int[] out = new int[numbers.length];
            int kept = 0;
            for (int num : numbers) {
                if (read.get(num)) {
                    out[kept++] = num;
                }
            }
            return kept == out.length ? out : Arrays.copyOf(out, kept);
        }
        // a pass per parameter: a loop per row over the parameters, left at the first missing one, costs a
        // mispredicted exit per row
        boolean[] lacking = new boolean[numbers.length];
        int lackingCount = 0;
        for (String name : names) {
            double[] data = values.get(column(name));
            for (int i = 0; i < numbers.length; i++) {
                int num = numbers[i];
                if ((num >= data.length || Double.isNaN(data[num])) && !lacking[i]) {
                    lacking[i] = true;
                    lackingCount++;
                }
            }
        }
        if (lackingCount == 0) {
            return numbers.clone();
        }
        int[] out = new int[numbers.length - lackingCount];
        int kept = 0;
        for (int i = 0; i < numbers.length; i++) {
            if (!lacking[i]) {
                out[kept++] = numbers[i];
            }
        }
        return out;
    }

    /** A parameter's internal value by trial number for the finished trials read so far (NaN: lacks it). */
    double[] valuesByNumber(String name) {
        return values.get(column(name));
    }

    /** The numbers of the finished trials read so far that have the parameter, by value (ties: by number). */
    int[] sortedNumbers(String name) {
        return sorted.get(column(name));
    }

    /** How many entries of {@link #sortedNumbers} there are. */
    int sortedCount(String name) {
        return sortedSize.get(column(name));
    }

    private int column(String name) {
        Integer c = columns.get(name);
        if (c == null) {
            c = columns.size();
            columns.put(name, c);
            double[] v = new double[64];
            Arrays.fill(v, Double.NaN);
            values.add(v);
            sorted.add(new int[16]);
            sortedSize.add(0);
        }
        return c;
    }

    /** Stores a finished trial's values once and files them in the sorted lists. */
    private void ensureRead(FrozenTrial t) {
        int num = t.number();
        if (read.get(num)) {
            return;
        }
        read.set(num);
        readCount++;
        for (String name : t.params().keySet()) {
            int c = column(name);
            double[] v = values.get(c);
            if (v.length <= num) {
                int old = v.length;
                v = Arrays.copyOf(v, Math.max(num + 1, old * 2));
                Arrays.fill(v, old, v.length, Double.NaN);
                values.set(c, v);
            }
            v[num] = t.internalParam(name);
            nanRead |= Double.isNaN(v[num]);
            insertSorted(c, num, v[num]);
        }
    }

    private void insertSorted(int column, int number, double value) {
        int[] s = sorted.get(column);
        double[] v = values.get(column);
        int size = sortedSize.get(column);
        int a = 0;
        int b = size;
        while (a < b) {
            int mid = (a + b) >>> 1;
            double x = v[s[mid]];
            if (x < value || (x == value && s[mid] < number)) {
                a = mid + 1;
            } else {
                b = mid;
            }
        }
        if (size == s.length) {
            s = Arrays.copyOf(s, size * 2);
            sorted.set(column, s);
        }
        System.arraycopy(s, a, s, a + 1, size - a);
        s[a] = number;
        sortedSize.set(column, size + 1);
    }

    /** A running trial's values: what the sampler chose for it, overridden by what it has suggested. */
    public Map<String, Double> running(FrozenTrial t) {
        Map<String, Double> out = new HashMap<>(pending.getOrDefault(t.number(), Map.of()));
        for (String name : t.params().keySet()) {
            out.put(name, t.internalParam(name));
        }
        return out;
    }
}
