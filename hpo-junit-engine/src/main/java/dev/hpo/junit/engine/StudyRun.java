package dev.hpo.junit.engine;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.NoImprovementCallback;
import dev.hpo.OptimizeOptions;
import dev.hpo.Study;
import dev.hpo.Trial;
import dev.hpo.TrialState;
import dev.hpo.artifact.ArtifactStore;
import dev.hpo.pruner.Pruner;
import dev.hpo.report.Thresholds;
import dev.hpo.sampler.Sampler;
import dev.hpo.space.Distribution;
import dev.hpo.terminator.Terminator;
import dev.hpo.terminator.TerminatorCallback;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * A study run of an objective: {@code trials} more trials of its study in the configured storage (a second run
 * resumes the study and adds as many again, Optuna's meaning of {@code n_trials}). Every trial is a dynamic test:
 * registered and started once its parameters are suggested, finished after the study has stored it, with a report
 * entry (see {@link TrialReport}) from which the Maven goal prints its line. A pruned trial is aborted, a failed one
 * fails and the study goes on; the run fails only when none of its trials completed and either none was pruned
 * (all failed) or the study has no completed trial at all.
 *
 * <p>A trial whose objective (or {@code @BeforeEach} method) fails an assumption ({@link TestAbortedException}, as
 * Jupiter's {@code Assumptions} throw) is aborted, as Jupiter skips such a test rather than failing it. The study has
 * no state for it (neither has Optuna), so the trial is stored as FAIL with the reason, marked with
 * {@value #ABORTED_ATTR}; and since an assumption is about the environment, which the next trials share, the study
 * stops, and the objective is aborted too: its run was skipped, which fails neither the build nor the goal's gate. A
 * configuration that should not be evaluated is pruned ({@code TrialPruned}) instead.
 *
 * <p>An objective that takes an {@code ArtifactStore} gets the store at {@code hpo.artifacts}: a directory
 * ({@code target/hpo/artifacts} by default) or a JDBC URL, where the goal finds the best trial's files.
 *
 * <p>The study gets two system attributes for the tools that read the storage: {@code hpo.objective}
 * ({@code com.example.Tuning.accuracy}) and, when the objective declares one, {@code hpo.threshold}.
 *
 * <p>While the study runs, a shutdown hook guards its running trials: when the JVM exits under them (an objective
 * calls {@code System.exit}, Ctrl-C, the goal's {@code forkTimeout}), they are stored as FAIL with the reason, rather
 * than left RUNNING for good, where every later build's sampler would count them as still running. A JVM killed
 * outright (SIGKILL, a crash) runs no hook; those trials stay RUNNING, unless it announced them
 * ({@code hpo.announceTrials}, as the goal's fork does): then the process that launched it marks them FAIL.
 */
final class StudyRun {

    static final String OBJECTIVE_ATTR = "hpo.objective";
    static final String THRESHOLD_ATTR = Thresholds.ATTR;
    /** Report entry key: why the study stopped before its trials were used up. */
    static final String STOPPED = "hpo.stopped";
    static final String EXIT_REASON = "the JVM exited during the trial (System.exit, Ctrl-C or the goal's forkTimeout)";
    /**
     * With {@code hpo.announceTrials}, the line printed as a trial starts, then its number and its study:
     * {@code [hpo:started] 7 Tuning.accuracy}. The goal reads it from its fork, so that it knows which trials a fork
     * that died without a word left RUNNING (its {@code ForkedJvm} has the same prefix).
     */
    static final String STARTED = "[hpo:started] ";
    /**
     * Trial system attribute: the message of the assumption that failed in the trial, which aborted it and stopped the
     * study. The goal's gate reads it from the storage ({@code StudyOutcome.ABORTED_ATTR}, the same key), so that a
     * study an assumption skipped is not judged as one whose trials failed.
     */
    static final String ABORTED_ATTR = "hpo.aborted";

    private final ObjectiveDescriptor descriptor;
    private final ObjectiveDefinition definition;
    private final RunSettings settings;
    private final HpoExecutionContext context;
    private final String storageUrl;
    private final List<TunedParameter> tuned;
    private final Map<Integer, RunningTrial> running = new ConcurrentHashMap<>();
    private ObjectiveInvoker invoker;
    private ArtifactStore artifacts;
    private TrialReport report;
    /** The first trial of this run that an assumption aborted, with the assumption's exception; null before one. */
    private final AtomicReference<Abort> aborted = new AtomicReference<>();

    private record Abort(FrozenTrial trial, TestAbortedException assumption) {
    }

    /** A trial between its start and the study's callback; written and read on the trial's own thread. */
    private static final class RunningTrial {
        final Trial trial;
        TrialDescriptor descriptor;
        Throwable error;
        /** The trial's context for Jupiter extensions, whose watchers learn how it ended; null without extensions. */
        JupiterExtensionContext extensions;

        RunningTrial(Trial trial) {
            this.trial = trial;
        }
    }

    StudyRun(ObjectiveDescriptor descriptor, ObjectiveDefinition definition, RunSettings settings,
            HpoExecutionContext context, String storageUrl) {
        this.descriptor = descriptor;
        this.definition = definition;
        this.settings = settings;
        this.context = context;
        this.storageUrl = storageUrl;
        this.tuned = definition.tunedParameters();
    }

    void run() {
        invoker = new ObjectiveInvoker(definition, descriptor.sharedInstances(), settings.trialTimeout());
        Sampler sampler;
        Pruner pruner;
        try {
            sampler = settings.createSampler(definition.testClass().getClassLoader());
            pruner = settings.createPruner(definition.testClass().getClassLoader());
        } catch (IllegalArgumentException unknown) {  // a misspelt name is the objective's mistake, not a crash
            throw new InvalidObjectiveException(definition.qualifiedMethodName() + ": " + unknown.getMessage());
        }
        Study.Builder builder = Study.builder().name(settings.studyName())
                .directions(settings.directions().toArray(Direction[]::new)).sampler(sampler).pruner(pruner)
                .storage(context.storage(storageUrl)).loadIfExists(true);
        Long heartbeat = context.configuration().heartbeatSeconds();
        if (heartbeat != null) {
            builder.heartbeatInterval(Duration.ofSeconds(heartbeat));
        }
        Study study = builder.build();
        checkStoredRanges(study);
        study.setSystemAttr(OBJECTIVE_ATTR, definition.qualifiedMethodName());
        if (!Double.isNaN(settings.threshold())) {
            study.setSystemAttr(THRESHOLD_ATTR, settings.threshold());
        }
        double[] thresholds = definition.annotation().thresholds();
        if (thresholds.length > 0) {  // JSON has no NaN: a free value is "none"
            study.setSystemAttr(THRESHOLD_ATTR, Arrays.stream(thresholds)
                    .mapToObj(t -> Double.isNaN(t) ? (Object) "none" : (Object) t).toList());
        }
        List<String> metrics = ObjectiveParser.metricNames(definition.annotation());
        if (!metrics.isEmpty() && !study.metricNames().equals(metrics)) {
            study.setMetricNames(metrics);
        }
        for (Map<String, Object> params : definition.enqueued()) {
            study.enqueueTrial(params, Map.of(), true);  // once per study, however often it is resumed
        }
        report = new TrialReport(study.name(), study.directions(), settings.trials(),
                study.trials(EnumSet.of(TrialState.COMPLETE)));
        Thread exitGuard = new Thread(() -> failRunningTrials(study), "hpo-exit-guard " + study.name());
        Runtime.getRuntime().addShutdownHook(exitGuard);
        // the trial's test finishes first, so that a callback that throws leaves no test unfinished
        OptimizeOptions.Builder options = settings.optimizeOptions().callback(this::finished);
        NoImprovementCallback patience = settings.patience() > 0 ? new NoImprovementCallback(settings.patience())
                : null;
        if (patience != null) {
            options.callback(patience);
        }
        Terminator terminator = settings.createTerminator();
        TerminatorCallback terminating = terminator == null ? null : new TerminatorCallback(terminator);
        if (terminating != null) {
            if (terminator.usesCrossValidation()) {
                options.callback(StudyRun::checkCrossValidationScores);
            }
            options.callback(terminating);
        }
        artifacts = definition.usesArtifacts() ? ArtifactStore.of(context.configuration().artifacts()) : null;
        long started = System.nanoTime();
        try {
            study.optimizeMulti(this::evaluate, options.build());  // one value or several, as the method returns
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(exitGuard);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting: the guard is running or has run
            }
            study.close(); // stops its heartbeat thread; the storage is the engine's, and stays open
            if (artifacts != null) {
                artifacts.close();
            }
        }
        Abort abort = aborted.get();
        String stopped = abort != null ? "an assumption failed in trial " + abort.trial().number() + " ("
                + abort.assumption().getMessage() + "), which the next trials would fail as well"
                : patience != null && patience.stoppedStudy() ? patience.reason()
                : terminating != null && terminating.stoppedStudy() ? terminating.reason()
                : timedOut(started) ? "its timeout of " + settings.timeout().toSeconds() + " s ran out after "
                        + report.finished() + " of its " + settings.trials() + " trials" : null;
        if (stopped != null) {
            context.events().published(descriptor, ReportEntry.from(Map.of("hpo.study", study.name(),
                    STOPPED, stopped)));
        }
        if (abort != null) {
            throw new TestAbortedException("study " + study.name() + " skipped: " + stopped, abort.assumption());
        }
        // A run that only pruned is healthy when the study already has a completed trial (a resumed study whose
        // new trials were all worse); a run whose trials all failed, or a study with nothing completed, is not.
        boolean studyHasResult = !study.trials(EnumSet.of(TrialState.COMPLETE)).isEmpty();
        if (settings.trials() != 0 && report.completed() == 0 && (report.pruned() == 0 || !studyHasResult)) {
            Throwable first = report.firstFailure();
            throw new StudyWithoutResultException(study.name(), "study " + study.name() + ": "
                    + (report.finished() == 1 ? "the only trial of this run did not complete"
                            : "none of the " + report.finished() + " trials of this run completed")
                    + " (" + report.summary() + ")" + (first == null ? "" : "; the first failed with " + first), first);
        }
    }

    /**
     * A resumed study whose trials took a parameter from another range than the objective declares now (a range
     * narrowed after a first build, say) would fail every trial on suggesting it: said once, before any trial, with
     * the ways out. A study keeps one range per parameter name.
     */
    private void checkStoredRanges(Study study) {
        List<FrozenTrial> trials = study.trials();
        for (TunedParameter p : tuned) {
            for (int i = trials.size() - 1; i >= 0; i--) {
                Distribution stored = trials.get(i).distributions().get(p.name());
                if (stored == null) {
                    continue;
                }
                if (!stored.equals(p.distribution())) {
                    study.close();
                    throw new IllegalStateException("study " + study.name() + " already has trials with parameter '"
                            + p.name() + "' in " + stored + ", but the objective now declares " + p.distribution()
                            + "; a study keeps one range per parameter. Delete the stored study first (mvn"
                            + " hpo:delete-study -Dhpo.objectives=" + study.name() + "; mvn clean removes the default"
                            + " journal under target/hpo), or give the objective a new study name (@Objective(name ="
                            + " \"...\"))");
                }
                break;
            }
        }
    }

    /** Whether the run's timeout, rather than its trial count, ended it (a run without a count has none to miss). */
    private boolean timedOut(long started) {
        return settings.timeout() != null && settings.trials() >= 0 && report.finished() < settings.trials()
                && System.nanoTime() - started >= settings.timeout().toNanos();
    }

    /** The shutdown hook's work: every trial still running is stored as FAIL, with the reason, and reported. */
    private void failRunningTrials(Study study) {
        for (RunningTrial run : running.values()) {
            try {
                study.storage().setTrialSystemAttr(run.trial.snapshot().id(), Study.FAIL_REASON_ATTR, EXIT_REASON);
                // optimize's callbacks do not see a trial told here: report it as finished, so its line is printed
                finished(study, study.tell(run.trial, TrialState.FAIL));
            } catch (RuntimeException e) {
                // finished meanwhile, or the storage is gone: nothing more can be done while the JVM exits
                System.err.println("[hpo] could not mark trial " + run.trial.number() + " of study " + study.name()
                        + " FAIL as the JVM exited: " + e);
            }
        }
    }

    /**
     * With {@code terminator = "cv"}, every completed trial must carry its fold scores: said at the first trial
     * without them, not 20 trials later when the terminator first needs them.
     */
    private static void checkCrossValidationScores(Study study, FrozenTrial trial) {
        if (trial.state() == TrialState.COMPLETE && !trial.systemAttrs().containsKey(Terminator.CV_SCORES_ATTR)) {
            throw new IllegalStateException("study " + study.name() + " runs with terminator = \"cv\", but trial "
                    + trial.number() + " reported no cross-validation scores: call"
                    + " Terminator.reportCrossValidationScores(trial, scores) in the objective (it takes a Trial"
                    + " parameter), or use terminator = \"median\", or the objective's known error, e.g. \"0.001\"");
        }
    }

    private double[] evaluate(Trial trial) throws Exception {
        RunningTrial run = new RunningTrial(trial);
        running.put(trial.number(), run);
        if (context.configuration().announceTrials()) {
            System.out.println(STARTED + trial.number() + " " + trial.study().name());
        }
        JupiterScope scope = JupiterScope.ofTrial(definition, descriptor, context, trial, artifacts);
        run.extensions = scope == null ? null : scope.extensions();
        try {
            Object[] arguments = definition.arguments(trial, artifacts, scope);
            run.descriptor = start(trial.number(), trial.params());
            if (scope != null) {
                scope.started(run.descriptor);
            }
            return invoker.invoke(arguments, scope);
        } catch (Throwable t) {
            run.error = t;
            if (t instanceof TestAbortedException) {
                trial.setSystemAttr(ABORTED_ATTR, String.valueOf(t.getMessage()));
                trial.study().stop();  // trials already running finish; no other starts
            }
            throw t;
        } finally {
            // as Jupiter clears it after each test: a trial that left its thread interrupted must not fail the next
            Thread.interrupted();
        }
    }

    private TrialDescriptor start(int number, Map<String, Object> params) {
        TrialDescriptor trial = new TrialDescriptor(descriptor, number,
                TrialNames.of(definition.method().getName(), number, tuned, params));
        context.events().started(descriptor, trial);
        return trial;
    }

    private void finished(Study study, FrozenTrial trial) {
        RunningTrial run = running.remove(trial.number());
        TrialDescriptor d = run != null && run.descriptor != null ? run.descriptor : start(trial.number(), Map.of());
        Throwable error = run == null ? null : run.error;
        if (error instanceof TestAbortedException assumption) {
            aborted.compareAndSet(null, new Abort(trial, assumption));
        }
        ReportEntry entry = report.record(trial, error);
        if (entry != null) {
            context.events().published(d, entry);
        }
        TestExecutionResult result = result(study, trial, error);
        if (run != null && run.extensions != null) {
            // as Jupiter tells a test's watchers before it reports the test finished
            JupiterCallbacks.watch(run.extensions, result);
        }
        context.events().finished(d, result);
    }

    private static TestExecutionResult result(Study study, FrozenTrial trial, Throwable error) {
        if (trial.state() == TrialState.COMPLETE) {
            return TestExecutionResult.successful();
        }
        if (trial.state() == TrialState.PRUNED) {
            String step = trial.lastStep() < 0 ? "before reporting any step" : "at step " + trial.lastStep();
            return TestExecutionResult.aborted(new TestAbortedException("trial " + trial.number() + " of study "
                    + study.name() + " pruned " + step, error));
        }
        if (error instanceof TestAbortedException) {
            return TestExecutionResult.aborted(error);
        }
        if (error != null) {
            return TestExecutionResult.failed(error);
        }
        Object reason = trial.systemAttrs().getOrDefault(Study.FAIL_REASON_ATTR, "no reason recorded");
        return TestExecutionResult.failed(new AssertionFailedError("trial " + trial.number() + " of study "
                + study.name() + " failed: " + reason));
    }
}
