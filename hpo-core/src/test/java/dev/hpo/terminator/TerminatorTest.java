package dev.hpo.terminator;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.ObjectiveFunction;
import dev.hpo.OptimizeOptions;
import dev.hpo.Study;
import dev.hpo.Trial;
import dev.hpo.TrialState;
import dev.hpo.sampler.TpeSampler;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TerminatorTest {

    private static final ObjectiveFunction BOWL = t -> {
        double x = t.suggestFloat("x", 0, 1);
        double y = t.suggestFloat("y", 0, 1);
        return (x - 0.3) * (x - 0.3) + (y - 0.7) * (y - 0.7);
    };

    @Test
    void theCrossValidationErrorIsTheCorrectedSpreadOfTheBestTrialsFoldScores() {
        Study study = Study.builder().name("cv").build();
        Trial trial = study.ask();
        Terminator.reportCrossValidationScores(trial, 0.8, 0.9, 1.0);
        study.tell(trial, 0.9);
        // population variance 0.02/3, corrected by 1/3 + 1/2 (Nadeau and Bengio)
        assertEquals(Math.sqrt((1.0 / 3 + 1.0 / 2) * 0.02 / 3), new CrossValidationErrorEvaluator().evaluate(study),
                1e-12);
        assertEquals(List.of(0.8, 0.9, 1.0), study.bestTrial().systemAttrs().get(Terminator.CV_SCORES_ATTR));
    }

    @Test
    void missingOrTooFewScoresAreClearErrors() {
        Study study = Study.builder().name("no-cv").build();
        Trial trial = study.ask();
        assertThrows(IllegalArgumentException.class, () -> Terminator.reportCrossValidationScores(trial, 0.5));
        study.tell(trial, 1.0);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new CrossValidationErrorEvaluator().evaluate(study));
        assertTrue(e.getMessage().contains("reportCrossValidationScores"), e.getMessage());

        Study written = Study.builder().name("strings").build();
        Trial other = written.ask();
        other.setSystemAttr(Terminator.CV_SCORES_ATTR, List.of("0.8", "0.9"));  // as another tool might have stored
        written.tell(other, 1.0);
        IllegalStateException bad = assertThrows(IllegalStateException.class,
                () -> new CrossValidationErrorEvaluator().evaluate(written));
        assertTrue(bad.getMessage().contains("[0.8, 0.9]") && bad.getMessage().contains("two or more numbers"),
                bad.getMessage());
    }

    @Test
    void theRegretBoundShrinksAsTheStudyConverges() {
        Study study = Study.builder().name("bowl").sampler(TpeSampler.builder().seed(1).build()).build();
        RegretBoundEvaluator regret = new RegretBoundEvaluator();
        study.optimize(BOWL, 40);
        double early = regret.evaluate(study);
        study.optimize(BOWL, 280);
        double late = regret.evaluate(study);
        assertTrue(early >= 0 && Double.isFinite(early) && late >= 0, early + " then " + late);
        assertTrue(late < early / 10, "the bound fell from " + early + " to " + late);
    }

    @Test
    void theCallbackStopsOnceTheBoundIsBelowTheErrorAndNotBeforeMinTrials() {
        Study loose = Study.builder().name("loose").sampler(TpeSampler.builder().seed(2).build()).build();
        TerminatorCallback stopping = new TerminatorCallback(Terminator.byName("1e9"));
        loose.optimize(BOWL, OptimizeOptions.builder().trials(100).callback(stopping).build());
        assertEquals(20, loose.trials().size(), "any bound is below a huge error, but only from the 20th trial on");
        assertTrue(stopping.stoppedStudy());
        assertTrue(stopping.reason().startsWith("after 20 completed trials the improvement still possible (at most ")
                && stopping.reason().endsWith("is below the error of the values (1.000e+09)"), stopping.reason());

        Study strict = Study.builder().name("strict").sampler(TpeSampler.builder().seed(2).build()).build();
        TerminatorCallback going = new TerminatorCallback(Terminator.byName("0"));
        strict.optimize(BOWL, OptimizeOptions.builder().trials(40).callback(going).build());
        assertEquals(40, strict.trials().size(), "no bound is below an error of 0");
        assertFalse(going.stoppedStudy());
        assertEquals("", going.reason());
    }

    @Test
    void everyJudgementIsStoredWithTheStudyForTheReport() {
        Study study = Study.builder().name("judged").sampler(TpeSampler.builder().seed(4).build()).build();
        study.optimize(BOWL, OptimizeOptions.builder().trials(30).callback(
                new TerminatorCallback(Terminator.byName("0"))).build());
        SortedMap<Integer, Terminator.Evaluation> judged = TerminatorCallback.evaluations(study.systemAttrs());
        assertEquals(List.of(19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29), List.copyOf(judged.keySet()),
                "one judgement after every trial from the 20th completed one");
        assertEquals(20, judged.get(19).completeTrials());
        assertEquals(30, judged.get(29).completeTrials());
        assertTrue(judged.values().stream().allMatch(e -> e.improvement() >= 0 && e.error() == 0), judged.toString());

        Study other = Study.builder().name("other").build();
        other.setSystemAttr(TerminatorCallback.EVALUATION_ATTR_PREFIX + "x", Map.of("improvement", 1));
        other.setSystemAttr(TerminatorCallback.EVALUATION_ATTR_PREFIX + "3", "not a judgement");
        assertTrue(TerminatorCallback.evaluations(other.systemAttrs()).isEmpty(), "other shapes are skipped");
    }

    @Test
    void theMedianErrorIsAShareOfTheMedianBoundOverGrowingPrefixesAfterTheWarmUp() {
        Study study = Study.builder().name("median").sampler(TpeSampler.builder().seed(6).build()).build();
        // judges each prefix by its size and by the number of its first trial (kept as the user attribute "n")
        MedianErrorEvaluator bySize = new MedianErrorEvaluator(s -> s.trials().size(), 10, 20, 0.01);
        MedianErrorEvaluator byFirst = new MedianErrorEvaluator(
                s -> ((Number) s.trials().get(0).userAttrs().get("n")).doubleValue(), 10, 20, 0.01);
        ObjectiveFunction numbered = t -> {
            t.setUserAttr("n", t.number());
            return t.suggestFloat("x", 0, 1);
        };
        study.optimize(numbered, 29);
        assertEquals(Double.NEGATIVE_INFINITY, bySize.evaluate(study), "nothing is judged before 30 completed trials");
        study.optimize(numbered, 1);
        assertEquals(0.11, bySize.evaluate(study), 1e-12, "prefixes of 1..20 trials: the median (upper) is 11");
        assertEquals(0.10, byFirst.evaluate(study), 1e-12, "every prefix starts after the 10 warm-up trials");
        study.optimize(numbered, 10);
        assertEquals(0.11, bySize.evaluate(study), 1e-12, "kept once computed");
    }

    @Test
    void aMedianTerminatorStopsABowlOnceItsBoundFallsToAShareOfTheEarlyOnes() {
        // a tenth rather than terminator "median"'s hundredth, which takes this bowl some 300 trials of judgements
        Study study = Study.builder().name("bowl").sampler(TpeSampler.builder().seed(7).build()).build();
        TerminatorCallback callback = new TerminatorCallback(new Terminator(new RegretBoundEvaluator(),
                new MedianErrorEvaluator(new RegretBoundEvaluator(), 10, 20, 0.1), Terminator.DEFAULT_MIN_TRIALS));
        study.optimize(BOWL, OptimizeOptions.builder().trials(300).callback(callback).build());
        int run = study.trials().size();
        assertTrue(callback.stoppedStudy() && run > 30 && run < 300, run + " trials: " + callback.reason());
    }

    @Test
    void theExpectedMinimumModelRegretShrinksAsTheModelsStopChanging() {
        Study study = Study.builder().name("bowl").sampler(TpeSampler.builder().seed(1).build()).build();
        EmmrEvaluator emmr = new EmmrEvaluator();
        study.optimize(BOWL, 1);
        assertEquals(Double.POSITIVE_INFINITY, emmr.evaluate(study), "nothing is judged on one trial");
        double[] early = new double[10];
        for (int i = 0; i < early.length; i++) {
            study.optimize(BOWL, 1);
            early[i] = emmr.evaluate(study);
        }
        study.optimize(BOWL, 200);
        double[] late = new double[10];
        for (int i = 0; i < late.length; i++) {
            study.optimize(BOWL, 1);
            late[i] = emmr.evaluate(study);
        }
        for (double v : late) {
            assertTrue(v >= 0 && Double.isFinite(v), Arrays.toString(late));
        }
        double earlyMedian = median(early);
        double lateMedian = median(late);
        assertTrue(lateMedian < earlyMedian / 10, "the median bound fell from " + earlyMedian + " to " + lateMedian);
    }

    @Test
    void theExpectedMinimumModelRegretIsTheSameForAMaximizedStudyOfTheNegatedValues() {
        Study minimized = Study.builder().name("min").sampler(TpeSampler.builder().seed(3).build()).build();
        minimized.optimize(BOWL, 25);
        Study maximized = Study.builder().name("max").direction(Direction.MAXIMIZE).build();
        for (FrozenTrial t : minimized.trials()) {
            FrozenTrial.Builder copy = FrozenTrial.builder().value(-t.value());
            t.params().forEach((name, value) -> copy.param(name, value, t.distributions().get(name)));
            maximized.addTrial(copy.build());
        }
        assertEquals(new EmmrEvaluator().evaluate(minimized), new EmmrEvaluator().evaluate(maximized), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> new EmmrEvaluator(false, 1.5, 2));
        assertThrows(IllegalArgumentException.class, () -> new EmmrEvaluator(false, 0.1, 1));
    }

    @Test
    void theEmmrTerminatorStopsABowlOnceItsErrorIsKnown() {
        Study study = Study.builder().name("bowl").sampler(TpeSampler.builder().seed(7).build()).build();
        TerminatorCallback callback = new TerminatorCallback(Terminator.byName("emmr"));
        study.optimize(BOWL, OptimizeOptions.builder().trials(400).callback(callback).build());
        int run = study.trials().size();
        // the median error needs 10 warm-up and 20 initial trials; a smooth deterministic bowl stops soon after
        assertTrue(callback.stoppedStudy() && run >= 30 && run < 400, run + " trials: " + callback.reason());
        assertTrue(study.bestValue() < 0.01, "stopped near the optimum: " + study.bestValue());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    @Test
    void aTerminatorByNameIsTheCrossValidationOneOrAFixedError() {
        Study study = Study.builder().name("named").sampler(TpeSampler.builder().seed(5).build()).build();
        study.optimize(BOWL, 20);
        assertEquals(0.25, Terminator.byName(" 0.25 ").evaluate(study).orElseThrow().error());
        IllegalStateException noScores = assertThrows(IllegalStateException.class,
                () -> Terminator.byName("CV").evaluate(study));
        assertTrue(noScores.getMessage().contains("reportCrossValidationScores"), noScores.getMessage());
        for (String bad : List.of("gp", "-0.1", "NaN", "Infinity", "")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Terminator.byName(bad));
            assertTrue(e.getMessage().contains("'" + bad + "'") && e.getMessage().contains("'cv'"), e.getMessage());
        }
    }

    @Test
    void theNoisierTheFoldsTheSoonerTheStudyStops() {
        int noisy = trialsUntilStopped(0.05);
        int quiet = trialsUntilStopped(0.0005);
        assertTrue(noisy >= Terminator.DEFAULT_MIN_TRIALS && noisy < quiet && quiet < 300,
                "fold noise 0.05: " + noisy + " trials; 0.0005: " + quiet);
    }

    /** A five-fold cross-validated bowl whose folds scatter by {@code noise}, under the default terminator. */
    private static int trialsUntilStopped(double noise) {
        Study study = Study.builder().name("noisy").sampler(TpeSampler.builder().seed(3).build()).build();
        study.optimize(t -> {
            double x = t.suggestFloat("x", 0, 1);
            SplittableRandom folds = new SplittableRandom(t.number());
            double[] scores = new double[5];
            double sum = 0;
            for (int k = 0; k < scores.length; k++) {
                scores[k] = (x - 0.4) * (x - 0.4) + noise * folds.nextGaussian();
                sum += scores[k];
            }
            Terminator.reportCrossValidationScores(t, scores);
            return sum / scores.length;
        }, OptimizeOptions.builder().trials(300).callback(new TerminatorCallback()).build());
        return study.trials().size();
    }

    @Test
    void theStagnationCountIsTheAllowanceMinusTheCompletedTrialsSinceTheBestAndGoesBelowZero() {
        for (Direction direction : Direction.values()) {
            double sign = direction == Direction.MINIMIZE ? 1 : -1;
            Study study = Study.builder().name("stagnant").direction(direction).build();
            for (double v : new double[] {5, 3, 4, 3, 6, 7}) {  // the best at the second trial, a tie later
                study.tell(study.ask(), sign * v);
            }
            study.tell(study.ask(), TrialState.FAIL, (double[]) null);
            assertEquals(1, new BestValueStagnationEvaluator(5).evaluate(study), 1e-12, direction::toString);
            assertEquals(-4, new BestValueStagnationEvaluator(0).evaluate(study), 1e-12, direction::toString);
        }
        assertThrows(IllegalArgumentException.class, () -> new BestValueStagnationEvaluator(-1));
        Study empty = Study.builder().name("empty").build();
        assertThrows(IllegalStateException.class, () -> new BestValueStagnationEvaluator(3).evaluate(empty));
    }

    @Test
    void onStagnationStopsAfterTheAllowedTrialsWithoutANewBestAndNotBeforeMinTrials() {
        List<Double> values = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            values.add(i < 25 ? 100.0 - i : 60.0 + i);  // improves for 25 trials, then never again
        }
        Study study = Study.builder().name("plateau").build();
        TerminatorCallback stopping = new TerminatorCallback(Terminator.onStagnation(10));
        study.optimize(t -> values.get(t.number()), OptimizeOptions.builder().trials(100).callback(stopping).build());
        assertEquals(36, study.trials().size(), "the best is trial 24; 11 trials later the allowance of 10 is spent");
        assertTrue(stopping.stoppedStudy());

        Study early = Study.builder().name("early").build();
        TerminatorCallback patient = new TerminatorCallback(Terminator.onStagnation(0));
        early.optimize(t -> 1.0, OptimizeOptions.builder().trials(100).callback(patient).build());
        assertEquals(20, early.trials().size(), "a flat study stagnates at once, but stops only from the 20th trial");
    }
}
