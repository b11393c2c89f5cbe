package dev.hpo.junit.engine;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.Trial;
import dev.hpo.TrialPruned;
import dev.hpo.TrialState;
import dev.hpo.artifact.ArtifactStore;
import dev.hpo.artifact.FileSystemArtifactStore;
import dev.hpo.multi.Pareto;
import dev.hpo.pruner.NopPruner;
import dev.hpo.report.Thresholds;
import dev.hpo.space.Distribution;
import dev.hpo.storage.Storage;
import dev.hpo.storage.StudyInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * A smoke run of an objective: one trial, to prove that the method runs and returns a number. It uses the
 * best parameters the configured storage knows for the study (where they still fit the declared ranges), else the
 * middle of every range ({@link MiddleSampler}). Without a configured storage it reads the goal's default journal,
 * when a build has left one, so that {@code mvn test} after {@code mvn verify} runs the tuned parameters. It reads
 * the storage but never writes to it: the trial runs in a throw-away in-memory study, so {@code mvn test} leaves the
 * real study as it was.
 */
final class SmokeRun {

    /** Where {@code hpo:optimize} keeps its studies unless told otherwise, relative to the module (surefire's cwd). */
    static final Path GOAL_JOURNAL = Path.of("target", "hpo", "studies.log");

    private final ObjectiveDescriptor descriptor;
    private final ObjectiveDefinition definition;
    private final RunSettings settings;
    private final HpoExecutionContext context;
    private final String storageUrl;

    SmokeRun(ObjectiveDescriptor descriptor, ObjectiveDefinition definition, RunSettings settings,
            HpoExecutionContext context, String storageUrl) {
        this.descriptor = descriptor;
        this.definition = definition;
        this.settings = settings;
        this.context = context;
        this.storageUrl = storageUrl;
    }

    void run() throws Exception {
        // a smoke trial's files go to a store of its own, deleted afterwards: smoke runs leave nothing behind
        Path artifactDirectory = definition.usesArtifacts() ? Files.createTempDirectory("hpo-smoke-artifacts") : null;
        try {
            run(artifactDirectory == null ? null : new FileSystemArtifactStore(artifactDirectory));
        } finally {
            if (artifactDirectory != null) {
                deleteTree(artifactDirectory);
            }
        }
    }

    private void run(ArtifactStore artifacts) throws Exception {
        ObjectiveInvoker invoker = new ObjectiveInvoker(definition, descriptor.sharedInstances(),
                settings.trialTimeout());
        try (Study study = Study.builder().name(settings.studyName())
                .directions(settings.directions().toArray(Direction[]::new))
                .sampler(new MiddleSampler()).pruner(new NopPruner()).build()) {
            Map<String, Object> start = bestKnownParams();
            if (start.isEmpty() && !definition.enqueued().isEmpty()) {
                start = definition.enqueued().get(0);
            }
            if (!start.isEmpty()) {
                study.enqueueTrial(start);
            }
            Trial trial = study.ask();
            JupiterScope scope = JupiterScope.ofTrial(definition, descriptor, context, trial, artifacts);
            if (scope != null) {
                scope.started(descriptor);
            }
            JupiterExtensionContext watched = scope == null ? null : scope.extensions();
            double[] values;
            try {
                values = trial(invoker, trial, artifacts, scope);
            } catch (Exception | Error e) {
                if (watched != null) {
                    JupiterCallbacks.watch(watched, e instanceof TestAbortedException
                            ? TestExecutionResult.aborted(e) : TestExecutionResult.failed(e));
                }
                throw e;
            }
            if (watched != null) {
                JupiterCallbacks.watch(watched, TestExecutionResult.successful());
            }
            Map<String, String> entry = new LinkedHashMap<>();
            entry.put("hpo.study", settings.studyName());
            entry.put("hpo.mode", "smoke");
            if (values.length == 1) {
                entry.put("hpo.value", Double.toString(values[0]));
            } else {
                entry.put("hpo.values", TrialReport.values(Arrays.stream(values).boxed().toList()));
            }
            trial.params().forEach((k, v) -> entry.put("hpo.param." + k, String.valueOf(v)));
            context.events().published(descriptor, ReportEntry.from(entry));
        }
    }

