package dev.hpo.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.MultiObjectiveFunction;
import dev.hpo.Study;
import dev.hpo.TrialState;
import dev.hpo.multi.Hypervolume;
import dev.hpo.pruner.NopPruner;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class GpSamplerMultiObjectiveTest {

    /** ZDT1 (Zitzler, Deb and Thiele 2000) with 4 variables: a convex front f2 = 1 − √f1 where x2..x4 = 0. */
    private static final MultiObjectiveFunction ZDT1 = t -> {
        double[] x = new double[4];
        for (int i = 0; i < x.length; i++) {
            x[i] = t.suggestFloat("x" + i, 0, 1);
        }
        double g = 1 + 9 * (x[1] + x[2] + x[3]) / 3;
        return new double[] {x[0], g * (1 - Math.sqrt(x[0] / g))};
    };

    /** DTLZ2 with three objectives and 5 variables: the front is the positive octant of the unit sphere. */
    private static final MultiObjectiveFunction DTLZ2 = NsgaIISamplerTest.dtlz2(5);

    private static Study study(Sampler sampler, Direction... directions) {
        return Study.builder().directions(directions).sampler(sampler).pruner(new NopPruner()).build();
    }

    private static double hypervolume(Study study, double... reference) {
        double[][] points = study.trials().stream().filter(t -> t.state() == TrialState.COMPLETE)
                .map(t -> t.values().stream().mapToDouble(Double::doubleValue).toArray()).toArray(double[][]::new);
        return Hypervolume.of(points, reference);
    }

    private static Study zdt1(Sampler sampler, int trials) {
        Study s = study(sampler, Direction.MINIMIZE, Direction.MINIMIZE);
        s.optimizeMulti(ZDT1, trials);
        return s;
    }

    /**
     * 40 trials of ZDT1, reference (1.1, 11), whose ideal front has hypervolume 11.77: random sampling reaches
     * about 9 on these seeds, the GP more than 10.5.
     */
    @Test
    void beatsRandomSamplingOnZdt1() {
        for (long seed = 0; seed < 3; seed++) {
            double gp = hypervolume(zdt1(new GpSampler(seed), 40), 1.1, 11);
            double random = hypervolume(zdt1(new RandomSampler(seed), 40), 1.1, 11);
            assertTrue(gp > random + 0.5, "seed " + seed + ": GP hypervolume " + gp + ", random " + random);
        }
    }

    @Test
    void sameSeedGivesSameTrials() {
        List<List<Double>> first = zdt1(new GpSampler(3), 16).trials().stream().map(FrozenTrial::values).toList();
        List<List<Double>> again = zdt1(new GpSampler(3), 16).trials().stream().map(FrozenTrial::values).toList();
        List<List<Double>> other = zdt1(new GpSampler(4), 16).trials().stream().map(FrozenTrial::values).toList();
        assertEquals(first, again);
        assertNotEquals(first, other);
    }

    /** Maximizing −f is minimizing f: the model sees the same numbers, so the trials are the same. */
    @Test
    void aMaximizedObjectiveIsModelledAsItsNegation() {
        Study min = zdt1(new GpSampler(5), 14);
        Study max = study(new GpSampler(5), Direction.MINIMIZE, Direction.MAXIMIZE);
        max.optimizeMulti(t -> {
            double[] v = ZDT1.evaluate(t);
            return new double[] {v[0], -v[1]};
        }, 14);
        assertEquals(min.trials().stream().map(FrozenTrial::params).toList(),
                max.trials().stream().map(FrozenTrial::params).toList());
    }

    /**
     * Three objectives (a smoke test): every trial completes, the GP's trials are distinct, and some land next to the
     * Pareto set of DTLZ2, where x2..x4 = 0.5: of trials 20..39 at least two (three on this seed) have g = Σ (x_i − 0.5)² below 0.01, where
     * uniform sampling puts 0.08 in expectation (a ball of radius 0.1 holds 0.4% of the cube). The GP spends many of
     * its trials on the edges of the space at this budget: the median g of those trials is 0.21 (uniform: 0.22).
     */
    @Test
    void threeObjectivesAreOptimized() {
        Study gp = study(new GpSampler(0), Direction.MINIMIZE, Direction.MINIMIZE, Direction.MINIMIZE);
        gp.optimizeMulti(DTLZ2, 40);
        assertEquals(40, gp.trials().stream().filter(t -> t.state() == TrialState.COMPLETE).count());
        assertEquals(40, gp.trials().stream().map(FrozenTrial::params).distinct().count());
        double[] g = gp.trials().subList(20, 40).stream().mapToDouble(t -> {
            double sum = 0;
            for (int i = 2; i < 5; i++) {
                double x = (Double) t.params().get("x" + i);
                sum += (x - 0.5) * (x - 0.5);
            }
            return sum;
        }).sorted().toArray();
        assertTrue(g[1] < 0.01, "distances from the Pareto set " + Arrays.toString(g));
    }

    /**
     * ZDT1 with the constraint x0 ≥ 0.6, which cuts the front to f1 ≥ 0.6: a random sampler's trials are feasible 40%
     * of the time; weighted by the probability of feasibility, most of the GP's last trials are.
     */
    @Test
    void constraintsSteerTowardsTheFeasiblePartOfTheFront() {
        for (long seed = 0; seed < 2; seed++) {
            Study s = study(new GpSampler(seed), Direction.MINIMIZE, Direction.MINIMIZE);
            s.optimizeMulti(t -> {
                double[] v = ZDT1.evaluate(t);
                t.setConstraint("x0 at least 0.6", 0.6 - (Double) t.params().get("x0"));
                return v;
            }, 40);
            long feasible = s.trials().subList(20, 40).stream().filter(FrozenTrial::isFeasible).count();
            assertTrue(feasible >= 14, "seed " + seed + ": " + feasible + " of the last 20 trials feasible");
        }
    }

    private static final MultiObjectiveFunction ZDT1_FAILING_BELOW_0_3 = t -> {
        double[] v = ZDT1.evaluate(t);
        if (v[0] < 0.3) {
            throw new IllegalStateException("diverged");
        }
        return v;
    };

    /**
     * Failed trials are handled as in the single-objective path (the acquisition is weighed by the probability that a
     * trial completes): no failed point is suggested again and the front of the completed trials still beats random
     * sampling's. The failing region x0 &lt; 0.3 holds the whole rest of the front, where the hypervolume grows most,
     * so the GP keeps probing it for a while: 12 to 14 of trials 30..59 failed over seeds 0..2 (random sampling: 9).
     */
    @Test
    void aRegionWhereTheObjectiveFailsIsNotSuggestedAgain() {
        for (long seed = 0; seed < 2; seed++) {
            Study s = study(new GpSampler(seed), Direction.MINIMIZE, Direction.MINIMIZE);
            s.optimizeMulti(ZDT1_FAILING_BELOW_0_3, 40);
            Study random = study(new RandomSampler(seed), Direction.MINIMIZE, Direction.MINIMIZE);
            random.optimizeMulti(ZDT1_FAILING_BELOW_0_3, 40);
            List<FrozenTrial> failed = s.trials().stream().filter(t -> t.state() == TrialState.FAIL).toList();
            assertEquals(failed.size(), failed.stream().map(FrozenTrial::params).distinct().count(),
                    "seed " + seed + ": a failed point suggested again");
            double gp = hypervolume(s, 1.1, 11);
            assertTrue(gp > hypervolume(random, 1.1, 11) + 0.3,
                    "seed " + seed + ": GP " + gp + ", random " + hypervolume(random, 1.1, 11));
        }
    }

    @Test
    void suggestionsStayInsideTheSpace() {
        Study s = study(GpSampler.builder().seed(6).nStartupTrials(4).candidates(64).build(), Direction.MINIMIZE,
                Direction.MAXIMIZE);
        s.optimizeMulti(t -> {
            int n = t.suggestInt("n", 1, 9, 2);
            double lr = t.suggestFloat("lr", 1e-4, 1, true);
            String kind = t.suggestCategorical("kind", List.of("a", "b"));
            return new double[] {n + Math.abs(Math.log10(lr) + 2), (kind.equals("a") ? 1 : 0) - n * 0.1};
        }, 15);
        for (FrozenTrial t : s.trials()) {
            for (var e : t.distributions().entrySet()) {
                assertTrue(e.getValue().contains(t.internalParam(e.getKey())), t.params() + " " + e.getKey());
            }
            assertEquals(1, (Integer) t.params().get("n") % 2, "n on its step grid: " + t.params());
        }
        assertEquals(15, s.trials().stream().filter(t -> t.state() == TrialState.COMPLETE).count());
    }

    @Test
    void fourObjectivesRun() {
        Study s = study(GpSampler.builder().seed(2).nStartupTrials(5).build(), Direction.MINIMIZE, Direction.MINIMIZE,
                Direction.MINIMIZE, Direction.MAXIMIZE);
        s.optimizeMulti(t -> {
            double x = t.suggestFloat("x", 0, 1);
            double y = t.suggestFloat("y", 0, 1);
            return new double[] {x, y, (1 - x) * (1 - y), -x * y - (1 - x) * y};
        }, 12);
        assertEquals(12, s.trials().stream().filter(t -> t.state() == TrialState.COMPLETE).count());
        assertEquals(12, s.trials().stream().map(FrozenTrial::params).distinct().count());
    }

    @Test
    void fiveObjectivesAreRejectedWithAClearMessage() {
        Direction[] five = new Direction[5];
        Arrays.fill(five, Direction.MINIMIZE);
        Study study = study(new GpSampler(1), five);
        var e = assertThrows(UnsupportedOperationException.class, study::ask);
        assertTrue(e.getMessage().contains("up to 4 objectives") && e.getMessage().contains("has 5")
                && e.getMessage().contains("nsga3"), e.getMessage());
    }
}
