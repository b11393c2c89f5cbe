package dev.hpo.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.OptimizeOptions;
import dev.hpo.Study;
import dev.hpo.Trial;
import dev.hpo.TrialPruned;
import dev.hpo.TrialState;
import dev.hpo.multi.Hypervolume;
import dev.hpo.pruner.NopPruner;
import dev.hpo.space.Distribution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

class TpeSamplerTest {

    private static Study study(Sampler sampler) {
        return Study.builder().sampler(sampler).pruner(new NopPruner()).build();
    }

    private static double sphere(Trial t) {
        double x = t.suggestFloat("x", -10, 10);
        double y = t.suggestFloat("y", -10, 10);
        return x * x + y * y;
    }

    @Test
    void multivariateValuesRespectBoundsStepsAndChoicesOverManySeeds() {
        for (long seed = 0; seed < 12; seed++) {
            SamplerProperties.assertInSpace(SamplerProperties.run(new TpeSampler(seed), 40));
        }
    }

    @Test
    void independentValuesRespectBoundsStepsAndChoicesOverManySeeds() {
        for (long seed = 0; seed < 12; seed++) {
            SamplerProperties.assertInSpace(SamplerProperties.run(
                    TpeSampler.builder().seed(seed).multivariate(false).build(), 40));
        }
    }

    @Test
    void sameSeedGivesSameTrials() {
        SamplerProperties.assertReproducible(TpeSampler::new, 30);
        SamplerProperties.assertReproducible(s -> TpeSampler.builder().seed(s).multivariate(false).build(), 25);
        SamplerProperties.assertReproducible(s -> TpeSampler.builder().seed(s).group(true).build(), 25);
    }

    private static double medianBest(LongFunction<Sampler> sampler, int trials) {
        double[] best = new double[9];
        for (int seed = 0; seed < best.length; seed++) {
            Study s = study(sampler.apply(seed));
            s.optimize(TpeSamplerTest::sphere, trials);
            best[seed] = s.bestValue();
        }
        Arrays.sort(best);
        return best[best.length / 2];
    }

    @Test
    void beatsRandomSearchOnAQuadratic() {
        double tpe = medianBest(TpeSampler::new, 60);
        double random = medianBest(RandomSampler::new, 60);
        // typical medians: TPE about 0.05, random about 2; a factor 4 leaves room for any seed set
        assertTrue(tpe < random / 4, "TPE median " + tpe + ", random median " + random);
    }

    @Test
    void independentModeAlsoBeatsRandomSearch() {
        double tpe = medianBest(s -> TpeSampler.builder().seed(s).multivariate(false).build(), 60);
        double random = medianBest(RandomSampler::new, 60);
        assertTrue(tpe < random / 2, "independent TPE median " + tpe + ", random median " + random);
    }

    @Test
    void multivariateModelsTheSharedParametersJointly() {
        Study s = study(new TpeSampler(0));
        s.optimize(TpeSamplerTest::sphere, 12);
        FrozenTrial any = s.trials().get(0);
        assertEquals(Set.of("x", "y"), s.sampler().inferRelativeSearchSpace(s, any).keySet());
        assertEquals(Set.of("x", "y"), s.sampler().sampleRelative(s, any,
                s.sampler().inferRelativeSearchSpace(s, any)).keySet());
    }

    @Test
    void independentModeHasNoRelativeSpace() {
        Study s = study(TpeSampler.builder().seed(0).multivariate(false).build());
        s.optimize(TpeSamplerTest::sphere, 12);
        assertTrue(s.sampler().inferRelativeSearchSpace(s, s.trials().get(0)).isEmpty());
    }

