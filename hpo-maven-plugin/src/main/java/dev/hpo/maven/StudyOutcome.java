package dev.hpo.maven;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialState;
import dev.hpo.multi.Pareto;
import dev.hpo.report.Thresholds;
import dev.hpo.storage.Storage;
import dev.hpo.storage.StudyInfo;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One study as the goal sees it after a run, read from the storage: what the summary table shows and what the
 * threshold gate decides on.
 *
 * @param name the study name
 * @param directions one per objective
 * @param thresholds the study attribute {@value #THRESHOLD_ATTR} (from {@code @Objective(threshold)}, or
 *        {@code thresholds} for several directions; a user attribute, or a system attribute when no user attribute has
 *        it): one value per objective, {@code NaN} where one is free; empty when the objective sets none
 * @param best the best completed feasible trial of a single-objective study; {@code null} when none completed,
 *        none satisfies the study's constraints or the study has several objectives
 * @param front the Pareto-optimal feasible trials of a multi-objective study; empty otherwise
 * @param metricNames the objectives' names ({@code @Objective(metric)}), or empty
 * @param complete trials COMPLETE in the study
 * @param pruned trials PRUNED
 * @param failed trials FAIL
 * @param trialTime the summed duration of the study's finished trials
 * @param runTrials the trials of this study that this build finished (empty for {@code hpo:report})
 * @param objective the objective method the study belongs to ({@code com.example.Tuning.accuracy}), from the
 *        study system attribute {@value #OBJECTIVE_ATTR}; {@code null} for a study the engine did not create
 */
public record StudyOutcome(String name, List<Direction> directions, List<Double> thresholds, FrozenTrial best,
        List<FrozenTrial> front, int complete, int pruned, int failed, Duration trialTime, List<FrozenTrial> runTrials,
        String objective, List<String> metricNames) {

    /** The study attribute where the engine stores {@code @Objective(threshold)} ({@link Thresholds}). */
    public static final String THRESHOLD_ATTR = Thresholds.ATTR;
    /** The study system attribute where the engine stores the objective's qualified method name. */
    public static final String OBJECTIVE_ATTR = "hpo.objective";
    /**
     * The trial system attribute where the engine stores the message of an assumption that failed in the trial (a FAIL
     * trial that aborted its study, as Jupiter skips a test whose assumption fails).
     */
    public static final String ABORTED_ATTR = "hpo.aborted";

    public StudyOutcome {
        directions = List.copyOf(directions);
        thresholds = List.copyOf(thresholds);
        front = List.copyOf(front);
        runTrials = List.copyOf(runTrials);
        metricNames = List.copyOf(metricNames);
    }

    /** True when the study has one objective. */
    public boolean singleObjective() {
        return directions.size() == 1;
    }

    /** A single-objective study's threshold, or {@code null} when it has none (or several objectives). */
    public Double threshold() {
        return singleObjective() && thresholds.size() == 1 && !thresholds.get(0).isNaN() ? thresholds.get(0) : null;
    }

    /** Whether a multi-objective study has a threshold on at least one of its values. */
    public boolean gatesSeveral() {
        return !singleObjective() && thresholds.size() == directions.size()
                && thresholds.stream().anyMatch(t -> !t.isNaN());
    }

    /**
     * Why this build's run of the study was skipped: {@code trial 3: Assumption failed: no GPU} when an assumption
     * failed in one of its trials, which stopped the study (its objective was aborted, not failed); else {@code null}.
     */
    public String skippedBy() {
        return runTrials.stream().filter(t -> t.systemAttrs().containsKey(ABORTED_ATTR)).findFirst()
                .map(t -> "trial " + t.number() + ": " + t.systemAttrs().get(ABORTED_ATTR)).orElse(null);
    }

    public int paretoSize() {
        return front.size();
    }

    /**
     * A multi-objective study's thresholds as a reader wants them, {@code error ≤ 0.1, cost ≤ 0.3} (metric names when
     * the study has them, else {@code value 0}, {@code value 1}, …), free values left out.
     */
    public String thresholdsText() {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < thresholds.size() && i < directions.size(); i++) {
            if (!thresholds.get(i).isNaN()) {
                String name = metricNames.size() == directions.size() ? metricNames.get(i) : "value " + i;
                String reach = directions.get(i) == Direction.MINIMIZE ? " ≤ " : " ≥ ";
                parts.add(name + reach + Numbers.format(thresholds.get(i)));
            }
        }
        return String.join(", ", parts);
    }

    /** Whether the trial's values reach every threshold of a multi-objective study at once. */
    public boolean reachesThresholds(FrozenTrial trial) {
        return Thresholds.reached(thresholds, directions, trial.values());
    }

    /**
     * Reads a study from the storage.
     *
     * @param runNumbers the trial numbers this build finished
     * @throws IllegalStateException when the storage has no study of that name
     */
    public static StudyOutcome read(Storage storage, String name, Collection<Integer> runNumbers) {
        long id = storage.findStudy(name).orElseThrow(() -> new IllegalStateException("the storage has no study '"
                + name + "', which the forked run reported; do the engine and the goal use the same storage?"));
        StudyInfo info = storage.study(id);
        List<FrozenTrial> trials = storage.trials(id);
        Set<Integer> run = new HashSet<>(runNumbers);
        int complete = 0;
        int pruned = 0;
        int failed = 0;
        Duration time = Duration.ZERO;
        for (FrozenTrial t : trials) {
            if (t.state() == TrialState.COMPLETE) {
                complete++;
            } else if (t.state() == TrialState.PRUNED) {
                pruned++;
            } else if (t.state() == TrialState.FAIL) {
                failed++;
            }
            if (t.duration() != null) {
                time = time.plus(t.duration());
            }
        }
        List<FrozenTrial> runTrials = trials.stream().filter(t -> run.contains(t.number())).toList();
        FrozenTrial best = null;
        List<FrozenTrial> front = List.of();
        // as Study.bestTrial() and bestTrials(): trials that break a constraint are never the best, even when all do
        List<FrozenTrial> feasible = trials.stream().filter(t -> t.state() == TrialState.COMPLETE && t.isFeasible())
                .toList();
        if (info.directions().size() == 1) {
            Direction d = info.directions().get(0);
            for (FrozenTrial t : feasible) {
                if (best == null || d.isBetter(t.value(), best.value())) {
                    best = t;
                }
            }
        } else {
            front = Pareto.front(feasible, info.directions());
        }
        return new StudyOutcome(name, info.directions(), Thresholds.of(name, info.userAttrs(), info.systemAttrs()),
                best, front, complete, pruned, failed, time, runTrials,
                info.systemAttrs().get(OBJECTIVE_ATTR) instanceof String s ? s : null,
                Study.metricNames(info.systemAttrs(), info.directions().size()));
    }

}
