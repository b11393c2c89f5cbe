package dev.hpo;

import dev.hpo.multi.Pareto;
import dev.hpo.pruner.Pruner;
import dev.hpo.pruner.Pruners;
import dev.hpo.sampler.Sampler;
import dev.hpo.sampler.Samplers;
import dev.hpo.space.Distribution;
import dev.hpo.storage.DuplicateStudyException;
import dev.hpo.storage.StorageException;
import dev.hpo.storage.Storage;
import dev.hpo.storage.Storages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * An optimization task: a named set of trials in a storage, a sampler that proposes parameters and a pruner
 * that stops unpromising trials. Create one with {@link #builder()}, run it with {@link #optimize} or drive it
 * with {@link #ask()} / {@link #tell}. Everything a study knows is read back from its storage, so several
 * threads, processes or machines can work on one study at once.
 */
public final class Study implements AutoCloseable {

    /** Trial system attribute holding the parameters of an enqueued trial (Optuna's key). */
    public static final String FIXED_PARAMS_ATTR = "fixed_params";
    /** Study system attribute with the objective values' names, Optuna's key. */
    public static final String METRIC_NAMES_ATTR = "study:metric_names";
    /** Trial system attribute holding why a trial failed (Optuna's key). */
    public static final String FAIL_REASON_ATTR = "fail_reason";

    private static final System.Logger LOG = System.getLogger(Study.class.getName());
    private static final Set<TrialState> COMPLETE = EnumSet.of(TrialState.COMPLETE);

    private final Storage storage;
    private final boolean ownsStorage;
    private final long id;
    private final String name;
    private final List<Direction> directions;
    private final Sampler sampler;
    private final Pruner pruner;
    private final Map<String, Distribution> knownDistributions = new ConcurrentHashMap<>();
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    /** Whether this thread is running one of this study's trials inside {@code optimize}. */
    private final ThreadLocal<Boolean> inTrial = ThreadLocal.withInitial(() -> false);
    private final Heartbeat heartbeat;
    private ScheduledExecutorService heartbeatThread;
    /** Where {@link #bestTrial()} left off. */
    private volatile BestSoFar bestSoFar;

    /**
     * How workers show they are alive: a heartbeat every {@code interval} while a trial runs; a RUNNING trial whose
     * last heartbeat is older than {@code grace} belongs to a dead worker and is marked FAIL (then handed to
     * {@code onFail}) by the next worker that starts a trial.
     */
    private record Heartbeat(Duration interval, Duration grace, TrialCallback onFail) {
    }

    private Study(Storage storage, boolean ownsStorage, long id, String name, List<Direction> directions,
            Sampler sampler, Pruner pruner, Heartbeat heartbeat) {
        this.storage = storage;
        this.ownsStorage = ownsStorage;
        this.id = id;
        this.name = name;
        this.directions = List.copyOf(directions);
        this.sampler = sampler;
        this.pruner = pruner;
        this.heartbeat = heartbeat;
        for (FrozenTrial t : storage.trials(id)) {
            t.distributions().forEach(knownDistributions::putIfAbsent);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Opens an existing study of a storage; throws when the storage has no study of that name. */
    public static Study load(Storage storage, String name) {
        if (storage.findStudy(name).isEmpty()) {
            throw new IllegalArgumentException("no study named '" + name + "' in " + storage);
        }
        return builder().storage(storage).name(name).loadIfExists(true).build();
    }

    public String name() {
        return name;
    }

    /** The storage's id of this study. */
    public long id() {
        return id;
    }

    public List<Direction> directions() {
        return directions;
    }

    /** The direction of a single-objective study. */
    public Direction direction() {
        if (directions.size() != 1) {
            throw new IllegalStateException("study " + name + " has " + directions.size() + " directions, so it has no"
                    + " single direction or best trial; use directions() and bestTrials() (its Pareto front)");
        }
        return directions.get(0);
    }

    public Sampler sampler() {
        return sampler;
    }

    public Pruner pruner() {
        return pruner;
    }

    public Storage storage() {
        return storage;
    }

    /** Every trial, in number order. */
    public List<FrozenTrial> trials() {
        return storage.trials(id);
    }

    /** The trials in the given states, in number order. */
    public List<FrozenTrial> trials(Set<TrialState> states) {
        return storage.trials(id, states);
    }

    /**
     * The best completed (and, where constraints are set, feasible) trial of a single-objective study; of equal
     * values, the first. A call reads only the trials completed since the last one when the storage hands out the
     * same list grown at its end (memory and journal do), so a callback may ask for it after every trial.
     */
    public FrozenTrial bestTrial() {
        Direction direction = direction();
        List<FrozenTrial> complete = trials(COMPLETE);
        BestSoFar previous = bestSoFar;
        int from = 0;
        FrozenTrial best = null;
        if (previous != null && complete.size() >= previous.scanned()
                && complete.get(previous.scanned() - 1) == previous.lastScanned()) {
            from = previous.scanned();  // the same trials up to there: a trial finishing out of order makes a new list
            best = previous.best();
        }
        for (int i = from; i < complete.size(); i++) {
            FrozenTrial t = complete.get(i);
            if (t.isFeasible() && (best == null || direction.isBetter(t.value(), best.value()))) {
                best = t;
            }
        }
        if (best == null) {
            throw noBestTrial(complete);
        }
        bestSoFar = new BestSoFar(complete.size(), complete.get(complete.size() - 1), best);
        return best;
    }

    /** What {@link #bestTrial()} last read: how many completed trials, the last of them, and the best. */
    private record BestSoFar(int scanned, FrozenTrial lastScanned, FrozenTrial best) {
    }

    public double bestValue() {
        return bestTrial().value();
    }

    public Map<String, Object> bestParams() {
        return bestTrial().params();
    }

    /**
     * The Pareto front of the completed trials that satisfy their constraints (every completed trial, when the study
     * sets none); for a single objective, every such trial that reaches the best value. Empty when no trial is
     * feasible, as Optuna's {@code best_trials}, and as {@link #bestTrial()} has none then: an infeasible front would
     * hand on parameters the study was told not to use.
     */
    public List<FrozenTrial> bestTrials() {
        return Pareto.front(trials(COMPLETE).stream().filter(FrozenTrial::isFeasible).toList(), directions);
    }

    /** Why the study has no best trial: no completed trial yet, or none that satisfies its constraints. */
    private IllegalStateException noBestTrial(List<FrozenTrial> complete) {
        if (complete.isEmpty()) {
            List<FrozenTrial> all = trials();
            long failed = all.stream().filter(t -> t.state() == TrialState.FAIL).count();
            long pruned = all.stream().filter(t -> t.state() == TrialState.PRUNED).count();
            return new IllegalStateException("study " + name + " has no completed trial yet" + (all.isEmpty() ? ""
                    : " (of its " + all.size() + " trials " + failed + " failed and " + pruned + " were pruned)"));
        }
        return new IllegalStateException("study " + name + " has " + complete.size()
                + " completed trials but none satisfies its constraints");
    }

    public void setUserAttr(String key, Object value) {
        storage.setStudyUserAttr(id, key, value);
    }

    /**
     * Names the objective values ({@code accuracy}, {@code latency ms}), one per direction, for the report's axes and
     * the JSON export (Optuna's {@code set_metric_names}; stored where Optuna keeps them, so either reads the other's).
     */
    public void setMetricNames(List<String> names) {
        if (names.size() != directions.size()) {
            throw new IllegalArgumentException("study " + name + " has " + directions.size() + " objective(s), so it"
                    + " needs as many metric names, got " + names);
        }
        storage.setStudySystemAttr(id, METRIC_NAMES_ATTR, List.copyOf(names));
    }

    /** The names of the objective values, or an empty list when {@link #setMetricNames} was never called. */
    public List<String> metricNames() {
        return metricNames(systemAttrs(), directions.size());
    }

    /** The metric names stored in a study's system attributes, when they fit its number of objectives. */
    public static List<String> metricNames(Map<String, Object> systemAttrs, int objectives) {
        if (systemAttrs.get(METRIC_NAMES_ATTR) instanceof List<?> names && names.size() == objectives) {
            return names.stream().map(String::valueOf).toList();
        }
        return List.of();
    }

    public Map<String, Object> userAttrs() {
        return storage.study(id).userAttrs();
    }

    public void setSystemAttr(String key, Object value) {
        storage.setStudySystemAttr(id, key, value);
    }

    public Map<String, Object> systemAttrs() {
        return storage.study(id).systemAttrs();
    }

    /**
     * Adds a trial that the next {@link #ask()} (of any worker) evaluates with these parameters; parameters not
     * given are sampled as usual.
     */
    public void enqueueTrial(Map<String, ?> params) {
        enqueueTrial(params, Map.of());
    }

    /** Enqueues a trial with parameters and user attributes. */
    public void enqueueTrial(Map<String, ?> params, Map<String, Object> userAttrs) {
        // a null value is a valid choice of a categorical parameter, which Map.copyOf would refuse
        FrozenTrial template = new FrozenTrial(0, -1, TrialState.WAITING, null, null, null, null, userAttrs,
                Map.of(FIXED_PARAMS_ATTR, Collections.unmodifiableMap(new LinkedHashMap<>(params))), null, null);
        storage.createTrial(id, template);
    }

    /**
     * Enqueues a trial, or with {@code skipIfExists} does nothing when the study already has a trial with these
     * parameters (Optuna's {@code skip_if_exists}): one enqueued with them, whatever its state, or one whose
     * parameters are exactly these. A build that enqueues a known configuration every time so evaluates it once,
     * in the first build. Numbers match within a relative 1e-5, as in Optuna; other values by {@code equals}.
     *
     * @return whether the trial was enqueued
     */
    public boolean enqueueTrial(Map<String, ?> params, Map<String, Object> userAttrs, boolean skipIfExists) {
        if (skipIfExists) {
            for (FrozenTrial t : trials()) {
                Map<?, ?> existing = t.systemAttrs().get(FIXED_PARAMS_ATTR) instanceof Map<?, ?> fixed ? fixed : t.params();
                if (sameParams(existing, params)) {
                    return false;
                }
            }
        }
        enqueueTrial(params, userAttrs);
        return true;
    }

    private static boolean sameParams(Map<?, ?> existing, Map<String, ?> params) {
        if (!existing.keySet().equals(params.keySet())) {
            return false;
        }
        for (Map.Entry<String, ?> e : params.entrySet()) {
            Object a = existing.get(e.getKey());
            Object b = e.getValue();
            boolean same = a instanceof Number x && b instanceof Number y
                    ? Math.abs(x.doubleValue() - y.doubleValue()) <= 1e-5 * Math.abs(y.doubleValue())
                    : Objects.equals(a, b);
            if (!same) {
                return false;
            }
        }
        return true;
    }

    /**
     * Adds a finished trial evaluated elsewhere (to warm-start a study from earlier results), made with
     * {@link FrozenTrial#builder()}. Its number is the next of this study; samplers and pruners count it as one of
     * the study's own.
     */
    public void addTrial(FrozenTrial trial) {
        if (!trial.state().isFinished()) {
            throw new IllegalArgumentException("only finished trials can be added, got state " + trial.state());
        }
        if (trial.state() == TrialState.COMPLETE && trial.values() == null) {
            throw new IllegalArgumentException("a COMPLETE trial needs " + directions.size() + " value(s), got none");
        }
        if (trial.values() != null) {
            if (trial.state() == TrialState.FAIL) {
                throw new IllegalArgumentException("a FAIL trial has no value, got " + trial.values());
            }
            if (trial.values().size() != directions.size()) {
                throw new IllegalArgumentException("the added " + trial.state() + " trial has " + trial.values().size()
                        + " value(s), but study " + name + " has " + directions.size() + " objective(s)");
            }
            if (trial.values().stream().anyMatch(v -> v == null || Double.isNaN(v))) {
                throw new IllegalArgumentException("values " + trial.values() + " hold NaN; a trial whose objective"
                        + " returned NaN is a FAIL trial without values");
            }
        }
        FrozenTrial.checkParams(trial.params(), trial.distributions());
        trial.distributions().forEach(this::checkDistribution);
        storage.createTrial(id, withCanonicalParams(trial));
    }

    /**
     * The trial with each parameter as {@link Trial}'s suggestions return it (a float's 1 as 1.0, an int's 3.0 as 3),
     * so that a study reads back the same types from every storage.
     */
    private static FrozenTrial withCanonicalParams(FrozenTrial t) {
        Map<String, Object> params = new LinkedHashMap<>();
        t.params().forEach((name, value) -> {
            Distribution d = t.distributions().get(name);
            params.put(name, d.toExternal(d.toInternal(value)));
        });
        return new FrozenTrial(t.number(), t.id(), t.state(), t.values(), params, t.distributions(),
                t.intermediateValues(), t.userAttrs(), t.systemAttrs(), t.start(), t.complete());
    }

    /** Adds finished trials, in order; see {@link #addTrial}. */
    public void addTrials(Collection<FrozenTrial> trials) {
        trials.forEach(this::addTrial);
    }

    /**
     * Starts a trial: an enqueued one if any is waiting, a new one otherwise. With heartbeats on, it first marks
     * FAIL the RUNNING trials of dead workers, and records the new trial's first heartbeat.
     */
    public Trial ask() {
        if (heartbeat != null) {
            failStaleTrials();
        }
        long trialId = -1;
        for (FrozenTrial waiting : storage.trials(id, EnumSet.of(TrialState.WAITING))) {
            if (storage.setTrialState(waiting.id(), TrialState.RUNNING, null)) {
                trialId = waiting.id();
                break;
            }
        }
        FrozenTrial started = null;
        if (trialId < 0) {
            started = storage.createRunningTrial(id);
            trialId = started.id();
        }
        if (heartbeat != null) {
            storage.recordHeartbeat(trialId);
            started = null; // read it again: a storage may keep the heartbeat as an attribute of the trial
        }
        FrozenTrial stored = started != null ? started : storage.trial(trialId);
        try {
            return new Trial(this, stored);
        } catch (RuntimeException | Error e) {
            // the sampler failed before the trial ran: it ends FAIL with the reason, rather than stay RUNNING for good
            storage.setTrialSystemAttr(trialId, FAIL_REASON_ATTR, "the sampler failed: " + e);
            storage.setTrialState(trialId, TrialState.FAIL, null);
            throw e;
        }
    }

    /**
     * Starts a trial, as {@link #ask()}, whose parameters in {@code fixedDistributions} are suggested at once, in the
     * map's order (Optuna's {@code ask(fixed_distributions)}): an ask-and-tell loop that knows its search space up
     * front gets every value from the sampler before it runs anything, and reads them from {@link Trial#params()}.
     * A distribution that conflicts with one the study used under that name fails as {@link Trial#suggest} does; the
     * trial is then told FAIL, so that it does not stay RUNNING.
     */
    public Trial ask(Map<String, ? extends Distribution> fixedDistributions) {
        Trial trial = ask();
        try {
            fixedDistributions.forEach(trial::suggest);
        } catch (RuntimeException e) {
            storage.setTrialSystemAttr(trial.id(), FAIL_REASON_ATTR, e.toString());
            tell(trial, TrialState.FAIL);
            throw e;
        }
        return trial;
    }

    /** Finishes a trial with its objective value(s); a NaN value makes it FAIL, as in Optuna. */
    public FrozenTrial tell(Trial trial, double... values) {
        return tell(trial, TrialState.COMPLETE, values);
    }

    /**
     * Finishes a trial in the given state. COMPLETE needs one value per direction; PRUNED keeps the last
     * intermediate value; FAIL stores no value.
     */
    public FrozenTrial tell(Trial trial, TrialState state, double... values) {
        if (trial.study() != this) {
            throw new IllegalArgumentException("trial " + trial.number() + " belongs to study " + trial.study().name()
                    + ", not " + name);
        }
        if (state == TrialState.COMPLETE) {
            String problem = checkValues(values);
            if (problem != null) {
                return finish(trial, TrialState.FAIL, null, problem);
            }
        } else if (values != null && values.length > 0) {
            throw new IllegalArgumentException("trial " + trial.number() + " is told " + state + " with values "
                    + Arrays.toString(values) + ", which it would not store: a " + state + " trial has "
                    + (state == TrialState.PRUNED ? "its last intermediate value" : "no value") + "; tell it without"
                    + " values");
        }
        return finish(trial, state, values, null);
    }

    private String checkValues(double[] values) {
        if (values == null || values.length != directions.size()) {
            return "the objective returned " + (values == null ? "no value" : values.length + " value(s)")
                    + " but study " + name + " has " + directions.size() + " direction(s)";
        }
        for (double v : values) {
            if (Double.isNaN(v)) {
                return "the objective returned NaN";
            }
        }
        return null;
    }

    private FrozenTrial finish(Trial trial, TrialState state, double[] values, String failReason) {
        if (state != TrialState.COMPLETE && state != TrialState.PRUNED && state != TrialState.FAIL) {
            throw new IllegalArgumentException("a trial can be told COMPLETE, PRUNED or FAIL, not " + state);
        }
        List<Double> stored = null;
        if (state == TrialState.COMPLETE) {
            stored = Arrays.stream(values).boxed().toList();
        } else if (state == TrialState.PRUNED) {
            Double last = trial.snapshot().lastIntermediateValue();
            stored = last == null || last.isNaN() ? null : List.of(last);  // NaN is no value here either, as in Optuna
        }
        if (failReason != null) {
            trial.setSystemAttr(FAIL_REASON_ATTR, failReason);
        }
        try {
            sampler.afterTrial(this, trial.snapshot(), state, stored);
        } finally {
            // A sampler that throws here must not leave the trial RUNNING forever.
            storage.setTrialState(trial.id(), state, stored);
        }
        FrozenTrial done = storage.trial(trial.id());
        LOG.log(System.Logger.Level.DEBUG, () -> "study " + name + " trial " + done.number() + " " + done.state()
                + (done.values() != null ? " " + done.values() : "") + " " + done.params());
        return done;
    }

    /**
     * Runs {@code trials} more trials of a single-objective study, one at a time. Like every {@code optimize}, it
     * stops early when its thread is interrupted (or the objective throws {@link InterruptedException}): the running
     * trial is stored, and it returns with the thread's interrupt status set.
     */
    public void optimize(ObjectiveFunction objective, int trials) {
        optimize(objective, OptimizeOptions.builder().trials(trials).build());
    }

    /** Runs a single-objective study as the options say. */
    public void optimize(ObjectiveFunction objective, OptimizeOptions options) {
        run(trial -> new double[] {objective.evaluate(trial)}, options);
    }

    /** Runs {@code trials} more trials of a multi-objective study. */
    public void optimizeMulti(MultiObjectiveFunction objective, int trials) {
        optimizeMulti(objective, OptimizeOptions.builder().trials(trials).build());
    }

    /** Runs a multi-objective study as the options say. */
    public void optimizeMulti(MultiObjectiveFunction objective, OptimizeOptions options) {
        run(objective::evaluate, options);
    }

    /** Asks running {@link #optimize} loops to start no further trial; trials already running finish. */
    public void stop() {
        stopRequested.set(true);
    }

    /**
     * Marks FAIL every RUNNING trial whose worker missed its heartbeats for longer than the grace period, and hands
     * each to the failed-trial callback. Called at the start of {@link #optimize} and of every {@link #ask()} when
     * heartbeats are on; a trial another worker finished or failed first is left alone.
     */
    public void failStaleTrials() {
        if (heartbeat == null) {
            throw new IllegalStateException("study " + name + " has no heartbeat; set Study.Builder.heartbeatInterval");
        }
        for (long trialId : storage.staleTrials(id, heartbeat.grace())) {
            FrozenTrial failed;
            try {
                storage.setTrialSystemAttr(trialId, FAIL_REASON_ATTR, "its worker sent no heartbeat for longer than"
                        + " the grace period " + heartbeat.grace());
                if (!storage.setTrialState(trialId, TrialState.FAIL, null)) {
                    continue;
                }
                failed = storage.trial(trialId);
            } catch (IllegalStateException finishedMeanwhile) {
                LOG.log(System.Logger.Level.DEBUG, () -> "stale trial " + trialId + " of study " + name
                        + " was finished by another worker first: " + finishedMeanwhile.getMessage());
                continue;
            }
            LOG.log(System.Logger.Level.WARNING, () -> "study " + name + " trial " + failed.number()
                    + " marked FAIL: its worker sent no heartbeat for longer than " + heartbeat.grace());
            if (heartbeat.onFail() != null) {
                heartbeat.onFail().afterTrial(this, failed);
            }
        }
    }

    private ScheduledFuture<?> startHeartbeat(Trial trial) {
        if (heartbeat == null) {
            return null;
        }
        synchronized (this) {
            if (heartbeatThread == null) {
                heartbeatThread = Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "hpo-" + name + "-heartbeat");
                    t.setDaemon(true);
                    return t;
                });
            }
        }
        long period = heartbeat.interval().toNanos();
        return heartbeatThread.scheduleAtFixedRate(() -> {
            try {
                storage.recordHeartbeat(trial.id());
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "study " + name + ": heartbeat of trial " + trial.number()
                        + " failed, other workers may take it for dead: " + e);
            }
        }, period, period, TimeUnit.NANOSECONDS);
    }

    private void run(MultiObjectiveFunction objective, OptimizeOptions options) {
        if (inTrial.get()) {  // the inner loop would reset stop requests and budgets of the outer one
            throw new IllegalStateException("study " + name + ": optimize was called from inside one of its own"
                    + " trials (nested optimization, which Optuna refuses too); use another study for an inner search");
        }
        stopRequested.set(false);
        if (heartbeat != null) {
            failStaleTrials();
        }
        long deadline = options.timeout() == null ? Long.MAX_VALUE : System.nanoTime() + options.timeout().toNanos();
        AtomicInteger budget = new AtomicInteger(options.trials());
        AtomicReference<Throwable> fatal = new AtomicReference<>();
        // an interrupted thread was asked to stop: it starts no further trial and keeps its interrupt status
        Runnable worker = () -> {
            while (!stopRequested.get() && fatal.get() == null && System.nanoTime() < deadline
                    && !Thread.currentThread().isInterrupted()) {
                if (options.trials() >= 0 && budget.getAndDecrement() <= 0) {
                    break;
                }
                try {
                    runTrial(objective, options);
                } catch (Throwable t) {
                    fatal.compareAndSet(null, t);
                }
            }
        };
        if (options.parallelism() == 1) {
            worker.run();
        } else {
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < options.parallelism(); i++) {
                Thread t = new Thread(worker, "hpo-" + name + "-worker-" + i);
                t.start();
                threads.add(t);
            }
            // an interrupt of the caller stops the study; optimize still returns only once every worker is done
            boolean interrupted = false;
            for (Thread t : threads) {
                while (t.isAlive()) {
                    try {
                        t.join();
                    } catch (InterruptedException e) {
                        interrupted = true;
                        stop();
                    }
                }
            }
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        Throwable f = fatal.get();
        if (f instanceof RuntimeException r) {
            throw r;
        }
        if (f instanceof Error e) {
            throw e;
        }
        if (f != null) {
            throw new ObjectiveException("study " + name + " stopped: the objective threw " + f, f);
        }
    }

    private void runTrial(MultiObjectiveFunction objective, OptimizeOptions options) throws Throwable {
        Trial trial = ask();
        double[] values = null;
        TrialState state = TrialState.COMPLETE;
        Throwable error = null;
        FrozenTrial done;
        ScheduledFuture<?> beating = startHeartbeat(trial);
        try {
            try {
                inTrial.set(true);
                values = objective.evaluate(trial);
            } catch (TrialPruned p) {
                state = TrialState.PRUNED;
            } catch (Throwable t) {
                state = TrialState.FAIL;
                error = t;
                if (t instanceof InterruptedException) {
                    Thread.currentThread().interrupt();  // throwing it cleared the status the study stops on
                }
            } finally {
                inTrial.set(false);
            }
            done = error == null ? tell(trial, state, values)
                    : finish(trial, TrialState.FAIL, null, error.toString());
        } finally {
            if (beating != null) {
                beating.cancel(false);
            }
        }
        for (TrialCallback callback : options.callbacks()) {
            callback.afterTrial(this, done);
        }
        if (error != null && !options.catches(error)) {
            throw error;
        }
    }

    /** Checks that a parameter keeps one distribution across the study. */
    void checkDistribution(String param, Distribution distribution) {
        Distribution known = knownDistributions.putIfAbsent(param, distribution);
        if (known != null && !known.equals(distribution)) {
            throw new IllegalArgumentException("parameter '" + param + "' of study " + name + " was " + known
                    + " in earlier trials and is now " + distribution + "; a name keeps one range within a study"
                    + " (use another name for another range)");
        }
    }

    /** Stops the heartbeat thread, and closes the storage when this study opened it from a URL. */
    @Override
    public void close() {
        synchronized (this) {
            if (heartbeatThread != null) {
                heartbeatThread.shutdownNow();
            }
        }
        if (ownsStorage) {
            storage.close();
        }
    }

    @Override
    public String toString() {
        return "study " + name + " " + directions + " in " + storage;
    }

    /** Options of a new or loaded study. */
    public static final class Builder {
        private String name;
        private List<Direction> directions;
        private Sampler sampler;
        private Long seed;
        private Pruner pruner;
        private Storage storage;
        private String storageUrl;
        private boolean loadIfExists;
        private Duration heartbeatInterval;
        private Duration gracePeriod;
        private TrialCallback failedTrialCallback;

        private Builder() {
        }

        /** The study's name; a unique one is made up when none is given. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder direction(Direction direction) {
            this.directions = List.of(direction);
            return this;
        }

        /** Several directions make a multi-objective study. */
        public Builder directions(Direction... directions) {
            if (directions.length == 0) {
                throw new IllegalArgumentException("a study needs at least one direction");
            }
            this.directions = List.of(directions);
            return this;
        }

        public Builder sampler(Sampler sampler) {
            this.sampler = sampler;
            return this;
        }

        /** Seeds the default sampler; ignored when a sampler is given. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder pruner(Pruner pruner) {
            this.pruner = pruner;
            return this;
        }

        /** A storage URL such as {@code memory:} or {@code journal:target/hpo/study.log}; see {@link Storages}. */
        public Builder storage(String url) {
            this.storageUrl = url;
            this.storage = null;
            return this;
        }

        public Builder storage(Storage storage) {
            this.storage = storage;
            this.storageUrl = null;
            return this;
        }

        /** Join the study of this name when the storage already has it, instead of failing. */
        public Builder loadIfExists(boolean loadIfExists) {
            this.loadIfExists = loadIfExists;
            return this;
        }

        /**
         * Turns heartbeats on: while a trial runs, a daemon thread records one every {@code interval}, so that
         * other workers can tell a dead worker's RUNNING trial from a slow one.
         */
        public Builder heartbeatInterval(Duration interval) {
            if (interval == null || interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("heartbeat interval must be positive, got " + interval);
            }
            this.heartbeatInterval = interval;
            return this;
        }

        /**
         * How long a RUNNING trial may go without a heartbeat before it counts as its worker's death and is marked
         * FAIL; twice the heartbeat interval by default, as in Optuna.
         */
        public Builder gracePeriod(Duration grace) {
            if (grace == null || grace.isNegative() || grace.isZero()) {
                throw new IllegalArgumentException("grace period must be positive, got " + grace);
            }
            this.gracePeriod = grace;
            return this;
        }

        /** Called with each trial marked FAIL for a missed heartbeat, e.g. {@link RetryFailedTrialCallback}. */
        public Builder failedTrialCallback(TrialCallback callback) {
            this.failedTrialCallback = callback;
            return this;
        }

        private Heartbeat heartbeat() {
            if (heartbeatInterval == null) {
                if (gracePeriod != null || failedTrialCallback != null) {
                    throw new IllegalArgumentException("gracePeriod and failedTrialCallback need heartbeats; set"
                            + " heartbeatInterval too");
                }
                return null;
            }
            Duration grace = gracePeriod != null ? gracePeriod : heartbeatInterval.multipliedBy(2);
            if (grace.compareTo(heartbeatInterval) <= 0) {
                throw new IllegalArgumentException("grace period " + grace + " must be longer than the heartbeat"
                        + " interval " + heartbeatInterval + ", or every running trial looks dead between beats");
            }
            return new Heartbeat(heartbeatInterval, grace, failedTrialCallback);
        }

        public Study build() {
            Heartbeat beat = heartbeat();
            boolean owns = storage == null;
            Storage s = owns ? Storages.open(storageUrl == null ? "memory:" : storageUrl) : storage;
            try {
                String n = name != null ? name : "no-name-" + UUID.randomUUID();
                long studyId;
                List<Direction> dirs;
                Optional<Long> existing = s.findStudy(n);
                if (existing.isEmpty()) {
                    dirs = directions != null ? directions : List.of(Direction.MINIMIZE);
                    try {
                        studyId = s.createStudy(n, dirs);
                    } catch (DuplicateStudyException raced) {
                        existing = s.findStudy(n);
                        studyId = loadExisting(s, n, existing.orElseThrow(() -> raced));
                        dirs = s.study(studyId).directions();
                    }
                } else {
                    studyId = loadExisting(s, n, existing.get());
                    dirs = s.study(studyId).directions();
                }
                Sampler smp = sampler != null ? sampler : Samplers.createDefault(dirs, seed);
                Pruner p = pruner != null ? pruner : Pruners.createDefault();
                return new Study(s, owns, studyId, n, dirs, smp, p, beat);
            } catch (RuntimeException e) {
                if (owns) {
                    s.close();
                }
                throw e;
            }
        }

        private long loadExisting(Storage s, String n, long studyId) {
            if (!loadIfExists) {
                throw new StorageException("study '" + n + "' already exists in " + s
                        + "; call loadIfExists(true) to continue it, or choose another name");
            }
            List<Direction> stored = s.study(studyId).directions();
            if (directions != null && !directions.equals(stored)) {
                throw new IllegalArgumentException("study '" + n + "' in " + s + " has directions " + stored
                        + ", not " + directions);
            }
            return studyId;
        }
    }
}
