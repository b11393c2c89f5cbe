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
import java.util.TreeMap;

/**
 * Evaluates every combination of given parameter values once (Optuna's {@code GridSampler}), in an order shuffled
 * by the seed, and stops the study when every combination has been evaluated.
 *
 * <p><b>Numbered as Optuna 5 numbers its grid</b>, so that hpo and Optuna share one grid study in a journal file
 * (either begins it, the other continues it without evaluating a point twice): parameter names sorted, each
 * parameter's values in the order given, the combinations listed with the last name varying fastest, that list
 * shuffled by numpy's legacy {@code RandomState(seed).shuffle} (reproduced to the bit), and grid id {@code i} is
 * the {@code i}-th combination of the shuffled list. Each trial records its grid id and the grid as the trial system
 * attributes {@code grid_id} and {@code search_space} (Optuna's keys and values: the map of sorted names to values
 * in the given order), and a trial counts for this grid only when its stored grid has the same names and the same
 * values in the same order, as in Optuna. Which combinations are taken is read from the storage, not remembered
 * here, so a resumed study, several threads and several processes (hpo or Optuna) continue one grid. Every process
 * on one study must use the same grid and the same seed, because the seed decides which combination a grid id
 * means; a finished trial whose parameters are not its grid id's combination under this seed is an error that says
 * so (Optuna does not check).
 *
 * <p>Which grid id a new trial takes, as Optuna: trial number {@code k} takes grid id {@code k} while {@code k} is
 * below the grid's size, so that concurrent processes, whose trial numbers differ, take different ids without
 * talking to each other; a later trial takes, at random, one of the ids that no trial has finished or is running;
 * when every id has started, one that has not finished; when every id has finished (a resumed, exhausted study) it
 * re-evaluates a random one, with a warning, and the study stops after it (the random picks draw from numpy's
 * generator after the shuffle, as Optuna's do, but are not meant to pick Optuna's ids: those depend on each Optuna
 * process's own history of draws). Points finished by a trial in any state
 * (complete, pruned, failed) count as evaluated. Where hpo differs from Optuna, on purpose, without changing what a
 * grid id means:
 * <ul>
 *   <li>trial number {@code k} takes another id when id {@code k} is already finished or running (an enqueued trial
 *       took it, see below), preferring ids below {@code k}, which no later trial number claims; Optuna evaluates
 *       id {@code k} again;</li>
 *   <li>an enqueued trial that fixes every grid parameter to a combination counts as that combination's grid id;
 *       Optuna gives an enqueued trial no grid id, so it evaluates that combination again later;</li>
 *   <li>the study stops as soon as every id is finished or held by an unfinished trial of this process (which will
 *       finish here), so threads of one process repeat a combination only when they asked in the instant before the
 *       stop; Optuna waits for every id to finish, so its threads repeat the last running ones;</li>
 *   <li>a grid value that does not fit the distribution the objective suggests it with fails the trial with an
 *       error naming the parameter; Optuna warns and uses the value;</li>
 *   <li>values may also be enum constants (stored by name); the grid may have at most {@link Integer#MAX_VALUE}
 *       combinations; a value listed twice is an error (Optuna would evaluate that combination twice).</li>
 * </ul>
 *
 * <p>The objective may suggest only parameters of the grid; each value must fit the distribution it is suggested
 * with.
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
    private final long seed;
    /** For each grid id, the index of its combination in the unshuffled list (last name varying fastest). */
    private final int[] combination;
    /** numpy's generator after the shuffle, for the random picks beyond trial numbers (as Optuna's). */
    private final NumpyRandomState random;
    /** Trials of this process that hold a grid point and have not finished: they will finish here. */
    private final Set<Long> inFlight = new HashSet<>();

    /**
     * A grid numbered with seed 0, as Optuna's {@code GridSampler(search_space)} numbers it ({@code seed or 0}): every
     * process that leaves the seed out, hpo or Optuna, agrees on what each grid id means and so can share the study.
     * The order is still shuffled, so a study stopped early has seen a spread of the grid.
     */
    public GridSampler(Map<String, ? extends List<?>> searchSpace) {
        this(searchSpace, 0);
    }

    /**
     * A grid visited in an order shuffled by {@code seed}, numbered as Optuna's {@code GridSampler(search_space, seed)}
     * numbers it: same space and seed, same numbering, in hpo and in Optuna.
     *
     * @param searchSpace for each parameter name, its distinct values (numbers, strings, booleans, enum constants), in
     *     the order that numbers the grid (keep Optuna's order when sharing a study with it)
     * @param seed in [0, 2<sup>32</sup>), the seeds of numpy's {@code RandomState}, which Optuna's numbering uses; 0
     *     is Optuna's default (Optuna treats {@code None} as 0 too); another value is an error
     */
    public GridSampler(Map<String, ? extends List<?>> searchSpace, long seed) {
        if (searchSpace == null || searchSpace.isEmpty()) {
            throw new IllegalArgumentException("GridSampler needs at least one parameter with values, got "
                    + searchSpace);
        }
        if (seed < 0 || seed > NumpyRandomState.MAX_SEED) {
            throw new IllegalArgumentException("GridSampler seed " + seed + " is outside [0, "
                    + NumpyRandomState.MAX_SEED + "]: the grid is numbered as Optuna numbers it, by numpy's"
                    + " RandomState, which takes only seeds in that range; give a seed in it (0 is Optuna's default)");
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
        this.space = Collections.unmodifiableMap(new LinkedHashMap<>(s));
        this.names = List.copyOf(s.keySet());
        this.size = (int) combinations;
        this.seed = seed;
        this.random = new NumpyRandomState(seed);
        this.combination = new int[size];
        for (int i = 0; i < size; i++) {
            combination[i] = i;
        }
        random.shuffle(combination);
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
        return Collections.unmodifiableList(v);
    }

    /** The number of grid points. */
    public int size() {
        return size;
    }

    /** The seed that numbers the grid. */
    public long seed() {
        return seed;
    }

    /** The grid: parameter names sorted, each one's values in the given order (what {@code search_space} stores). */
    public Map<String, List<Object>> searchSpace() {
        return space;
    }

    /** The parameter values of grid point {@code gridId}, names sorted. */
    public Map<String, Object> point(int gridId) {
        Objects.checkIndex(gridId, size);
        Object[] values = new Object[names.size()];
        int rest = combination[gridId];
        for (int i = names.size() - 1; i >= 0; i--) {
            List<Object> v = space.get(names.get(i));
            values[i] = v.get(rest % v.size());
            rest /= v.size();
        }
        Map<String, Object> p = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            p.put(names.get(i), values[i]);
        }
        return p;
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
            gridId = nextGridId(study, trial.number());
        }
        study.storage().setTrialSystemAttr(trial.id(), SEARCH_SPACE_ATTR, space);
        study.storage().setTrialSystemAttr(trial.id(), GRID_ID_ATTR, gridId);
        inFlight.add(trial.id());
    }

    /** Optuna's choice (trial number k takes id k, then a random free id), except that a taken id k is not repeated. */
    private int nextGridId(Study study, int number) {
        Set<Integer> finished = new HashSet<>();
        Set<Integer> running = new HashSet<>();
        collectGridIds(study, finished, running);
        if (number < size && !finished.contains(number) && !running.contains(number)) {
            return number;
        }
        List<Integer> free = new ArrayList<>();
        for (int id = 0; id < size; id++) {
            if (!finished.contains(id) && !running.contains(id)) {
                free.add(id);
            }
        }
        if (free.isEmpty()) {
            for (int id = 0; id < size; id++) {
                if (!finished.contains(id)) {
                    free.add(id);
                }
            }
        }
        if (free.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, () -> "study " + study.name() + ": every point of the grid has been"
                    + " evaluated already; GridSampler evaluates one again and then stops the study");
            return random.interval(size - 1);
        }
        List<Integer> unclaimed = free.stream().filter(id -> id < number).toList();
        List<Integer> from = unclaimed.isEmpty() ? free : unclaimed;
        return from.get(random.interval(from.size() - 1));
    }

    /** The grid point that enqueued values fix, or null when they do not fix all grid parameters to one point. */
    private Integer gridIdOf(Map<?, ?> fixed) {
        int index = 0;
        for (String name : names) {
            List<Object> values = space.get(name);
            int i = fixed.containsKey(name) ? indexOf(values, fixed.get(name)) : -1;
            if (i < 0) {
                return null;
            }
            index = index * values.size() + i;
        }
        for (int id = 0; id < size; id++) {
            if (combination[id] == index) {
                return id;
            }
        }
        throw new AssertionError("the shuffled grid lost combination " + index);
    }

    /**
     * The grid ids of this grid's trials by state; a finished trial whose parameters are not its id's point here is
     * an error: the study was numbered with another seed (or by an hpo older than the Optuna numbering).
     */
    private void collectGridIds(Study study, Set<Integer> finished, Set<Integer> running) {
        for (FrozenTrial t : study.storage().trials(study.id())) {
            Map<String, Object> attrs = t.systemAttrs();
            if (attrs.get(GRID_ID_ATTR) instanceof Number id && sameSpace(attrs.get(SEARCH_SPACE_ATTR))) {
                if (t.state().isFinished()) {
                    checkNumbering(study, t, id.intValue());
                    finished.add(id.intValue());
                } else if (t.state() == TrialState.RUNNING) {
                    running.add(id.intValue());
                }
            }
        }
    }

    private void checkNumbering(Study study, FrozenTrial t, int id) {
        Map<String, Object> point = id >= 0 && id < size ? point(id) : Map.of();
        for (String name : names) {
            if (t.params().containsKey(name)
                    && (!point.containsKey(name) || !sameValue(point.get(name), t.params().get(name)))) {
                throw new IllegalStateException("trial " + t.number() + " of study '" + study.name() + "' has "
                        + GRID_ID_ATTR + " " + id + " and " + name + "=" + t.params().get(name) + ", but with seed "
                        + seed + " grid id " + id + " is " + (point.isEmpty() ? "not in the grid" : point)
                        + ": the study's grid was numbered with another seed (or by hpo before it numbered grids as"
                        + " Optuna does); give GridSampler the seed the study began with (0 when none was given)");
            }
        }
    }

    /** True when a stored grid (possibly read back from a file, numbers widened) is this grid, values in order. */
    private boolean sameSpace(Object stored) {
        if (!(stored instanceof Map<?, ?> m) || !m.keySet().equals(space.keySet())) {
            return false;
        }
        for (Map.Entry<String, List<Object>> e : space.entrySet()) {
            if (!(m.get(e.getKey()) instanceof List<?> values) || values.size() != e.getValue().size()) {
                return false;
            }
            for (int i = 0; i < values.size(); i++) {
                if (!sameValue(e.getValue().get(i), values.get(i))) {
                    return false;
                }
            }
        }
        return true;
    }

    /** The index of a value, matching numbers by value and enum constants by name. */
    private static int indexOf(List<Object> values, Object value) {
        for (int i = 0; i < values.size(); i++) {
            if (sameValue(values.get(i), value)) {
                return i;
            }
        }
        return -1;
    }

    /** Grid value {@code v} read back as {@code value}: numbers by value (NaN is NaN, as in Optuna), enums by name. */
    private static boolean sameValue(Object v, Object value) {
        return Objects.equals(v, value)
                || v instanceof Number a && value instanceof Number b && (a.doubleValue() == b.doubleValue()
                        || Double.isNaN(a.doubleValue()) && Double.isNaN(b.doubleValue()))
                || v instanceof Enum<?> e && e.name().equals(value)
                || value instanceof Enum<?> e2 && e2.name().equals(v);
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
