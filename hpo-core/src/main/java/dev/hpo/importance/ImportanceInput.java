package dev.hpo.importance;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialState;
import dev.hpo.sampler.IntersectionSearchSpace;
import dev.hpo.space.Distribution;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * What every evaluator starts from: the parameters to assess (split into those that vary and those with a
 * single value), the completed trials that have all of them and a finite target, and the target values.
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
        if (complete.isEmpty()) {
            throw new IllegalStateException("study " + study.name()
                    + " has no completed trial; importance needs completed trials");
        }
        Map<String, Distribution> space = params == null ? IntersectionSearchSpace.of(study, false)
                : distributionsOf(study, complete, params);
        ToDoubleFunction<FrozenTrial> t = target != null ? target : FrozenTrial::value;
        List<FrozenTrial> used = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (FrozenTrial trial : complete) {
            if (!hasAll(trial, space)) {
                continue;
            }
            double v = t.applyAsDouble(trial);
            if (Double.isFinite(v)) {
                used.add(trial);
                values.add(v);
            }
        }
        if (used.isEmpty() && !space.isEmpty()) {
            throw new IllegalStateException("study " + study.name() + " has no completed trial with parameters "
                    + space.keySet() + " and a finite target value");
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
            throw new IllegalArgumentException("no completed trial of study " + study.name()
                    + " has all of the parameters " + params);
        }
        return out;
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
     * Importances of the varying parameters (raw scores, any scale) as the result every evaluator returns:
     * scaled to sum to 1 (equal shares when every score is 0), single-valued parameters at 0, sorted from the
     * most important (ties by name).
     */
    Map<String, Double> result(double[] scores) {
        return shares(varying, single, scores);
    }

    /** {@link #result} for any split of the parameters into varying ones (with {@code scores}) and single ones. */
    static Map<String, Double> shares(List<String> varying, List<String> single, double[] scores) {
        double sum = 0;
        for (double s : scores) {
            sum += s;
        }
        List<Map.Entry<String, Double>> entries = new ArrayList<>();
        for (int i = 0; i < varying.size(); i++) {
            double share = sum > 0 ? scores[i] / sum : 1.0 / varying.size();
            entries.add(Map.entry(varying.get(i), share));
        }
        for (String s : single) {
            entries.add(Map.entry(s, 0.0));
        }
        entries.sort(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        Map<String, Double> out = new LinkedHashMap<>();
        entries.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }
}