    @Test
    void startupTrialsAreRandomThenTheModelTakesOver() {
        Study s = study(TpeSampler.builder().seed(0).nStartupTrials(5).build());
        s.optimize(TpeSamplerTest::sphere, 4);
        FrozenTrial any = s.trials().get(0);
        Map<String, Distribution> space = s.sampler().inferRelativeSearchSpace(s, any);
        assertTrue(s.sampler().sampleRelative(s, any, space).isEmpty(), "4 of 5 start-up trials done");
        s.optimize(TpeSamplerTest::sphere, 1);
        assertFalse(s.sampler().sampleRelative(s, any, space).isEmpty(), "5 of 5 start-up trials done");
    }

    /** Two branches with their own parameters: the group of a branch is modelled from that branch's trials. */
    private static double conditional(Trial t) {
        String branch = t.suggestCategorical("branch", List.of("left", "right"));
        if (branch.equals("left")) {
            double a = t.suggestFloat("a", -5, 5);
            return a * a;
        }
        double b = t.suggestFloat("b", 0, 10);
        int c = t.suggestInt("c", 0, 10);
        return 1 + (b - 3) * (b - 3) + c;
    }

    @Test
    void groupModeModelsEachBranchOfAConditionalSpace() {
        Study s = study(TpeSampler.builder().seed(1).group(true).build());
        s.optimize(TpeSamplerTest::conditional, 20);
        FrozenTrial any = s.trials().get(0);
        Map<String, Distribution> space = s.sampler().inferRelativeSearchSpace(s, any);
        assertEquals(Set.of("branch", "a", "b", "c"), space.keySet());
        Map<String, Double> sample = s.sampler().sampleRelative(s, any, space);
        assertEquals(Set.of("branch", "a", "b", "c"), sample.keySet());
        s.optimize(TpeSamplerTest::conditional, 40);
        assertTrue(s.bestValue() < 0.5, "best " + s.bestValue());
    }

    @Test
    void withoutGroupsOnlyTheAlwaysPresentParameterIsJoint() {
        Study s = study(new TpeSampler(1));
        s.optimize(TpeSamplerTest::conditional, 20);
        assertEquals(Set.of("branch"), s.sampler().inferRelativeSearchSpace(s, s.trials().get(0)).keySet());
    }

    @Test
    void constantLiarKeepsParallelWorkersOffEachOthersPoints() {
        assertNoRunningTrialsMeet(TpeSampler.builder().seed(5).constantLiar(true).nStartupTrials(4)
                .optunaDefaults().build());
    }

    @Test
    void withTheDefaultClipTheLiarStillKeepsWorkersOffEachOthersPoints() {
        // hpo's tighter clip lets ℓ(x) peak on this grid's optimum once found; without the rule that skips the
        // candidates a running trial holds, two workers met there in 11 of 40 seeds (tpe-defaults.md)
        for (long seed = 0; seed < 8; seed++) {
            assertNoRunningTrialsMeet(TpeSampler.builder().seed(seed).constantLiar(true).nStartupTrials(4).build());
        }
    }

    /** Two workers on a 21 × 21 grid: no trial starts at the point of a trial still running. */
    private static void assertNoRunningTrialsMeet(TpeSampler sampler) {
        Study s = study(sampler);
        List<double[]> running = Collections.synchronizedList(new ArrayList<>());
        List<String> clashes = Collections.synchronizedList(new ArrayList<>());
        s.optimize(t -> {
            int x = t.suggestInt("x", 0, 20);
            int y = t.suggestInt("y", 0, 20);
            double[] point = {x, y};
            synchronized (running) {
                for (double[] other : running) {
                    if (Arrays.equals(other, point)) {
                        clashes.add(x + "," + y);
                    }
                }
                running.add(point);
            }
            Thread.sleep(3);
            running.remove(point);
            return (x - 10) * (x - 10) + (y - 10) * (y - 10);
        }, OptimizeOptions.builder().trials(40).parallelism(2).build());
        assertEquals(40, s.trials().size());
        assertTrue(clashes.isEmpty(), "running trials at the same point: " + clashes);
    }

