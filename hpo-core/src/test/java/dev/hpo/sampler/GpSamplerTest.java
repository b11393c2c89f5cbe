package dev.hpo.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.ObjectiveFunction;
import dev.hpo.Study;
import dev.hpo.Trial;
import dev.hpo.TrialPruned;
import dev.hpo.TrialState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GpSamplerTest {

    private static GpSampler sampler(long seed) {
        return GpSampler.builder().seed(seed).nStartupTrials(4).candidates(64).build();
    }

    private static double mixed(Trial t) {
        double x = t.suggestFloat("x", -2, 2);
        double lr = t.suggestFloat("lr", 1e-4, 1, true);
        double drop = t.suggestFloat("drop", 0, 0.5, 0.1);
        int depth = t.suggestInt("depth", 2, 10, 2);
        int units = t.suggestInt("units", 8, 512, true);
        String kind = t.suggestCategorical("kind", List.of("a", "b", "c"));
        return x * x + Math.abs(Math.log10(lr) + 2) + drop + depth * 0.1 + Math.log(units) * 0.01
                + (kind.equals("b") ? 0 : 1);
    }

    private static List<Map<String, Object>> run(long seed, int trials) {
        Study study = Study.builder().sampler(sampler(seed)).build();
        study.optimize(GpSamplerTest::mixed, trials);
        return study.trials().stream().map(FrozenTrial::params).toList();
    }

    @Test
    void sameSeedGivesSameTrials() {
        assertEquals(run(7, 12), run(7, 12));
    }

    /**
     * What two threads do: the second trial is asked for before the first has suggested (stored) anything. Without
     * the first's point counted as pending, the GP, on the same data, proposes the same corner to both.
     */
    @Test
    void aTrialAskedWhileAnotherRunsGetsAnotherPointThoughTheFirstHasSuggestedNothingYet() {
        int same = 0;
        for (long seed = 0; seed < 4; seed++) {
            Study study = Study.builder().sampler(new GpSampler(seed)).build();
            for (int pair = 0; pair < 15; pair++) {
                Trial first = study.ask();
                Trial second = study.ask();
                List<Double> a = List.of(first.suggestFloat("x", -5, 5), first.suggestFloat("y", -5, 5));
                List<Double> b = List.of(second.suggestFloat("x", -5, 5), second.suggestFloat("y", -5, 5));
                same += a.equals(b) ? 1 : 0;
                study.tell(first, Math.pow(a.get(0) - 1, 2) + Math.pow(a.get(1) + 2, 2));
                study.tell(second, Math.pow(b.get(0) - 1, 2) + Math.pow(b.get(1) + 2, 2));
            }
        }
        assertEquals(0, same, "pairs of concurrent trials given the same point");
    }

    @Test
    void differentSeedsGiveDifferentTrials() {
        assertNotEquals(run(7, 8), run(8, 8));
    }

    @Test
    void suggestionsRespectBoundsStepsLogScalesAndChoices() {
        Study study = Study.builder().sampler(sampler(3)).build();
        study.optimize(GpSamplerTest::mixed, 20);
        for (FrozenTrial t : study.trials()) {
            for (var e : t.distributions().entrySet()) {
                assertTrue(e.getValue().contains(t.internalParam(e.getKey())), t.params() + " " + e.getKey());
            }
            int depth = (Integer) t.params().get("depth");
            assertEquals(0, depth % 2, "depth on its step grid");
            double drop = (Double) t.params().get("drop");
            assertEquals(0, Math.abs(drop * 10 - Math.rint(drop * 10)), 1e-9, "drop on its step grid");
        }
    }

    @Test
    void findsTheMinimumOfASmoothFunctionQuickly() {
        Study study = Study.builder().sampler(GpSampler.builder().seed(1).nStartupTrials(5).build()).build();
        study.optimize(t -> {
            double x = t.suggestFloat("x", -5, 5);
            double y = t.suggestFloat("y", -5, 5);
            return (x - 1) * (x - 1) + (y + 2) * (y + 2);
        }, 25);
        assertTrue(study.bestValue() < 1e-2, "best " + study.bestValue());
    }

    @Test
    void aDeterministicObjectiveIsModelledWithoutNoiseAndStillFindsTheMinimum() {
        ObjectiveFunction bowl = t -> {
            double x = t.suggestFloat("x", -5, 5);
            double y = t.suggestFloat("y", -5, 5);
            return (x - 1) * (x - 1) + (y + 2) * (y + 2);
        };
        Study exact = Study.builder()
                .sampler(GpSampler.builder().seed(1).nStartupTrials(5).deterministicObjective(true).build()).build();
        exact.optimize(bowl, 25);
        Study fitted = Study.builder().sampler(GpSampler.builder().seed(1).nStartupTrials(5).build()).build();
        fitted.optimize(bowl, 25);
        assertTrue(exact.bestValue() < 1e-2, "best " + exact.bestValue());
        assertNotEquals(exact.trials().get(24).params(), fitted.trials().get(24).params(), "the model differs");
    }

    @Test
    void runningTrialsAreNotSuggestedAgain() {
        Study study = Study.builder().sampler(sampler(5)).build();
        study.optimize(t -> t.suggestFloat("x", 0, 1) + t.suggestFloat("y", 0, 1), 8);
        Trial first = study.ask();
        double x1 = first.suggestFloat("x", 0, 1);
        double y1 = first.suggestFloat("y", 0, 1);
        Trial second = study.ask();
        double x2 = second.suggestFloat("x", 0, 1);
        double y2 = second.suggestFloat("y", 0, 1);
        assertTrue(Math.hypot(x1 - x2, y1 - y2) > 1e-3, "two running trials at " + x1 + "," + y1);
    }

    @Test
    void aRegionWhereTheObjectiveFailsIsSteeredAround() {
        steersAroundTrialsThatDoNotComplete(TrialState.FAIL, () -> {
            throw new IllegalStateException("diverged");
        });
    }

    @Test
    void aRegionWhereTrialsArePrunedIsSteeredAround() {
        steersAroundTrialsThatDoNotComplete(TrialState.PRUNED, () -> {
            throw new TrialPruned();
        });
    }

    /** Trials returning +∞ were left out of the model, so their region looked unexplored: 40 of 40 late trials went. */
    @Test
    void aRegionWhereTheObjectiveIsInfiniteIsSteeredAround() {
        for (long seed = 1; seed <= 2; seed++) {
            Study study = Study.builder().sampler(sampler(seed)).build();
            study.optimize(t -> {
                double x = t.suggestFloat("x", 0, 1);
                double y = t.suggestFloat("y", 0, 1);
                return x > 0.5 ? Double.POSITIVE_INFINITY : (x - 0.45) * (x - 0.45) + (y - 0.5) * (y - 0.5);
            }, 30);
            long infinite = study.trials().subList(14, 30).stream().filter(t -> Double.isInfinite(t.value())).count();
            assertTrue(infinite <= 4, "seed " + seed + ": " + infinite + " of the last 16 trials returned +inf");
            assertTrue(study.bestValue() < 0.01, "seed " + seed + ": best " + study.bestValue());
        }
    }

    /**
     * The smooth part's minimum (1, 0) lies where trials do not complete, as a model that diverges would: ignoring
     * such trials, the GP suggested one or two of their points over and over (22 to 26 of 30 trials, best 0.65 to
     * 1.5). Steering around them, the best of 30 trials is 0.26 to 0.31 over seeds 0 to 9 (the feasible optimum is
     * 0.25); 0.35 tells the two apart with room for a seed's luck.
     */
    private static void steersAroundTrialsThatDoNotComplete(TrialState stopped, Runnable stop) {
        for (long seed = 0; seed < 3; seed++) {
            Study study = Study.builder().sampler(sampler(seed)).build();
            study.optimize(t -> {
                double x = t.suggestFloat("x", -2, 2);
                double y = t.suggestFloat("y", -2, 2);
                if (x > 0.5) {
                    stop.run();
                }
                return (x - 1) * (x - 1) + y * y;
            }, 30);
            List<FrozenTrial> stops = study.trials().stream().filter(t -> t.state() == stopped).toList();
            long distinct = stops.stream().map(t -> Math.round((Double) t.params().get("x") * 1e4) + ","
                    + Math.round((Double) t.params().get("y") * 1e4)).distinct().count();
            assertEquals(stops.size(), distinct, "seed " + seed + ": a " + stopped + " point suggested again");
            assertTrue(study.bestValue() < 0.35, "seed " + seed + ": best " + study.bestValue() + ", optimum 0.25");
        }
    }

    @Test
    void constraintsSteerTowardsTheFeasibleRegion() {
        for (long seed = 0; seed < 2; seed++) {
            // the problem of TpeSamplerTest: optimum (2, 0) on the boundary of x ≥ 2, a sixth of the box feasible
            double[] run = TpeSamplerTest.constrainedRun(new GpSampler(seed));
            assertTrue(run[0] >= 15, "seed " + seed + ": " + run[0] + " of the last 30 trials (nearly) feasible");
            assertTrue(run[1] < 4.6, "seed " + seed + ": best feasible value " + run[1] + ", optimum 4");
        }
    }
}
