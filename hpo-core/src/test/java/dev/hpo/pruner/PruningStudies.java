package dev.hpo.pruner;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.Trial;
import dev.hpo.TrialState;
import dev.hpo.storage.InMemoryStorage;
import java.util.List;
import java.util.TreeMap;

/** Hand-made studies for pruner tests: finished reference trials and running trials with reported values. */
final class PruningStudies {

    private PruningStudies() {
    }

    static Study study(Direction direction, Pruner pruner) {
        return study("pruning", direction, pruner);
    }

    static Study study(String name, Direction direction, Pruner pruner) {
        return Study.builder().name(name).storage(new InMemoryStorage()).direction(direction).pruner(pruner).build();
    }

    /** Adds a COMPLETE trial that reported {@code values} at steps 0, 1, ... and returned the last of them. */
    static void complete(Study study, double... values) {
        finished(study, TrialState.COMPLETE, values);
    }

    /** Adds a finished trial in the given state that reported {@code values} at steps 0, 1, .... */
    static void finished(Study study, TrialState state, double... values) {
        TreeMap<Integer, Double> intermediate = new TreeMap<>();
        for (int step = 0; step < values.length; step++) {
            intermediate.put(step, values[step]);
        }
        double last = values[values.length - 1];
        // a NaN report stays an intermediate value; a study stores no NaN objective value
        List<Double> result = state == TrialState.COMPLETE ? List.of(Double.isNaN(last) ? 0.0 : last) : null;
        study.addTrial(new FrozenTrial(0, -1, state, result, null, null, intermediate, null, null, null, null));
    }

    /** Starts a trial that reported {@code values} at steps 0, 1, .... */
    static Trial running(Study study, double... values) {
        Trial trial = study.ask();
        for (int step = 0; step < values.length; step++) {
            trial.report(step, values[step]);
        }
        return trial;
    }
}