    /** The smoke trial's values, which must be finite, one per direction. */
    private double[] trial(ObjectiveInvoker invoker, Trial trial, ArtifactStore artifacts, JupiterScope scope)
            throws Exception {
        double[] values;
        try {
            values = invoker.invoke(definition.arguments(trial, artifacts, scope), scope);
        } catch (TrialPruned pruned) {
            throw new TestAbortedException(definition.qualifiedMethodName() + " pruned its smoke trial at "
                    + trial.params(), pruned);
        }
        int expected = settings.directions().size();
        if (values.length != expected) {
            throw new AssertionFailedError(definition.qualifiedMethodName() + " returned " + values.length
                    + " values at " + trial.params() + " for " + expected + " directions; return one per direction");
        }
        for (double value : values) {
            if (Double.isNaN(value)) {  // as in a study, where NaN fails the trial and an infinity is a value
                throw new AssertionFailedError(definition.qualifiedMethodName() + " returned " + (values.length == 1
                        ? value : Arrays.toString(values)) + " at " + trial.params()
                        + "; an objective must return numbers (NaN fails a study's trial too)");
            }
        }
        return values;
    }

    /**
     * The best trial's parameters that still fit the declared ranges, or nothing without a storage or study. A
     * multi-objective study has no best trial: its Pareto-optimal trial of the lowest number stands in, among those
     * that reach every threshold when some do.
     */
    private Map<String, Object> bestKnownParams() {
        if (storageUrl != null) {
            return bestKnownParams(context.storage(storageUrl));
        }
        if (!Files.isRegularFile(GOAL_JOURNAL)) {
            return Map.of();
        }
        try {
            return bestKnownParams(context.storage("journal:" + GOAL_JOURNAL));
        } catch (RuntimeException unreadable) {  // a journal nobody asked for must not fail mvn test
            System.err.println("[hpo] " + definition.qualifiedMethodName() + ": smoke run at the middle of the ranges,"
                    + " since " + GOAL_JOURNAL + " cannot be read: " + unreadable.getMessage());
            return Map.of();
        }
    }

    private Map<String, Object> bestKnownParams(Storage storage) {
        Optional<Long> studyId = storage.findStudy(settings.studyName());
        if (studyId.isEmpty()) {
            return Map.of();
        }
        StudyInfo info = storage.study(studyId.get());
        List<FrozenTrial> complete = storage.trials(studyId.get(), EnumSet.of(TrialState.COMPLETE));
        FrozenTrial best = info.directions().size() > 1 ? representative(info, complete)
                : best(info.directions().get(0), complete);
        if (best == null) {
            return Map.of();
        }
        Map<String, Object> params = new LinkedHashMap<>(best.params());
        for (TunedParameter p : definition.tunedParameters()) {
            if (params.containsKey(p.name()) && !fits(p.distribution(), params.get(p.name()))) {
                params.remove(p.name());
            }
        }
        return params;
    }

    /** The completed trial of the best value, or null. */
    private static FrozenTrial best(Direction direction, List<FrozenTrial> complete) {
        FrozenTrial best = null;
        for (FrozenTrial t : complete) {
            if (t.values() != null && t.values().size() == 1
                    && (best == null || direction.isBetter(t.value(), best.value()))) {
                best = t;
            }
        }
        return best;
    }

    /** A multi-objective study's Pareto-optimal trial of the lowest number, one reaching its thresholds if any does. */
    private static FrozenTrial representative(StudyInfo info, List<FrozenTrial> complete) {
        List<Direction> directions = info.directions();
        List<FrozenTrial> valued = complete.stream().filter(t -> t.values() != null
                && t.values().size() == directions.size()).toList();
        List<FrozenTrial> feasible = valued.stream().filter(FrozenTrial::isFeasible).toList();
        List<FrozenTrial> front = Pareto.front(feasible.isEmpty() ? valued : feasible, directions);
        List<Double> thresholds = Thresholds.of(info.name(), info.userAttrs(), info.systemAttrs());
        Comparator<FrozenTrial> byNumber = Comparator.comparingInt(FrozenTrial::number);
        return front.stream().filter(t -> thresholds.size() == directions.size()
                        && Thresholds.reached(thresholds, directions, t.values())).min(byNumber)
                .orElseGet(() -> front.stream().min(byNumber).orElse(null));
    }

    private static void deleteTree(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static boolean fits(Distribution distribution, Object value) {
        try {
            distribution.toInternal(value);
            return true;
        } catch (IllegalArgumentException outside) {
            return false;
        }
    }
}