    @Test
    void prunedTrialsCountAsObservations() {
        Study s = study(TpeSampler.builder().seed(0).nStartupTrials(5).build());
        s.optimize(t -> {
            double x = t.suggestFloat("x", -10, 10);
            t.report(0, x * x);
            throw new TrialPruned();
        }, 5);
        assertTrue(s.trials().stream().allMatch(t -> t.state() == TrialState.PRUNED));
        FrozenTrial any = s.trials().get(0);
        Map<String, Distribution> space = s.sampler().inferRelativeSearchSpace(s, any);
        assertEquals(Set.of("x"), space.keySet());
        assertFalse(s.sampler().sampleRelative(s, any, space).isEmpty(), "pruned trials end the start-up phase");
    }

    @Test
    void maximizationLooksForLargeValues() {
        Study s = Study.builder().direction(Direction.MAXIMIZE).sampler(new TpeSampler(2)).pruner(new NopPruner()).build();
        s.optimize(t -> -sphere(t), 60);
        assertTrue(s.bestValue() > -1, "best " + s.bestValue());
    }

    /** ZDT1 with 4 variables in [0, 1]: a convex Pareto front at x2 = x3 = x4 = 0. */
    private static double[] zdt1(Trial t) {
        double x1 = t.suggestFloat("x1", 0, 1);
        double rest = 0;
        for (int i = 2; i <= 4; i++) {
            rest += t.suggestFloat("x" + i, 0, 1);
        }
        double g = 1 + 9 * rest / 3;
        return new double[] {x1, g * (1 - Math.sqrt(x1 / g))};
    }

    private static double medianZdt1Hypervolume(LongFunction<Sampler> sampler) {
        double[] hv = new double[5];
        for (int seed = 0; seed < hv.length; seed++) {
            Study s = Study.builder().directions(Direction.MINIMIZE, Direction.MINIMIZE)
                    .sampler(sampler.apply(seed)).pruner(new NopPruner()).build();
            s.optimizeMulti(TpeSamplerTest::zdt1, 80);
            double[][] points = s.trials().stream()
                    .map(t -> new double[] {t.values().get(0), t.values().get(1)}).toArray(double[][]::new);
            hv[seed] = Hypervolume.of(points, new double[] {1.1, 11});
        }
        Arrays.sort(hv);
        return hv[hv.length / 2];
    }

    @Test
    void multiObjectiveTpeBeatsRandomSearchOnZdt1() {
        double tpe = medianZdt1Hypervolume(TpeSampler::new);
        double random = medianZdt1Hypervolume(RandomSampler::new);
        // typical medians: MOTPE about 10.9, random about 9.9 (the ideal front reaches 11.77)
        assertTrue(tpe > random + 0.3, "MOTPE median hypervolume " + tpe + ", random " + random);
    }

    private static List<Map<String, Object>> twoObjectiveRun(long seed) {
        Study s = Study.builder().directions(Direction.MINIMIZE, Direction.MAXIMIZE).sampler(new TpeSampler(seed))
                .pruner(new NopPruner()).build();
        s.optimizeMulti(t -> {
            double[] v = zdt1(t);
            return new double[] {v[0], -v[1]};
        }, 30);
        return s.trials().stream().map(FrozenTrial::params).toList();
    }

    @Test
    void sameSeedGivesSameTrialsWithTwoObjectives() {
        assertEquals(twoObjectiveRun(4), twoObjectiveRun(4));
        assertFalse(twoObjectiveRun(4).equals(twoObjectiveRun(5)));
    }

