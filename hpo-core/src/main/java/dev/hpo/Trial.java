package dev.hpo;

import dev.hpo.pruner.NopPruner;
import dev.hpo.sampler.Sampler;
import dev.hpo.space.CategoricalDistribution;
import dev.hpo.space.Distribution;
import dev.hpo.space.FloatDistribution;
import dev.hpo.space.IntDistribution;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One evaluation of the objective, handed to it by the study. The objective asks it for parameters
 * ({@code suggest*}: define-by-run, so the space may depend on earlier answers), reports intermediate values
 * for pruning, and stores attributes. Asking twice for the same name in one trial returns the same value.
 *
 * <p>A trial belongs to the thread that evaluates it; it writes through to the study's storage at once.
 */
public final class Trial {

    private final Study study;
    private final long id;
    private final int number;
    private final Instant start;
    private final Map<String, Object> fixedParams;
    private final Map<String, Distribution> relativeSpace;
    private Map<String, Double> relativeParams = Map.of();

    // append-only, so that the snapshot a sampler or pruner sees after each suggestion or report costs O(1)
    private final AppendOnlyMap<String, Object> params = new AppendOnlyMap<>();
    private final AppendOnlyMap<String, Distribution> distributions = new AppendOnlyMap<>();
    private final AppendOnlyStepMap intermediateValues = new AppendOnlyStepMap();
    private final Map<String, Object> userAttrs = new LinkedHashMap<>();
    private final Map<String, Object> systemAttrs = new LinkedHashMap<>();
    private FrozenTrial snapshot;

    Trial(Study study, FrozenTrial stored) {
        this.study = study;
        this.id = stored.id();
        this.number = stored.number();
        this.start = stored.start();
        this.params.putAll(stored.params());
        this.distributions.putAll(stored.distributions());
        this.intermediateValues.putAll(stored.intermediateValues());
        this.userAttrs.putAll(stored.userAttrs());
        this.systemAttrs.putAll(stored.systemAttrs());
        Object fixed = stored.systemAttrs().get(Study.FIXED_PARAMS_ATTR);
        Map<String, Object> f = new HashMap<>();
        if (fixed instanceof Map<?, ?> m) {
            m.forEach((k, v) -> f.put(String.valueOf(k), v));
        }
        this.fixedParams = f;
        study.sampler().beforeTrial(study, snapshot());
        this.relativeSpace = study.sampler().inferRelativeSearchSpace(study, snapshot());
        if (!relativeSpace.isEmpty()) {
            this.relativeParams = study.sampler().sampleRelative(study, snapshot(), relativeSpace);
        }
    }

    /**
     * A trial outside any study that answers every suggestion from the given values, as Optuna's {@code FixedTrial}:
     * to run an objective once more with chosen parameters (the best ones, say, to train the final model on them) or
     * to test it with known ones. A suggestion of a name without a value, or with a value its range does not hold,
     * is an error naming the parameter. Reports and attributes stay in the trial, which belongs to a study of its own
     * in memory (number 0) and is never pruned.
     */
    public static Trial fixed(Map<String, ?> params) {
        if (params == null) {
            throw new IllegalArgumentException("Trial.fixed needs the parameters' values, a map (empty for none)");
        }
        Set<String> given = new TreeSet<>(params.keySet());
        Sampler valuesOnly = (study, trial, name, distribution) -> {
            throw new IllegalArgumentException("parameter '" + name + "' has no value in this fixed trial, which has "
                    + "values for " + given + "; add it to the map given to Trial.fixed");
        };
        Study own = Study.builder().name("fixed").sampler(valuesOnly).pruner(new NopPruner()).build();
        own.enqueueTrial(params);
        return own.ask();
    }

    /** Position of the trial in its study, from 0. */
    public int number() {
        return number;
    }

    /** The storage's id of this trial. */
    public long id() {
        return id;
    }

    /** The study this trial belongs to. */
    public Study study() {
        return study;
    }

    /** A real number uniformly in {@code [low, high]}. */
    public double suggestFloat(String name, double low, double high) {
        return (double) suggest(name, () -> FloatDistribution.of(low, high));
    }

    /** A real number in {@code [low, high]}, log-uniformly when {@code log} is true. */
    public double suggestFloat(String name, double low, double high, boolean log) {
        return (double) suggest(name, () -> new FloatDistribution(low, high, log, null));
    }

    /** A real number on the grid {@code low, low + step, ..., high}. */
    public double suggestFloat(String name, double low, double high, double step) {
        return (double) suggest(name, () -> FloatDistribution.stepped(low, high, step));
    }

    /** An integer uniformly in {@code [low, high]}. */
    public int suggestInt(String name, int low, int high) {
        return ((Number) suggest(name, () -> IntDistribution.of(low, high))).intValue();
    }

    /** An integer in {@code [low, high]}, log-uniformly when {@code log} is true. */
    public int suggestInt(String name, int low, int high, boolean log) {
        return ((Number) suggest(name, () -> new IntDistribution(low, high, log, 1))).intValue();
    }

    /** An integer on the grid {@code low, low + step, ..., high}. */
    public int suggestInt(String name, int low, int high, int step) {
        return ((Number) suggest(name, () -> IntDistribution.stepped(low, high, step))).intValue();
    }

