package dev.hpo.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.MultiObjectiveFunction;
import dev.hpo.Study;
import dev.hpo.multi.Hypervolume;
import dev.hpo.sampler.nsga.BlxAlphaCrossover;
import dev.hpo.sampler.nsga.Crossover;
import dev.hpo.sampler.nsga.SbxCrossover;
import dev.hpo.sampler.nsga.UniformCrossover;
import dev.hpo.storage.JournalStorage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NsgaIISamplerTest {

    /**
     * Pins the trials of a 2-objective study over mixed parameters with failing trials, across generations, as the
     * other samplers' fingerprint tests do: following the study trial by trial must draw what rereading it did.
     */
    @Test
    void trialsAcrossGenerationsArePinned() {
        Study study = Study.builder().directions(Direction.MINIMIZE, Direction.MAXIMIZE)
                .sampler(NsgaIISampler.builder().seed(3).build()).build();
        study.optimizeMulti(t -> {
            double x = t.suggestFloat("x", 0, 1);
            double y = t.suggestFloat("y", -2, 2);
            int k = t.suggestInt("k", 0, 9);
            String c = t.suggestCategorical("c", List.of("a", "b", "c"));
            if (t.number() % 17 == 5) {
                throw new IllegalStateException("a failed trial, which no generation counts");
            }
            return new double[] {x * x + y * y + k, x - y + (c.equals("a") ? 1 : 0)};
        }, 400);
        TpeSamplerFingerprintTest.assertPinned("NSGA-II", 0xb62d685a77d41087L, study.trials());
    }

    /** ZDT1 with 6 variables in [0, 1]: a convex front f2 = 1 - sqrt(f1) at g = 1. */
    static final MultiObjectiveFunction ZDT1 = t -> {
        double[] x = new double[6];
        for (int i = 0; i < 6; i++) {
            x[i] = t.suggestFloat("x" + i, 0, 1);
        }
        double g = 1 + 9 * Arrays.stream(x, 1, 6).sum() / 5;
        return new double[] {x[0], g * (1 - Math.sqrt(x[0] / g))};
    };

    private static double hypervolume(Study s) {
        double[][] pts = s.bestTrials().stream()
                .map(t -> new double[] {t.values().get(0), t.values().get(1)}).toArray(double[][]::new);
        return Hypervolume.of(pts, new double[] {1.1, 11});
    }

    private static Study run(Sampler sampler, int trials) {
        Study s = Study.builder().directions(Direction.MINIMIZE, Direction.MINIMIZE).sampler(sampler).build();
        s.optimizeMulti(ZDT1, trials);
        return s;
    }

    @Test
    void sameSeedSameTrials() {
        Study a = run(NsgaIISampler.builder().seed(7).populationSize(10).build(), 40);
        Study b = run(NsgaIISampler.builder().seed(7).populationSize(10).build(), 40);
        for (int i = 0; i < 40; i++) {
            assertEquals(a.trials().get(i).params(), b.trials().get(i).params());
        }
    }

    /** DTLZ2 with three objectives and 7 variables in [0, 1]: the front is the unit sphere's positive octant. */
    static final MultiObjectiveFunction DTLZ2 = dtlz2(7);

    /** DTLZ2 with three objectives and the given number of variables (at least 3) in [0, 1]. */
    static MultiObjectiveFunction dtlz2(int variables) {
        return t -> {
            double[] x = new double[variables];
            for (int i = 0; i < x.length; i++) {
                x[i] = t.suggestFloat("x" + i, 0, 1);
            }
            double g = 0;
            for (int i = 2; i < x.length; i++) {
                g += (x[i] - 0.5) * (x[i] - 0.5);
            }
            double a = x[0] * Math.PI / 2;
            double b = x[1] * Math.PI / 2;
            return new double[] {(1 + g) * Math.cos(a) * Math.cos(b), (1 + g) * Math.cos(a) * Math.sin(b),
                    (1 + g) * Math.sin(a)};
        };
    }

    private static double dtlz2Hypervolume(Sampler sampler, int trials) {
        Study s = Study.builder().directions(Direction.MINIMIZE, Direction.MINIMIZE, Direction.MINIMIZE)
                .sampler(sampler).build();
        s.optimizeMulti(DTLZ2, trials);
        double[][] front = s.bestTrials().stream()
                .map(t -> t.values().stream().mapToDouble(Double::doubleValue).toArray()).toArray(double[][]::new);
        return Hypervolume.of(front, new double[] {1.1, 1.1, 1.1});
    }

    @Test
    void nsga3ByNameBeatsRandomSearchOnThreeObjectivesAndRepeatsItself() {
        List<Direction> three = List.of(Direction.MINIMIZE, Direction.MINIMIZE, Direction.MINIMIZE);
        double nsga3 = dtlz2Hypervolume(Samplers.byName("nsga3", three, 3L), 500);
        double again = dtlz2Hypervolume(Samplers.byName("nsga3", three, 3L), 500);
        double random = dtlz2Hypervolume(new RandomSampler(3), 500);
        assertEquals(nsga3, again, "same seed, same front");
        assertTrue(nsga3 > random, "NSGA-III " + nsga3 + " vs random " + random);
    }

    @Test
    void referencePointsMustFitTheStudysObjectives() {
        Sampler twoPoints = NsgaIISampler.builder().seed(1).populationSize(4)
                .referencePoints(new double[][] {{1, 0}, {0, 1}}).build();
        Study s = Study.builder().directions(Direction.MINIMIZE, Direction.MINIMIZE, Direction.MINIMIZE)
                .sampler(twoPoints).build();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> s.optimizeMulti(DTLZ2, 20));
        assertTrue(e.getMessage().contains("reference points have 2 coordinates but the study has 3 objectives"),
                e.getMessage());
    }

    @Test
    void generationsAreRecordedAndAdvance() {
        Study s = run(NsgaIISampler.builder().seed(1).populationSize(10).build(), 35);
        List<FrozenTrial> trials = s.trials();
        assertEquals(0, ((Number) trials.get(0).systemAttrs().get(NsgaIISampler.GENERATION_ATTR)).intValue());
        assertEquals(3, ((Number) trials.get(34).systemAttrs().get(NsgaIISampler.GENERATION_ATTR)).intValue());
        assertTrue(s.systemAttrs().containsKey(NsgaIISampler.PARENTS_ATTR + 1));
    }

    /**
     * A study Optuna's NSGA-II (and NSGA-III) began in a journal, 15 trials of a population of 6 (written by
     * {@code hpo-bench/optuna/nsga_journal.py}), goes on here in its generations: its last generation filled up with
     * Optuna's cached parents, not parents chosen anew, then the next generation.
     */
    @Test
    void continuesAStudyOptunasNsgaBeganInAJournal(@TempDir Path dir) throws IOException {
        Path journal = dir.resolve("optuna-nsga.log");
        try (InputStream in = getClass().getResourceAsStream("nsga/optuna-nsga.log")) {
            Files.copy(in, journal);
        }
        for (boolean nsga3 : new boolean[] {false, true}) {
            String generation = nsga3 ? "NSGAIIISampler:generation" : "NSGAIISampler:generation";
            String parents = nsga3 ? "NSGAIIISampler:parent:" : "NSGAIISampler:parent:";
            NsgaIISampler.Builder builder = NsgaIISampler.builder().seed(1).populationSize(6);
            try (Study study = Study.builder().storage(new JournalStorage(journal)).name(nsga3 ? "nsga3" : "nsga2")
                    .loadIfExists(true).sampler((nsga3 ? builder.referencePoints(4) : builder).build()).build()) {
                Object optunasParents = study.systemAttrs().get(parents + 2);
                assertEquals(6, ((List<?>) optunasParents).size(), "Optuna cached generation 2's parents");
                study.optimizeMulti(t -> {
                    double x = t.suggestFloat("x", 0, 1);
                    double y = t.suggestFloat("y", 0, 1);
                    return new double[] {x, (1 + y) * (1 - x * x)};
                }, 4);
                List<Integer> generations = study.trials().stream()
                        .map(t -> ((Number) t.systemAttrs().get(generation)).intValue()).toList();
                assertEquals(List.of(0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3), generations);
                assertEquals(optunasParents, study.systemAttrs().get(parents + 2), "read, not chosen again");
                assertTrue(study.systemAttrs().containsKey(parents + 3),
                        "generation 3's parents, cached as Optuna does");
            }
        }
    }

    @Test
    void beatsRandomSearchOnZdt1() {
        int wins = 0;
        for (long seed = 0; seed < 5; seed++) {
            double nsga = hypervolume(run(NsgaIISampler.builder().seed(seed).populationSize(20).build(), 200));
            double random = hypervolume(run(new RandomSampler(seed), 200));
            if (nsga > random) {
                wins++;
            }
        }
        assertTrue(wins >= 4, "NSGA-II beat random on " + wins + " of 5 seeds");
    }

    @Test
    void everyCrossoverKeepsChildrenInTheUnitCube() {
        SplittableRandom r = new SplittableRandom(3);
        for (Crossover c : List.of(new UniformCrossover(), new BlxAlphaCrossover(), new SbxCrossover())) {
            for (int k = 0; k < 1000; k++) {
                double[] p1 = {r.nextDouble(), r.nextDouble(), 0, 1};
                double[] p2 = {r.nextDouble(), r.nextDouble(), 1, 1};
                for (double v : c.cross(p1, p2, r)) {
                    assertTrue(v >= 0 && v <= 1, c + " gave " + v);
                }
            }
        }
    }

    @Test
    void respectsIntStepLogAndCategoricalSpaces() {
        Study s = Study.builder().directions(Direction.MINIMIZE, Direction.MAXIMIZE)
                .sampler(NsgaIISampler.builder().seed(4).populationSize(8).crossover(new SbxCrossover()).build()).build();
        s.optimizeMulti(t -> {
            int n = t.suggestInt("n", 1, 1000, true);
            double step = t.suggestFloat("step", 0, 1, 0.1);
            int even = t.suggestInt("even", 0, 20, 2);
            String c = t.suggestCategorical("c", List.of("a", "b", "c"));
            return new double[] {n + step, even + c.length()};
        }, 80);
        for (FrozenTrial t : s.trials()) {
            int n = (Integer) t.params().get("n");
            double step = (Double) t.params().get("step");
            int even = (Integer) t.params().get("even");
            assertTrue(n >= 1 && n <= 1000);
            assertEquals(0, Math.abs(step * 10 - Math.rint(step * 10)), 1e-9);
            assertEquals(0, even % 2);
        }
    }

    @Test
    void prefersFeasibleTrials() {
        Study s = Study.builder().directions(Direction.MINIMIZE, Direction.MINIMIZE)
                .sampler(NsgaIISampler.builder().seed(2).populationSize(10).build()).build();
        s.optimizeMulti(t -> {
            double x = t.suggestFloat("x", 0, 1);
            double y = t.suggestFloat("y", 0, 1);
            t.setConstraint("x_at_least_half", 0.5 - x);
            return new double[] {x, y + (1 - x)};
        }, 100);
        long feasibleLate = s.trials().subList(70, 100).stream().filter(FrozenTrial::isFeasible).count();
        assertTrue(feasibleLate >= 20, "feasible trials among the last 30: " + feasibleLate);
        assertTrue(s.bestTrials().stream().allMatch(FrozenTrial::isFeasible));
    }
}