    /**
     * Minimize x² + y² on [-3, 3]² subject to x ≥ 2: the unconstrained optimum (0, 0) is infeasible, a sixth of the
     * box is feasible, and the constrained optimum (2, 0) lies on the boundary, where a sampler that has homed in
     * lands just on either side. Returns how many of the last 30 of 80 trials are feasible or within 0.1 of it
     * (random search: about 5.5), and the best feasible value.
     */
    static double[] constrainedRun(Sampler sampler) {
        Study s = Study.builder().sampler(sampler).pruner(new NopPruner()).build();
        s.optimize(t -> {
            double x = t.suggestFloat("x", -3, 3);
            double y = t.suggestFloat("y", -3, 3);
            t.setConstraint("x at least 2", 2 - x);
            return x * x + y * y;
        }, 80);
        double nearlyFeasible = s.trials().subList(50, 80).stream()
                .filter(t -> t.constraints().get("x at least 2") <= 0.1).count();
        double best = s.trials().stream().filter(FrozenTrial::isFeasible).mapToDouble(FrozenTrial::value).min()
                .orElse(Double.POSITIVE_INFINITY);
        return new double[] {nearlyFeasible, best};
    }

    @Test
    void constraintsSteerTowardsTheFeasibleRegion() {
        for (long seed = 0; seed < 3; seed++) {
            double[] run = constrainedRun(new TpeSampler(seed));
            // random search: about 5.5; TPE without constraints heads for (0, 0), far from feasible
            assertTrue(run[0] >= 12, "seed " + seed + ": " + run[0] + " of the last 30 trials (nearly) feasible");
            assertTrue(run[1] < 4.6, "seed " + seed + ": best feasible value " + run[1] + ", optimum 4");
        }
    }

    /**
     * The bowl (x − 1)² + y² + ½(z − 0.3)² on [−2, 2]³ that throws where x > 0.5, so its optimum borders the failing
     * region: ignoring failed trials, g(x) had no mass there and TPE went on sampling it (43 of 60 trials failed in
     * the median of 20 seeds, {@code failed-trials.md}); counted as bad trials in g(x), 21.
     */
    @Test
    void failedTrialsCountAsBadOnesSoTheFailingRegionIsLeft() {
        // a single run's best is a noisy statistic (about one seed in six ends above 0.45): the median of nine
        double[] best = new double[9];
        for (int seed = 0; seed < best.length; seed++) {
            Study s = Study.builder().sampler(new TpeSampler(seed)).pruner(new NopPruner()).build();
            s.optimize(t -> {
                double x = t.suggestFloat("x", -2, 2);
                double y = t.suggestFloat("y", -2, 2);
                double z = t.suggestFloat("z", -2, 2);
                if (x > 0.5) {
                    throw new IllegalStateException("diverged");
                }
                return (x - 1) * (x - 1) + y * y + 0.5 * (z - 0.3) * (z - 0.3);
            }, 60);
            long failed = s.trials().stream().filter(t -> t.state() == TrialState.FAIL).count();
            assertTrue(failed <= 30, "seed " + seed + ": " + failed + " of 60 trials failed");
            best[seed] = s.bestValue();
        }
        Arrays.sort(best);
        assertTrue(best[4] < 0.45, "median best " + best[4] + " of " + Arrays.toString(best) + ", optimum 0.25");
    }

    @Test
    void infiniteValuesAreOrdinaryValuesToTheModel() {
        Study s = Study.builder().sampler(new TpeSampler(1)).pruner(new NopPruner()).build();
        s.optimize(t -> {
            double x = t.suggestFloat("x", -1, 1);
            double y = t.suggestFloat("y", -1, 1);
            return x < -0.9 ? Double.NEGATIVE_INFINITY : x > 0.5 ? Double.POSITIVE_INFINITY : x * x + y * y;
        }, 40);
        assertEquals(40, s.trials(EnumSet.of(TrialState.COMPLETE)).size());
        assertEquals(Double.NEGATIVE_INFINITY, s.bestValue(), "the model goes where the objective is -∞");
    }

    /** ZDT1 subject to f1 ≥ 0.5 (half the box): the hypervolume of the feasible trials after 80 trials. */
    private static double feasibleZdt1Hypervolume(Sampler sampler) {
        Study s = Study.builder().directions(Direction.MINIMIZE, Direction.MINIMIZE).sampler(sampler)
                .pruner(new NopPruner()).build();
        s.optimizeMulti(t -> {
            double[] v = zdt1(t);
            t.setConstraint("f1 at least 0.5", 0.5 - v[0]);
            return v;
        }, 80);
        double[][] points = s.trials().stream().filter(FrozenTrial::isFeasible)
                .map(t -> new double[] {t.values().get(0), t.values().get(1)}).toArray(double[][]::new);
        return Hypervolume.of(points, new double[] {1.1, 11});
    }