    /** A long integer in {@code [low, high]} on a step grid, log-uniformly when {@code log} is true. */
    public long suggestLong(String name, long low, long high, long step, boolean log) {
        return ((Number) suggest(name, () -> new IntDistribution(low, high, log, step))).longValue();
    }

    /** One of the choices; the same list must be given every time the name is used in the study. */
    @SuppressWarnings("unchecked")
    public <T> T suggestCategorical(String name, List<T> choices) {
        return (T) suggest(name, () -> CategoricalDistribution.of(choices));
    }

    /** A value from any distribution, in its external form: the general form of the {@code suggest*} methods. */
    public Object suggest(String name, Distribution distribution) {
        return suggest(name, () -> distribution);
    }

    private interface DistributionFactory {
        Distribution create();
    }

    private Object suggest(String name, DistributionFactory factory) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("a parameter needs a non-empty name");
        }
        Distribution d;
        try {
            d = factory.create();
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("parameter '" + name + "' of study " + study.name() + ": "
                    + e.getMessage(), e);
        }
        Distribution known = distributions.get(name);
        if (known != null) {
            if (!known.equals(d)) {
                throw new IllegalArgumentException("parameter '" + name + "' was suggested in trial " + number
                        + " as " + known + " and again as " + d + "; a name has one distribution");
            }
            return params.get(name);
        }
        study.checkDistribution(name, d);
        double internal = chooseValue(name, d);
        try {
            study.storage().setTrialParam(id, name, internal, d);
        } catch (IllegalArgumentException e) {
            if (String.valueOf(e.getMessage()).contains("parameter '" + name + "'")) {
                throw e;
            }
            throw new IllegalArgumentException("parameter '" + name + "' of study " + study.name() + ": "
                    + e.getMessage(), e);
        }
        Object external = d.toExternal(internal);
        params.put(name, external);
        distributions.put(name, d);
        snapshot = null;
        return external;
    }

    private double chooseValue(String name, Distribution d) {
        if (fixedParams.containsKey(name)) {
            Object value = fixedParams.get(name);
            try {
                return d.toInternal(value);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("parameter '" + name + "', enqueued or fixed: " + e.getMessage(), e);
            }
        }
        if (d.isSingle()) {
            return d instanceof FloatDistribution f ? f.low() : d instanceof IntDistribution i ? i.low() : 0;
        }
        Double relative = relativeParams.get(name);
        if (relative != null && d.equals(relativeSpace.get(name)) && d.contains(relative)) {
            return relative;
        }
        double v = study.sampler().sampleIndependent(study, snapshot(), name, d);
        if (!d.contains(v)) {
            throw new IllegalStateException("sampler " + study.sampler().getClass().getSimpleName()
                    + " returned " + v + " for parameter '" + name + "', outside " + d);
        }
        return v;
    }

    /**
     * Reports an intermediate value (a validation score after an epoch, say) for pruning. Reporting a step twice
     * keeps the first value, as in Optuna.
     */
    public void report(int step, double value) {
        if (study.directions().size() > 1) {
            throw new UnsupportedOperationException("study " + study.name()
                    + " is multi-objective; intermediate values and pruning need a single objective");
        }
        if (step < 0) {
            throw new IllegalArgumentException("step must be at least 0, got " + step);
        }
        if (intermediateValues.containsKey(step)) {
            return;
        }
        study.storage().setTrialIntermediateValue(id, step, value);
        intermediateValues.put(step, value);
        snapshot = null;
    }

    /** True when the study's pruner says this trial should stop; the objective then throws {@link TrialPruned}. */
    public boolean shouldPrune() {
        if (study.directions().size() > 1) {
            throw new UnsupportedOperationException("study " + study.name()
                    + " is multi-objective; pruning needs a single objective");
        }
        return study.pruner().prune(study, snapshot());
    }

    public void setUserAttr(String key, Object value) {
        study.storage().setTrialUserAttr(id, key, value);
        userAttrs.put(key, value);
        snapshot = null;
    }

    public Map<String, Object> userAttrs() {
        return Map.copyOf(userAttrs);
    }

    /** Stores an attribute for samplers and tools rather than for people. */
    public void setSystemAttr(String key, Object value) {
        study.storage().setTrialSystemAttr(id, key, value);
        systemAttrs.put(key, value);
        snapshot = null;
    }

    /**
     * Sets a constraint value: the trial is feasible when every constraint is at most 0. Best trials and the
     * Pareto front prefer feasible trials, and constraint-aware samplers steer towards them.
     */
    public void setConstraint(String name, double value) {
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("constraint '" + name + "' of trial " + number + " is NaN; a constraint"
                    + " is a number, at most 0 when satisfied (Optuna refuses NaN too)");
        }
        setSystemAttr(FrozenTrial.CONSTRAINT_PREFIX + name, value);
    }

    /** The parameters suggested so far, in external form. */
    public Map<String, Object> params() {
        return Map.copyOf(params);
    }

    /** A snapshot of the trial as it is now (state RUNNING). */
    public FrozenTrial snapshot() {
        if (snapshot == null) {
            snapshot = new FrozenTrial(number, id, TrialState.RUNNING, null, params.snapshot(),
                    distributions.snapshot(), intermediateValues.snapshot(), userAttrs, systemAttrs, start, null);
        }
        return snapshot;
    }
}
