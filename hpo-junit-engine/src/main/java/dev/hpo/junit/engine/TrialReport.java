package dev.hpo.junit.engine;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialState;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.platform.engine.reporting.ReportEntry;

/**
 * Keeps the tally of one study run and writes the report entry of each finished trial. The entry is the contract
 * with the Maven goal's launcher, which prints its per-trial log line from it:
 * <ul>
 * <li>{@code hpo.study}: the study name (prefix included)</li>
 * <li>{@code hpo.trial}: the trial number within the study</li>
 * <li>{@code hpo.state}: COMPLETE, PRUNED or FAIL</li>
 * <li>{@code hpo.value}: the value (for a pruned trial its last intermediate value), when there is one</li>
 * <li>{@code hpo.values}: a multi-objective trial's values, separated by commas, when it has them</li>
 * <li>{@code hpo.best}, {@code hpo.bestTrial}: the best value and its trial number so far, when a trial has
 * completed (the study's completed trials when the run started, plus this run's); a multi-objective study has
 * none</li>
 * <li>{@code hpo.trials}: the trials planned for this run (-1 for no limit, with a timeout)</li>
 * <li>{@code hpo.finished}: how many trials of this run have finished, this one included</li>
 * <li>{@code hpo.reason}: why a FAIL trial failed (its {@code fail_reason}: the exception, or "the objective
 * returned NaN"), the first line of it</li>
 * <li>{@code hpo.aborted}: {@code true} when an assumption failed in the FAIL trial, which aborted it and stopped
 * the study ({@link StudyRun#ABORTED_ATTR})</li>
 * <li>{@code hpo.enqueued}: {@code true} when the trial's parameters were enqueued ({@code @Enqueue}) rather than
 * proposed by the sampler</li>
 * </ul>
 * The best is kept here from the trials the run sees rather than re-read from the storage after every trial, which
 * would cost time proportional to the study's size per trial.
 */
final class TrialReport {

    private final String study;
    private final List<Direction> directions;
    private final int planned;
    private FrozenTrial best;
    private int finished;
    private int completed;
    private int pruned;
    private int failed;
    private Throwable firstFailure;

    TrialReport(String study, List<Direction> directions, int planned, List<FrozenTrial> completedBefore) {
        this.study = study;
        this.directions = List.copyOf(directions);
        this.planned = planned;
        completedBefore.forEach(this::considerForBest);
    }

    /** Counts a finished trial and returns its report entry. */
    synchronized ReportEntry record(FrozenTrial trial, Throwable error) {
        finished++;
        if (trial.state() == TrialState.COMPLETE) {
            completed++;
            considerForBest(trial);
        } else if (trial.state() == TrialState.PRUNED) {
            pruned++;
        } else {
            failed++;
            if (firstFailure == null) {
                firstFailure = error;
            }
        }
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("hpo.study", study);
        entry.put("hpo.trial", Integer.toString(trial.number()));
        entry.put("hpo.state", trial.state().name());
        if (trial.hasValues() && trial.values().size() == 1) {
            entry.put("hpo.value", Double.toString(trial.value()));
        } else if (trial.hasValues()) {
            entry.put("hpo.values", values(trial.values()));
        }
        if (trial.state() == TrialState.PRUNED && trial.lastStep() >= 0) {
            entry.put("hpo.step", Integer.toString(trial.lastStep()));
        }
        if (best != null) {
            entry.put("hpo.best", Double.toString(best.value()));
            entry.put("hpo.bestTrial", Integer.toString(best.number()));
        }
        entry.put("hpo.trials", Integer.toString(planned));
        entry.put("hpo.finished", Integer.toString(finished));
        Object reason = trial.state() == TrialState.FAIL ? trial.systemAttrs().get(Study.FAIL_REASON_ATTR) : null;
        if (reason != null) {
            entry.put("hpo.reason", String.valueOf(reason).lines().findFirst().orElse("").strip());
        }
        if (trial.systemAttrs().containsKey(StudyRun.ABORTED_ATTR)) {
            entry.put("hpo.aborted", "true");
        }
        if (trial.systemAttrs().containsKey(Study.FIXED_PARAMS_ATTR)) {
            entry.put("hpo.enqueued", "true");
        }
        return ReportEntry.from(entry);
    }

    /** Values as {@code Double.toString} writes them, separated by commas. */
    static String values(List<Double> values) {
        return values.stream().map(String::valueOf).collect(Collectors.joining(", "));
    }

    private void considerForBest(FrozenTrial trial) {
        if (directions.size() == 1 && trial.hasValues() && trial.values().size() == 1 && trial.isFeasible()
                && (best == null || directions.get(0).isBetter(trial.value(), best.value()))) {
            best = trial;
        }
    }

    synchronized int completed() {
        return completed;
    }

    synchronized int pruned() {
        return pruned;
    }

    synchronized int finished() {
        return finished;
    }

    /** The exception of the first failed trial, or {@code null}. */
    synchronized Throwable firstFailure() {
        return firstFailure;
    }

    /** {@code 0 complete, 3 pruned, 2 failed}. */
    synchronized String summary() {
        return completed + " complete, " + pruned + " pruned, " + failed + " failed";
    }
}