    @Test
    void constrainedMultiObjectiveTpeBeatsRandomSearchOnTheFeasibleFront() {
        for (long seed = 0; seed < 2; seed++) {
            double tpe = feasibleZdt1Hypervolume(new TpeSampler(seed));
            double random = feasibleZdt1Hypervolume(new RandomSampler(seed));
            assertTrue(tpe > random, "seed " + seed + ": feasible hypervolume " + tpe + ", random " + random);
        }
    }

    /** Numbers, states and parameters of every trial of a multivariate run on the mixed space. */
    private static List<String> mixedRun(TpeSampler sampler) {
        Study s = study(sampler);
        s.optimize(t -> {
            double x = t.suggestFloat("x", -5, 5);
            int n = t.suggestInt("n", 1, 64, true);
            String c = t.suggestCategorical("c", List.of("a", "bb", "ccc"));
            return x * x + n + c.length();
        }, 40);
        List<String> out = new ArrayList<>();
        s.trials().forEach(t -> out.add(t.number() + " " + t.state() + " " + t.params()));
        return out;
    }

    @Test
    void multivariateDefaultClipIsFloorThreeHundredthsWithExponentOneAndAHalf() {
        List<String> byDefault = mixedRun(new TpeSampler(4));
        assertEquals(mixedRun(TpeSampler.builder().seed(4).minBandwidthFactor(0.03).magicClipExponent(1.5).build()),
                byDefault);
        assertFalse(byDefault.equals(mixedRun(TpeSampler.builder().seed(4).optunaMagicClip().build())),
                "Optuna's clip gives other trials");
    }

    @Test
    void independentSamplingKeepsOptunasClipByDefault() {
        assertEquals(mixedRun(TpeSampler.builder().seed(4).multivariate(false).minBandwidthFactor(0.01)
                .magicClipExponent(1).build()), mixedRun(TpeSampler.builder().seed(4).multivariate(false).build()));
    }

    @Test
    void builderRejectsBadOptions() {
        assertThrows(IllegalArgumentException.class, () -> TpeSampler.builder().minBandwidthFactor(0));
        assertThrows(IllegalArgumentException.class, () -> TpeSampler.builder().minBandwidthFactor(1.5));
        assertThrows(IllegalArgumentException.class, () -> TpeSampler.builder().magicClipExponent(0));
        assertThrows(IllegalArgumentException.class, () -> TpeSampler.builder().nEiCandidates(0));
        assertThrows(IllegalArgumentException.class, () -> TpeSampler.builder().nStartupTrials(-1));
        assertThrows(IllegalArgumentException.class, () -> TpeSampler.builder().priorWeight(0));
        assertThrows(IllegalArgumentException.class, () -> TpeSampler.builder().multivariate(false).group(true).build());
    }

    @Test
    void defaultGammaAndWeightsAreOptunas() {
        assertEquals(0, TpeSampler.defaultGamma(0));
        assertEquals(1, TpeSampler.defaultGamma(1));
        assertEquals(10, TpeSampler.defaultGamma(100));
        assertEquals(25, TpeSampler.defaultGamma(1000));
        double[] w = TpeSampler.defaultWeights(30);
        assertEquals(1.0 / 30, w[0], 1e-15);
        assertEquals(1.0, w[4], 1e-15);
        assertEquals(1.0, w[29], 1e-15);
        assertTrue(w[1] > w[0] && w[2] > w[1]);
        assertTrue(Arrays.stream(TpeSampler.defaultWeights(20)).allMatch(v -> v == 1.0));
    }
}
