package dev.hpo.report;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialState;
import dev.hpo.importance.ImportanceEvaluator;
import dev.hpo.importance.Importances;
import dev.hpo.space.Distribution;
import dev.hpo.terminator.Terminator;
import dev.hpo.terminator.TerminatorCallback;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Everything the report shows about one study, read from its storage once: the trials, the parameters
 * seen in finished trials, the best trial(s) and the parameter importances. Plots compute their own data
 * from this, so they never touch the storage.
 *
 * @param params every parameter of a finished trial with its distribution (the first one seen), by name
 * @param importances parameter importances for the first objective, most important first; empty when they
 *        could not be computed (then {@code importanceNote} says why)
 * @param objectiveImportances the importances for each objective in the study's order (the first is
 *        {@code importances}), as Optuna's importance plot shows several objectives; empty with {@code importances}
 * @param terminator the judgements a {@link TerminatorCallback} stored, by the trial after which each was made;
 *        empty when the study ran without one
 * @param thresholds the gate the study is built to pass, one per objective ({@code NaN} where free), or empty
 *        ({@link Thresholds})
 */
public record StudyData(
        String name,
        List<Direction> directions,
        List<FrozenTrial> trials,
        List<FrozenTrial> complete,
        Map<String, Distribution> params,
        List<FrozenTrial> best,
        Map<String, Double> importances,
        List<Map<String, Double>> objectiveImportances,
        String importanceNote,
        Map<String, Object> userAttrs,
        List<String> metricNames,
        SortedMap<Integer, Terminator.Evaluation> terminator,
        List<Double> thresholds) {

    /** Reads a study with the default importance evaluator. */
    public static StudyData of(Study study) {
        return of(study, Importances.defaultEvaluator());
    }

    /** Reads a study, measuring importance with the given evaluator. */
    public static StudyData of(Study study, ImportanceEvaluator evaluator) {
        List<FrozenTrial> trials = study.trials();
        List<FrozenTrial> complete = new ArrayList<>();
        Map<String, Distribution> params = new TreeMap<>();
        for (FrozenTrial t : trials) {
            if (t.state() == TrialState.COMPLETE && t.hasValues()) {
                complete.add(t);
            }
            if (t.state().isFinished()) {
                t.distributions().forEach(params::putIfAbsent);
            }
        }
        List<Direction> directions = study.directions();
        List<FrozenTrial> best = complete.isEmpty() ? List.of() : bestOf(study, complete);
        List<Map<String, Double>> objectiveImportances = List.of();
        String note = null;
        if (complete.size() < 2) {
            note = "Importance needs at least two completed trials.";
        } else if (params.isEmpty()) {
            note = "The study has no parameters.";
        } else {
            try {
                objectiveImportances = importances(study, evaluator);
                if (objectiveImportances.get(0).isEmpty()) {
                    note = "No parameter is shared by every completed trial.";
                    objectiveImportances = List.of();
                }
            } catch (IllegalStateException | IllegalArgumentException e) {
                note = "Importance could not be computed: " + e.getMessage();
            }
        }
        Map<String, Double> importances = objectiveImportances.isEmpty() ? Map.of() : objectiveImportances.get(0);
        Map<String, Object> systemAttrs = study.systemAttrs();
        Map<String, Object> userAttrs = study.userAttrs();
        List<Double> thresholds;
        try {
            thresholds = Thresholds.of(study.name(), userAttrs, systemAttrs);
        } catch (IllegalStateException notANumber) {
            thresholds = List.of();  // the goal's gate says so; the report just draws no line
        }
        return new StudyData(study.name(), directions, trials, complete, params, best, importances,
                objectiveImportances, note, userAttrs, Study.metricNames(systemAttrs, directions.size()),
                TerminatorCallback.evaluations(systemAttrs),
                thresholds.size() == directions.size() ? thresholds : List.of());
    }

    /**
     * The importances for each objective. An evaluator reads a target other than the study's own value as lower is
     * better, so the values of an objective to maximize go to it negated.
     */
    private static List<Map<String, Double>> importances(Study study, ImportanceEvaluator evaluator) {
        List<Direction> directions = study.directions();
        if (directions.size() == 1) {
            return List.of(evaluator.evaluate(study, null, null));
        }
        List<Map<String, Double>> out = new ArrayList<>();
        for (int k = 0; k < directions.size(); k++) {
            int objective = k;
            double sign = directions.get(k) == Direction.MAXIMIZE ? -1 : 1;
            out.add(evaluator.evaluate(study, null, t -> sign * t.values().get(objective)));
        }
        return out;
    }

    /**
     * The best trials: for one objective those reaching the best value (linear, where the study's Pareto
     * computation is quadratic), for several the study's Pareto front.
     */
    private static List<FrozenTrial> bestOf(Study study, List<FrozenTrial> complete) {
        if (study.directions().size() > 1 || complete.stream().noneMatch(FrozenTrial::isFeasible)) {
            return study.bestTrials();
        }
        double best = study.bestValue();
        List<FrozenTrial> out = new ArrayList<>();
        for (FrozenTrial t : complete) {
            if (t.isFeasible() && t.value() == best) {
                out.add(t);
            }
        }
        return out;
    }

    public StudyData {
        directions = List.copyOf(directions);
        trials = List.copyOf(trials);
        complete = List.copyOf(complete);
        params = new LinkedHashMap<>(params);
        best = List.copyOf(best);
        importances = new LinkedHashMap<>(importances);
        objectiveImportances = objectiveImportances.stream().<Map<String, Double>>map(LinkedHashMap::new).toList();
        userAttrs = new LinkedHashMap<>(userAttrs);
        metricNames = List.copyOf(metricNames);
        terminator = Collections.unmodifiableSortedMap(new TreeMap<>(terminator));
        thresholds = List.copyOf(thresholds);
    }

    /** The threshold of objective {@code k}, or {@code NaN} when it has none. */
    public double threshold(int k) {
        return k < thresholds.size() ? thresholds.get(k) : Double.NaN;
    }

    public boolean multiObjective() {
        return directions.size() > 1;
    }

    /** The direction of the first objective, which single-objective plots show. */
    public Direction direction() {
        return directions.get(0);
    }

    /** The first objective value of a trial with values. */
    public static double objective(FrozenTrial t) {
        return t.values().get(0);
    }

    /** Orders trials best first by the first objective. */
    public Comparator<FrozenTrial> betterFirst() {
        Comparator<FrozenTrial> ascending = Comparator.comparingDouble(StudyData::objective);
        return direction() == Direction.MINIMIZE ? ascending : ascending.reversed();
    }

    /** The label of the first objective on axes. */
    public String objectiveLabel() {
        return metricLabel(0);
    }

    /** The label of objective {@code i} on axes: its metric name when the study has them. */
    public String metricLabel(int i) {
        if (!metricNames.isEmpty()) {
            return metricNames.get(i);
        }
        return multiObjective() ? "objective " + i : "objective value";
    }

    /** The parameters, most important first (those without an importance after, by name). */
    public List<String> paramsByImportance() {
        List<String> out = new ArrayList<>(importances.keySet());
        out.retainAll(params.keySet());
        for (String p : params.keySet()) {
            if (!out.contains(p)) {
                out.add(p);
            }
        }
        return out;
    }

    /** The number of trials in each state. */
    public Map<TrialState, Integer> countsByState() {
        Map<TrialState, Integer> out = new EnumMap<>(TrialState.class);
        for (TrialState s : TrialState.values()) {
            out.put(s, 0);
        }
        trials.forEach(t -> out.merge(t.state(), 1, Integer::sum));
        return out;
    }

    /** From the first start to the last completion, or null when no trial has both. */
    public Duration wallTime() {
        Instant first = null;
        Instant last = null;
        for (FrozenTrial t : trials) {
            if (t.start() != null && (first == null || t.start().isBefore(first))) {
                first = t.start();
            }
            if (t.complete() != null && (last == null || t.complete().isAfter(last))) {
                last = t.complete();
            }
        }
        return first == null || last == null ? null : Duration.between(first, last);
    }

    /** True when the trial is on the Pareto front (or reaches the best value of a single objective). */
    public boolean isBest(FrozenTrial t) {
        for (FrozenTrial b : best) {
            if (b.number() == t.number()) {
                return true;
            }
        }
        return false;
    }
}
