package dev.hpo.maven;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.TrialState;
import dev.hpo.multi.Pareto;
import dev.hpo.storage.Storage;
import dev.hpo.storage.StudyInfo;
import java.time.Duration;
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
 * @param threshold the study attribute {@value #THRESHOLD_ATTR} (from {@code @Objective(threshold)}; a user
 *        attribute, or a system attribute when no user attribute has it), or {@code null} when the objective sets none
 * @param best the best completed trial of a single-objective study; {@code null} when none completed or the
 *        study has several objectives
 * @param paretoSize the number of Pareto-optimal trials (multi-objective studies)
 * @param complete trials COMPLETE in the study
 * @param pruned trials PRUNED
 * @param failed trials FAIL
 * @param trialTime the summed duration of the study's finished trials
 * @param runTrials the trials of this study that this build finished (empty for {@code hpo:report})
 * @param objective the objective method the study belongs to ({@code com.example.Tuning.accuracy}), from the
 *        study system attribute {@value #OBJECTIVE_ATTR}; {@code null} for a study the engine did not create
 */
public record StudyOutcome(String name, List<Direction> directions, Double threshold, FrozenTrial best,
        int paretoSize, int complete, int pruned, int failed, Duration trialTime, List<FrozenTrial> runTrials,
        String objective) {

    /** The study user attribute where the engine stores {@code @Objective(threshold)}. */
    public static final String THRESHOLD_ATTR = "hpo.threshold";
    /** The study system attribute where the engine stores the objective's qualified method name. */
    public static final String OBJECTIVE_ATTR = "hpo.objective";

    public StudyOutcome {
        directions = List.copyOf(directions);
        runTrials = List.copyOf(runTrials);
    }

    /** True when the study has one objective. */
    public boolean singleObjective() {
        return directions.size() == 1;
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
        int paretoSize = 0;
        List<FrozenTrial> completed = trials.stream().filter(t -> t.state() == TrialState.COMPLETE).toList();
        List<FrozenTrial> feasible = completed.stream().filter(FrozenTrial::isFeasible).toList();
        if (!feasible.isEmpty()) {
            completed = feasible;  // as Study.bestTrial(): constraints count when some trial satisfies them
        }
        if (info.directions().size() == 1) {
            Direction d = info.directions().get(0);
            for (FrozenTrial t : completed) {
                if (best == null || d.isBetter(t.value(), best.value())) {
                    best = t;
                }
            }
        } else {
            paretoSize = Pareto.front(completed, info.directions()).size();
        }
        return new StudyOutcome(name, info.directions(), threshold(info), best, paretoSize, complete, pruned,
                failed, time, runTrials, info.systemAttrs().get(OBJECTIVE_ATTR) instanceof String s ? s : null);
    }

    private static Double threshold(StudyInfo info) {
        Object v = info.userAttrs().containsKey(THRESHOLD_ATTR) ? info.userAttrs().get(THRESHOLD_ATTR)
                : info.systemAttrs().get(THRESHOLD_ATTR);
        if (v instanceof Number n) {
            return Double.isNaN(n.doubleValue()) ? null : n.doubleValue();
        }
        if (v instanceof String s && !s.isBlank()) {
            try {
                double d = Double.parseDouble(s.trim());
                return Double.isNaN(d) ? null : d;
            } catch (NumberFormatException e) {
                throw new IllegalStateException("study " + info.name() + " has a non-numeric " + THRESHOLD_ATTR
                        + " user attribute '" + s + "'", e);
            }
        }
        return null;
    }
}
