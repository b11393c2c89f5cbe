package dev.hpo.importance;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialState;
import dev.hpo.sampler.IntersectionSearchSpace;
import dev.hpo.space.Distribution;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;

/**
 * What the forest evaluators start from: the parameters to assess (split into those that vary and those with a
 * single value), the completed trials that have all of them and a finite target (none when no parameter is
 * assessed), and the target values.
 *
 * @param varying parameters whose distribution has more than one value, in name order
 * @param single parameters whose distribution has one value (their importance is 0)
 * @param distributions the distribution of every assessed parameter
 * @param trials the trials used, in number order
 * @param targets the target value of each trial, aligned with {@code trials}
 */
record ImportanceInput(
        List<String> varying,
        List<String> single,
        Map<String, Distribution> distributions,
        List<FrozenTrial> trials,
        double[] targets) {

    static ImportanceInput of(Study study, List<String> params, ToDoubleFunction<FrozenTrial> target) {
        if (target == null && study.directions().size() > 1) {
            throw new IllegalArgumentException("study " + study.name() + " has " + study.directions().size()
                    + " objectives; give a target to explain, for example t -> t.values().get(0)");
        }
        List<FrozenTrial> complete = study.trials(EnumSet.of(TrialState.COMPLETE));
        Map<String, Distribution> space = params == null ? IntersectionSearchSpace.of(study, false)
                : params.isEmpty() ? Map.of() : distributionsOf(study, complete, params);
        ToDoubleFunction<FrozenTrial> t = target != null ? target : FrozenTrial::value;
        List<FrozenTrial> used = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (FrozenTrial trial : complete) {
            if (space.isEmpty() || !hasAll(trial, space)) {
                continue;
            }
            double v = t.applyAsDouble(trial);
            if (Double.isFinite(v)) {
                used.add(trial);
                values.add(v);
            }
        }
        List<String> varying = new ArrayList<>();
        List<String> single = new ArrayList<>();
        space.forEach((name, d) -> (d.isSingle() ? single : varying).add(name));
        return new ImportanceInput(List.copyOf(varying), List.copyOf(single), space, List.copyOf(used),
                values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /**
     * The distributions of the given parameters in the completed trials that have all of them (Optuna's
     * {@code _get_distributions}): a trial that lacks one of them is not used, so what it suggested does not count.
     */
    private static Map<String, Distribution> distributionsOf(Study study, List<FrozenTrial> complete,
            List<String> params) {
        Map<String, Distribution> out = null;
        for (FrozenTrial trial : complete) {
            if (!trial.distributions().keySet().containsAll(params)) {
                continue;
            }
            if (out == null) {
                out = new TreeMap<>();
                for (String p : params) {
                    out.put(p, trial.distributions().get(p));
                }
                continue;
            }
            for (String p : params) {
                Distribution d = trial.distributions().get(p);
                if (!out.get(p).equals(d)) {
                    throw new IllegalArgumentException("parameter '" + p + "' of study " + study.name()
                            + " has two distributions (" + out.get(p) + " and " + d + "); importance needs one");
                }
            }
        }
        if (out == null) {
            throw new IllegalArgumentException(noTrialHasAll(study, complete, params));
        }
        return out;
    }

    /** Why no completed trial has all the parameters asked for, and what to do about it. */
    private static String noTrialHasAll(Study study, List<FrozenTrial> complete, List<String> params) {
        Set<String> known = new TreeSet<>();
        complete.forEach(t -> known.addAll(t.distributions().keySet()));
        List<String> unknown = params.stream().filter(p -> !known.contains(p)).toList();
        String message = "no completed trial of study " + study.name() + " has all of the parameters " + params;
        if (!unknown.isEmpty()) {
            return message + ": " + unknown + " " + (unknown.size() == 1 ? "is" : "are") + " in no completed trial;"
                    + " name parameters of the completed trials " + known;
        }
        return message + ": assess them one at a time, or with PedAnovaImportance, which reads each parameter in"
                + " the trials that have it";
    }

    private static boolean hasAll(FrozenTrial trial, Map<String, Distribution> space) {
        for (String name : space.keySet()) {
            if (!trial.params().containsKey(name)) {
                return false;
            }
        }
        return true;
    }

    /** The internal value of a parameter in every trial used. */
    double[] column(String param) {
        double[] out = new double[trials.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = trials.get(i).internalParam(param);
        }
        return out;
    }

    /**
     * The raw importances of every assessed parameter, in descending order: the varying parameters' scores
     * (aligned with {@link #varying}; {@code null}: all 0) and 0 for the single-valued ones.
     */
    Map<String, Double> raw(double[] scores) {
        List<String> names = new ArrayList<>(varying);
        names.addAll(single);
        double[] all = new double[names.size()];
        if (scores != null) {
            System.arraycopy(scores, 0, all, 0, scores.length);
        }
        return Importances.ranked(names, all);
    }
}
