package dev.hpo.pruner;

import static dev.hpo.pruner.PercentilePrunerTest.assertMessage;
import static dev.hpo.pruner.PruningStudies.study;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.Trial;
import dev.hpo.TrialPruned;
import dev.hpo.TrialState;
import dev.hpo.storage.InMemoryStorage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WilcoxonPrunerTest {

    /** Per-instance difficulty: what makes a paired test stronger than comparing means. */
    private static final double[] HARDNESS = {5, 1, 9, 3, 7, 2, 8, 4, 6, 0};

    /**
     * p-values of {@code scipy.stats.wilcoxon(d, alternative=..., zero_method="zsplit").pvalue}, SciPy 1.17.1, the call
     * Optuna's WilcoxonPruner makes: exact below 51 differences (ties and zeros included), normal beyond.
     */
    @Test
    void pValuesAreScipys() {
        assertP(0.03125, 1.0, 1, 2, 3, 4, 5);
        assertP(0.0625, 0.96875, -1, 2, 3, 4, 5);
        assertP(0.01953125, 0.98828125, 0.5, -0.2, 1.3, 0.8, -0.1, 2.0, 0.7, 0.9);
        assertP(0.01953125, 0.9921875, 1, 1, 2, 2, 3, -1, 0.5, 4);
        assertP(0.046875, 0.984375, 0, 0, 1, 2, 3, -1, 4, 5);
        assertP(0.4609375, 0.6015625, 1, -1, 2, -2, 3, -3, 0.5, 0, 0);
        double[] large = new double[60];
        double[] largeTied = new double[60];
        for (int i = 0; i < 60; i++) {
            large[i] = ((i * 37) % 23 - 7) / 3.0 + 0.01 * i;
            largeTied[i] = Math.floorDiv((i * 37) % 23 - 7, 3);
        }
        assertP(6.784952466508373e-06, 0.9999932150475335, large);
        assertP(0.0018728063949280235, 0.998127193605072, largeTied);
        assertEquals(1.0, SignedRankTest.pGreater(new double[] {0, 0, 0}));
    }

    private static void assertP(double greater, double less, double... differences) {
        assertEquals(greater, SignedRankTest.pGreater(differences), 1e-12, "greater");
        assertEquals(less, SignedRankTest.pLess(differences), 1e-12, "less");
    }

    @Test
    void prunesATrialWorseOnEveryInstanceOnceTheTestIsSure() {
        Study study = study(Direction.MINIMIZE, new WilcoxonPruner());
        completeWithScores(study, 0.0);
        Trial trial = study.ask();
        List<Boolean> decisions = new ArrayList<>();
        for (int instance = 0; instance < HARDNESS.length; instance++) {
            trial.report(instance, HARDNESS[instance] + 0.5 + 0.01 * instance);
            decisions.add(trial.shouldPrune());
        }
        // one-sided exact p after k instances all worse: 2^-k, below 0.1 from the fourth instance on
        assertEquals(List.of(false, false, false, true), decisions.subList(0, 4));
    }

    @Test
    void instancesArePairedByStepWhateverTheOrder() {
        Study study = study(Direction.MINIMIZE, new WilcoxonPruner(0.1, 0));
        completeWithScores(study, 0.0);
        Trial trial = study.ask();
        int[] order = {8, 2, 6, 0, 4};
        for (int instance : order) {
            // hard instances in a shuffled order, each paired with the best trial's score on it and 0.3 worse
            trial.report(instance, HARDNESS[instance] + 0.3);
        }
        assertTrue(trial.shouldPrune());
    }

    @Test
    void aTrialWhoseMeanIsAtLeastAsGoodIsNeverPruned() {
        Study study = study(Direction.MINIMIZE, new WilcoxonPruner(0.5, 0));
        completeWithScores(study, 0.0);
        Trial trial = study.ask();
        // worse on the first four instances by a little, much better on the fifth: mean better than the best's
        for (int instance = 0; instance < 4; instance++) {
            trial.report(instance, HARDNESS[instance] + 0.1);
        }
        assertTrue(trial.shouldPrune(), "worse so far");
        trial.report(4, HARDNESS[4] - 30);
        assertFalse(trial.shouldPrune(), "its mean beats the best trial's, so it may become the best");
    }

    @Test
    void maximizingPrunesTrialsBelowTheBest() {
        Study study = study(Direction.MAXIMIZE, new WilcoxonPruner());
        completeWithScores(study, 0.0);
        Trial worse = study.ask();
        Trial better = study.ask();
        for (int instance = 0; instance < 6; instance++) {
            worse.report(instance, HARDNESS[instance] - 1);
            better.report(instance, HARDNESS[instance] + 1);
        }
        assertTrue(worse.shouldPrune());
        assertFalse(better.shouldPrune());
    }

    @Test
    void startupStepsCountInstancesSharedWithTheBestTrial() {
        Study study = study(Direction.MINIMIZE, new WilcoxonPruner(0.1, 6));
        completeWithScores(study, 0.0);
        Trial trial = study.ask();
        for (int instance = 0; instance < 5; instance++) {
            trial.report(instance, HARDNESS[instance] + 1);
        }
        trial.report(100, 50.0);  // an instance the best trial never saw: not a pair
        assertFalse(trial.shouldPrune());
        trial.report(5, HARDNESS[5] + 1);
        assertTrue(trial.shouldPrune());
    }

    @Test
    void nothingToCompareWithMeansNoPruning() {
        WilcoxonPruner pruner = new WilcoxonPruner(0.5, 0);
        Study empty = study(Direction.MINIMIZE, pruner);
        assertFalse(worseOnFiveInstances(empty).shouldPrune(), "no completed trial");

        Study withoutScores = study(Direction.MINIMIZE, pruner);
        withoutScores.addTrial(new FrozenTrial(0, -1, TrialState.COMPLETE, List.of(0.0), null, null, null, null, null,
                null, null));
        assertFalse(worseOnFiveInstances(withoutScores).shouldPrune(), "best trial reported no scores");

        Study nan = study(Direction.MINIMIZE, pruner);
        completeWithScores(nan, 0.0);
        Trial trial = worseOnFiveInstances(nan);
        trial.report(5, Double.NaN);
        assertFalse(trial.shouldPrune(), "a NaN score");
    }

    @Test
    void optionsAreChecked() {
        assertMessage(() -> new WilcoxonPruner(1.5, 2), "pThreshold", "1.5");
        assertMessage(() -> new WilcoxonPruner(0.1, -1), "nStartupSteps", "-1");
    }

    /** A study of the mean over 30 noisy instances: the pruner stops most poor trials early, never the best. */
    @Test
    void aStudyOfAMeanOverInstancesSpendsFewerEvaluations() {
        double[] hardness = new Random(7).doubles(30, 0, 10).toArray();
        Study study = Study.builder().name("mean").storage(new InMemoryStorage()).direction(Direction.MINIMIZE)
                .sampler(new dev.hpo.sampler.RandomSampler(3)).pruner(new WilcoxonPruner()).build();
        int[] evaluations = {0};
        study.optimize(trial -> {
            double x = trial.suggestFloat("x", -3, 3);
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < hardness.length; i++) {
                order.add(i);
            }
            Collections.shuffle(order, new Random(trial.number()));
            double sum = 0;
            for (int i : order) {
                double score = hardness[i] + x * x + 0.05 * Math.sin(i * 12.9898 + trial.number());
                evaluations[0]++;
                sum += score;
                trial.report(i, score);
                if (trial.shouldPrune()) {
                    throw new TrialPruned();
                }
            }
            return sum / hardness.length;
        }, 40);

        long pruned = study.trials().stream().filter(t -> t.state() == TrialState.PRUNED).count();
        assertTrue(pruned >= 20, "pruned " + pruned + " of 40");
        assertTrue(evaluations[0] < 40 * 30 / 2, "evaluations " + evaluations[0]);
        FrozenTrial best = study.bestTrial();
        assertEquals(hardness.length, best.intermediateValues().size(), "the best trial saw every instance");
        double bestX = (double) best.params().get("x");
        for (FrozenTrial t : study.trials()) {
            double x = (double) t.params().get("x");
            assertTrue(t.state() == TrialState.COMPLETE || Math.abs(x) > Math.abs(bestX), "pruned a better x: " + x);
        }
    }

    /** A completed trial that scored HARDNESS[i] + offset on instance i and returned the mean. */
    private static void completeWithScores(Study study, double offset) {
        Trial trial = study.ask();
        double sum = 0;
        for (int instance = 0; instance < HARDNESS.length; instance++) {
            trial.report(instance, HARDNESS[instance] + offset);
            sum += HARDNESS[instance] + offset;
        }
        study.tell(trial, sum / HARDNESS.length);
    }

    private static Trial worseOnFiveInstances(Study study) {
        Trial trial = study.ask();
        for (int instance = 0; instance < 5; instance++) {
            trial.report(instance, HARDNESS[instance] + 1);
        }
        return trial;
    }
}
