package dev.hpo.sampler;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialState;
import dev.hpo.space.Distribution;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Evaluates every combination of given parameter values once (Optuna's {@code GridSampler}), in an order shuffled
 * by the seed, and stops the study when every combination has been evaluated.
 *
 * <p>Which combinations are taken is read from the storage, not remembered here: each trial records its grid
 * point as the trial system attributes {@code grid_id} and {@code search_space} (Optuna's keys; the numbering is
 * hpo's: parameter names sorted, values sorted, the last name varying fastest, where Optuna 5 numbers its own
 * seeded shuffle of the grid, so hpo and Optuna must not share one grid study), so a resumed study, several threads
 * and several processes of hpo continue one grid. A new trial takes the first point of the shuffled order that no
 * trial has finished or is running; when every point has started, one that has not finished; when every point
 * has finished (a resumed, exhausted study) it re-evaluates a random point and the study stops after it, as
 * Optuna does. Points finished by a trial in any state (complete, pruned, failed) count as evaluated. The study
 * stops as soon as every point is finished or being evaluated in this process, so threads of one process repeat
 * a point only when they asked in the instant before the stop (fewer repeats than Optuna, which waits for every
 * point to finish).
 *
 * <p>The objective may suggest only parameters of the grid; each value must fit the distribution it is suggested
 * with. An enqueued trial that fixes every grid parameter to a grid point counts as that point.
 */
public final class GridSampler implements Sampler {

    /** Trial system attribute: the index of the trial's grid point. */
    public static final String GRID_ID_ATTR = "grid_id";
    /** Trial system attribute: the grid, so that trials of another grid are not counted. */
    public static final String SEARCH_SPACE_ATTR = "search_space";

    private static final System.Logger LOG = System.getLogger(GridSampler.class.getName());

    private final Map<String, List<Object>> space;
    private final List<String> names;
    private final int size;
    private final int[] order;
    private final SplittableRandom random;
    /** Trials of this process that hold a grid point and have not finished: they will finish here. */
    private final Set<Long> inFlight = new HashSet<>();

    /** A grid visited in a random order. */
    public GridSampler(Map<String, ? extends List<?>> searchSpace) {
        this(searchSpace, new SplittableRandom().nextLong());
    }

    /**
     * A grid visited in an order shuffled by {@code seed}: same seed, same order.
     *
     * @param searchSpace for each parameter name, its distinct values (numbers, strings, booleans, enum constants)
     */
    public GridSampler(Map<String, ? extends List<?>> searchSpace, long seed) {
        if (searchSpace == null || searchSpace.isEmpty()) {
            throw new IllegalArgumentException("GridSampler needs at least one parameter with values, got "
                    + searchSpace);
        }
        Map<String, List<Object>> s = new TreeMap<>();
        long combinations = 1;
        for (Map.Entry<String, ? extends List<?>> e : searchSpace.entrySet()) {
            List<Object> values = checkedValues(e.getKey(), e.getValue());
            s.put(e.getKey(), values);
            combinations *= values.size();
            if (combinations > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("the grid has more than " + Integer.MAX_VALUE
                        + " combinations; use a random or model-based sampler for a space this large");
            }
        }
        this.space = Collections.unmodifiableMap(s);
        this.names = List.copyOf(s.keySet());
        this.size = (int) combinations;
        this.random = new SplittableRandom(seed);
        this.order = shuffledIds(size, random.split());
    }

    private static List<Object> checkedValues(String name, List<?> values) {
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("grid parameter '" + name + "' has no values; give at least one");
        }
        List<Object> v = new ArrayList<>(values);
        if (new HashSet<>(v).size() != v.size()) {
            throw new IllegalArgumentException("grid parameter '" + name + "' has repeated values " + values
                    + "; each value is evaluated once, so list it once");
        }
        sortIfComparable(v);
        return Collections.unmodifiableList(v);
    }

    /** Sorts numbers, strings or booleans (as Optuna does), so that the grid numbering ignores the given order. */
    private static void sortIfComparable(List<Object> values) {
        if (values.stream().allMatch(x -> x instanceof Number)) {
            values.sort((a, b) -> Double.compare(((Number) a).doubleValue(), ((Number) b).doubleValue()));
        } else if (values.stream().allMatch(x -> x instanceof String)) {
            values.sort((a, b) -> ((String) a).compareTo((String) b));
        } else if (values.stream().allMatch(x -> x instanceof Boolean)) {
            values.sort((a, b) -> Boolean.compare((Boolean) a, (Boolean) b));
        }
    }

    private static int[] shuffledIds(int n, SplittableRandom random) {
        int[] ids = new int[n];
        for (int i = 0; i < n; i++) {
            ids[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = ids[i];
            ids[i] = ids[j];
            ids[j] = t;
        }
        return ids;
    }

    /** The number of grid points. */
    public int size() {
        return size;
    }

    /** The grid, parameter names and values sorted. */
    public Map<String, List<Object>> searchSpace() {
        return space;
    }

    /** The parameter values of grid point {@code gridId}. */
    public Map<String, Object> point(int gridId) {
        Objects.checkIndex(gridId, size);
        Map<String, Object> p = new LinkedHashMap<>();
        int rest = gridId;
        for (int i = names.size() - 1; i >= 0; i--) {
            List<Object> values = space.get(names.get(i));
            p.put(names.get(i), values.get(rest % values.size()));
            rest /= values.size();
        }
        Map<String, Object> inOrder = new LinkedHashMap<>();
        names.forEach(n -> inOrder.put(n, p.get(n)));
        return inOrder;
    }

    @Override
    public synchronized void beforeTrial(Study study, FrozenTrial trial) {
        if (trial.systemAttrs().containsKey(GRID_ID_ATTR)) {
            return;
        }
        Integer gridId;
        if (trial.systemAttrs().get(Study.FIXED_PARAMS_ATTR) instanceof Map<?, ?> fixed) {
            gridId = gridIdOf(fixed);
            if (gridId == null) {
                return;
            }
        } else {
            gridId = nextGridId(study);
        }
        study.storage().setTrialSystemAttr(trial.id(), SEARCH_SPACE_ATTR, space);
        study.storage().setTrialSystemAttr(trial.id(), GRID_ID_ATTR, gridId);
        inFlight.add(trial.id());
    }

    private int nextGridId(Study study) {
        Set<Integer> finished = new HashSet<>();
        Set<Integer> running = new HashSet<>();
        collectGridIds(study, finished, running);
        for (int id : order) {
            if (!finished.contains(id) && !running.contains(id)) {
                return id;
            }
        }
        for (int id : order) {
            if (!finished.contains(id)) {
                return id;
            }
        }
        LOG.log(System.Logger.Level.WARNING, () -> "study " + study.name() + ": every point of the grid has been"
                + " evaluated already; GridSampler evaluates one again and then stops the study");
        return random.nextInt(size);
    }

    /** The grid point that enqueued values fix, or null when they do not fix all grid parameters to one point. */
    private Integer gridIdOf(Map<?, ?> fixed) {
        int id = 0;
        for (String name : names) {
            List<Object> values = space.get(name);
            int index = fixed.containsKey(name) ? indexOf(values, fixed.get(name)) : -1;
            if (index < 0) {
                return null;
            }
            id = id * values.size() + index;
        }
        return id;
    }

    private void collectGridIds(Study study, Set<Integer> finished, Set<Integer> running) {
        for (FrozenTrial t : study.storage().trials(study.id())) {
            Map<String, Object> attrs = t.systemAttrs();
            if (attrs.get(GRID_ID_ATTR) instanceof Number id && sameSpace(attrs.get(SEARCH_SPACE_ATTR))) {
                if (t.state().isFinished()) {
                    finished.add(id.intValue());
                } else if (t.state() == TrialState.RUNNING) {
                    running.add(id.intValue());
                }
            }
        }
    }

    /** True when a stored grid (possibly read back from a file, numbers widened) is this grid. */
    private boolean sameSpace(Object stored) {
        if (!(stored instanceof Map<?, ?> m) || !m.keySet().equals(space.keySet())) {
            return false;
        }
        for (Map.Entry<String, List<Object>> e : space.entrySet()) {
            if (!(m.get(e.getKey()) instanceof List<?> values) || values.size() != e.getValue().size()) {
                return false;
            }
            for (Object v : values) {
                if (indexOf(e.getValue(), v) < 0) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The index of a value, matching numbers by value and enum constants by name. */
    private static int indexOf(List<Object> values, Object value) {
        for (int i = 0; i < values.size(); i++) {
            Object v = values.get(i);
            if (Objects.equals(v, value)
                    || v instanceof Number a && value instanceof Number b && a.doubleValue() == b.doubleValue()
                    || v instanceof Enum<?> e && e.name().equals(value)
                    || value instanceof Enum<?> e2 && e2.name().equals(v)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public double sampleIndependent(Study study, FrozenTrial trial, String name, Distribution distribution) {
        List<Object> values = space.get(name);
        if (values == null) {
            throw new IllegalArgumentException("parameter '" + name + "' is not in the grid of GridSampler (grid"
                    + " parameters: " + String.join(", ", names) + "); add it to the grid or suggest only grid"
                    + " parameters");
        }
        Object id = study.storage().trial(trial.id()).systemAttrs().get(GRID_ID_ATTR);
        if (!(id instanceof Number gridId)) {
            throw new IllegalArgumentException("trial " + trial.number() + " was enqueued with values that are not a"
                    + " point of the grid, so GridSampler cannot choose '" + name + "'; enqueue a value for every"
                    + " grid parameter (" + String.join(", ", names) + ")");
        }
        Object value = point(gridId.intValue()).get(name);
        try {
            return distribution.toInternal(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("grid value " + value + " of parameter '" + name + "' does not fit "
                    + distribution + " as suggested by the objective (" + e.getMessage() + ")", e);
        }
    }

    /**
     * Stops the study once every point is finished or held by an unfinished trial of this process (which will
     * finish here), so that the process's other workers start no repeat. Points held by other processes' running
     * trials do not count: such a worker may have died, and as in Optuna every point must be evaluated.
     */
    @Override
    public synchronized void afterTrial(Study study, FrozenTrial trial, TrialState state, List<Double> values) {
        inFlight.remove(trial.id());
        Set<Integer> covered = new HashSet<>();
        for (FrozenTrial t : study.storage().trials(study.id())) {
            Map<String, Object> attrs = t.systemAttrs();
            boolean done = t.id() == trial.id() || t.state().isFinished() || inFlight.contains(t.id());
            if (done && attrs.get(GRID_ID_ATTR) instanceof Number id && sameSpace(attrs.get(SEARCH_SPACE_ATTR))) {
                covered.add(id.intValue());
            }
        }
        if (covered.size() >= size) {
            study.stop();
        }
    }

    @Override
    public String toString() {
        return "GridSampler(" + space + ")";
    }
}
