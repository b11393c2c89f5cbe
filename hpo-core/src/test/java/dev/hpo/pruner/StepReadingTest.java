package dev.hpo.pruner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.Trial;
import dev.hpo.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The step schedule and the patient pruner read a trial's reports without copying them; their answers stay those
 * of the plain definitions (Optuna's), checked here over random report sequences: steps mostly in order with gaps,
 * some out of order, NaN values, on running trials and on finished trials added with a TreeMap of reports.
 */
class StepReadingTest {

    /** Optuna's {@code _is_first_in_interval_step}: no other reported step at or after the latest check point. */
    private static boolean referenceIsCheckStep(SortedMap<Integer, Double> reports, int warmup, int interval) {
        if (reports.isEmpty()) {
            return false;
        }
        int step = reports.lastKey();
        if (step < warmup) {
            return false;
        }
        int latestCheckPoint = (step - warmup) / interval * interval + warmup;
        int previous = -1;
        for (int s : reports.keySet()) {
            if (s != step && s > previous) {
                previous = s;
            }
        }
        return previous < latestCheckPoint;
    }

    /** Optuna's PatientPruner: the best of the last patience + 1 values is not better than the best before them. */
    private static boolean referenceStalled(List<Double> values, int patience, double minDelta, Direction d) {
        if (values.size() <= patience + 1) {
            return false;
        }
        int split = values.size() - patience - 1;
        double before = IntermediateValues.best(new ArrayList<>(values.subList(0, split)), d);
        double recent = IntermediateValues.best(new ArrayList<>(values.subList(split, values.size())), d);
        return d == Direction.MINIMIZE ? before + minDelta < recent : before - minDelta > recent;
    }

    @Test
    void checkStepsAndStallsMatchTheirDefinitionsAtEveryReport() {
        for (long seed = 0; seed < 30; seed++) {
            SplittableRandom random = new SplittableRandom(seed);
            Direction direction = random.nextBoolean() ? Direction.MINIMIZE : Direction.MAXIMIZE;
            int warmup = random.nextInt(4);
            int interval = 1 + random.nextInt(4);
            int patience = random.nextInt(4);
            double minDelta = random.nextInt(3) * 0.1;
            StepSchedule schedule = new StepSchedule(warmup, interval);
            PatientPruner patient = new PatientPruner(null, patience, minDelta);
            try (Study study = PruningStudies.study("steps-" + seed, direction, new NopPruner())) {
                Trial trial = study.ask();
                TreeMap<Integer, Double> reports = new TreeMap<>();
                int next = 0;
                for (int i = 0; i < 60; i++) {
                    int step = random.nextInt(6) == 0 ? random.nextInt(next + 1) : (next += 1 + random.nextInt(3));
                    double value = random.nextInt(12) == 0 ? Double.NaN : random.nextInt(20) / 4.0;
                    trial.report(step, value);
                    reports.putIfAbsent(step, value);
                    String where = "seed " + seed + " report " + i;
                    FrozenTrial running = trial.snapshot();
                    assertEquals(referenceIsCheckStep(reports, warmup, interval), schedule.isCheckStep(running), where);
                    assertEquals(referenceStalled(new ArrayList<>(reports.values()), patience, minDelta, direction),
                            patient.prune(study, running), where);
                    FrozenTrial added = new FrozenTrial(0, -1, TrialState.PRUNED, null, null, null,
                            new TreeMap<>(reports), null, null, null, null);
                    assertEquals(schedule.isCheckStep(running), schedule.isCheckStep(added), where);
                    assertEquals(patient.prune(study, running), patient.prune(study, added), where);
                }
                study.tell(trial, TrialState.PRUNED);
            }
        }
    }
}
