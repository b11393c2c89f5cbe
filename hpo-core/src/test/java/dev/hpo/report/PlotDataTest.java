package dev.hpo.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.Trial;
import dev.hpo.TrialState;
import dev.hpo.multi.Hypervolume;
import dev.hpo.multi.Pareto;
import dev.hpo.space.CategoricalDistribution;
import dev.hpo.space.FloatDistribution;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PlotDataTest {

    private static Study told(Direction direction, double... values) {
        Study study = Study.builder().direction(direction).build();
        for (double v : values) {
            Trial t = study.ask();
            t.suggestFloat("x", 0, 10);
            study.tell(t, v);
        }
        return study;
    }

    @Test
    void historyHasEveryCompletedValueAndTheBestSoFar() {
        Study study = told(Direction.MINIMIZE, 5, 7, 3, 4, 1);
        Trial pruned = study.ask();
        study.tell(pruned, TrialState.PRUNED);
        OptimizationHistoryPlot.Data data = OptimizationHistoryPlot.data(StudyData.of(study));
        assertEquals(List.of(5.0, 7.0, 3.0, 4.0, 1.0), data.values().stream().map(OptimizationHistoryPlot.Point::value).toList());
        assertEquals(List.of(5.0, 5.0, 3.0, 3.0, 1.0), data.best().stream().map(OptimizationHistoryPlot.Point::value).toList());
    }

    @Test
    void historyBestLineFollowsTheDirection() {
        OptimizationHistoryPlot.Data data = OptimizationHistoryPlot.data(StudyData.of(told(Direction.MAXIMIZE, 5, 7, 3, 9)));
        assertEquals(List.of(5.0, 7.0, 7.0, 9.0), data.best().stream().map(OptimizationHistoryPlot.Point::value).toList());
    }

    @Test
    void importanceOfTheReportSumsToOneAndRanksTheDominantParameterFirst() {
        StudyData data = StudyData.of(ReportFixtures.single(80));
        assertEquals(1.0, data.importances().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
        assertEquals("x", data.paramsByImportance().get(0));
    }

    @Test
    void contourGridAveragesTrialsPerCell() {
        double[][] points = {{0.1, 0.1, 1}, {0.2, 0.2, 3}, {9.9, 9.9, 10}};
        Study exact = Study.builder().build();
        for (double[] p : points) {
            exact.enqueueTrial(java.util.Map.of("a", p[0], "b", p[1]));
            Trial t = exact.ask();
            t.suggestFloat("a", 0, 10);
            t.suggestFloat("b", 0, 10);
            exact.tell(t, p[2]);
        }
        ContourPlot.Grid grid = ContourPlot.grid(StudyData.of(exact), "a", "b");
        assertEquals(20, grid.x().cells());
        assertEquals(2.0, grid.mean()[0][0], 1e-12);
        assertEquals(2, grid.count()[0][0]);
        assertEquals(10.0, grid.mean()[19][19], 1e-12);
        assertTrue(Double.isNaN(grid.mean()[5][5]));
        assertFalse(Double.isNaN(grid.filled()[5][5]), "empty cells are interpolated");
    }

    @Test
    void contourGridHasOneCellPerChoice() {
        Study study = ReportFixtures.multi(30);
        ContourPlot.Grid grid = ContourPlot.grid(StudyData.of(study), "a", "mode");
        assertEquals(2, grid.y().cells());
        assertTrue(grid.y().distribution() instanceof CategoricalDistribution);
    }

    @Test
    void contourSkipsPairsThatNoTrialHasTogether() {
        Study study = Study.builder().name("conditional").sampler(new dev.hpo.sampler.RandomSampler(3)).build();
        study.optimize(t -> {
            double z = t.suggestFloat("z", 0, 1);
            return t.suggestCategorical("kind", List.of("a", "b")).equals("a")
                    ? z + t.suggestFloat("x", 0, 1) : z * t.suggestFloat("y", 0, 1);
        }, 40);
        List<String> pairs = ContourPlot.pairs(StudyData.of(study)).stream().map(p -> p[0] + "/" + p[1]).toList();
        assertFalse(pairs.contains("x/y") || pairs.contains("y/x"), "x and y are never in one trial: " + pairs);
        assertEquals(5, pairs.size(), "every other pair of the four parameters: " + pairs);

        // a choice without the other parameter stays blank instead of borrowing its neighbour's colours
        ContourPlot.Grid kindAndX = ContourPlot.grid(StudyData.of(study), "kind", "x");
        int b = 1;  // "b" trials never have x
        for (double v : kindAndX.filled()[b]) {
            assertTrue(Double.isNaN(v), "choice b has no x");
        }
        for (double v : kindAndX.filled()[0]) {
            assertFalse(Double.isNaN(v), "choice a is filled");
        }

        Study flat = ReportFixtures.single(40);
        List<String> top = StudyData.of(flat).paramsByImportance();
        assertEquals(Math.min(4, top.size()) * (Math.min(4, top.size()) - 1) / 2,
                ContourPlot.pairs(StudyData.of(flat)).size(), "all pairs of the four most important");
    }

    @Test
    void fillInterpolatesFromNeighbours() {
        double[][] filled = ContourPlot.fill(new double[][] {{1, Double.NaN, 3}});
        assertArrayEquals(new double[] {1, 2, 3}, filled[0], 1e-12);
    }

    @Test
    void paretoDataSplitsTheFrontFromDominatedTrials() {
        Study study = ReportFixtures.multi(60);
        ParetoFrontPlot.Data data = ParetoFrontPlot.data(StudyData.of(study));
        Set<Integer> front = data.front().stream().map(t -> t.number()).collect(Collectors.toSet());
        assertEquals(study.bestTrials().stream().map(t -> t.number()).collect(Collectors.toSet()), front);
        assertEquals(60, data.front().size() + data.dominated().size());
        for (var d : data.dominated()) {
            assertTrue(data.front().stream().anyMatch(f -> Pareto.dominates(f.values(), d.values(), study.directions())));
        }
        for (int i = 1; i < data.front().size(); i++) {
            assertTrue(data.front().get(i - 1).values().get(0) <= data.front().get(i).values().get(0));
        }
    }

    @Test
    void hypervolumeHistoryGrowsOnlyWhenTheFrontDoes() {
        Study study = Study.builder().name("hv").directions(Direction.MINIMIZE, Direction.MAXIMIZE).build();
        double[][] values = {{2, 1}, {1, 0}, {3, 0.5}, {1, 2}};  // #2 is dominated by #0; #3 dominates #0 and #1
        for (double[] v : values) {
            study.addTrial(new FrozenTrial(0, -1, TrialState.COMPLETE, List.of(v[0], v[1]), null, null, null, null,
                    null, null, null));
        }
        // an infinite value has no finite volume: left out, as if the trial had not completed
        study.addTrial(new FrozenTrial(0, -1, TrialState.COMPLETE, List.of(Double.POSITIVE_INFINITY, 5.0), null, null,
                null, null, null, null, null));
        HypervolumeHistoryPlot.Data data = HypervolumeHistoryPlot.data(StudyData.of(study));
        // reference: worst cost 3 plus a tenth of the range [1, 3]; worst quality 0 minus a tenth of [0, 2]
        assertArrayEquals(new double[] {3.2, -0.2}, data.reference(), 1e-12);
        double[] expected = {1.2 * 1.2, 1.2 * 1.2 + 2.2 * 0.2 - 1.2 * 0.2, 1.64, 2.2 * 2.2};
        for (int i = 0; i < expected.length; i++) {
            assertEquals(i, data.history().get(i).trial());
            assertEquals(expected[i], data.history().get(i).hypervolume(), 1e-12, "after trial " + i);
        }
    }

    @Test
    void theTerminatorPlotDrawsEveryStoredJudgementAndOnlyForStudiesThatHaveThem() {
        Study study = ReportFixtures.terminated(30);
        StudyData data = StudyData.of(study);
        assertEquals(11, data.terminator().size(), "trials 19 to 29");
        assertTrue(new TerminatorPlot().appliesTo(data));
        assertFalse(new TerminatorPlot().appliesTo(StudyData.of(told(Direction.MINIMIZE, 1, 2, 3))));
        SvgWriter svg = new SvgWriter("terminator");
        new TerminatorPlot().render(data, svg);
        String drawn = svg.toString();
        for (int trial = 19; trial < 30; trial++) {
            assertTrue(drawn.contains("after trial " + trial + ": bound "), "trial " + trial);
        }
        assertTrue(drawn.contains("class=\"bound-line\"") && drawn.contains("class=\"error-line\"")
                && drawn.contains("error 5e-4"), drawn);
    }

    @Test
    void hypervolumeHistoryEndsAtTheWholeFrontsVolume() {
        Study study = ReportFixtures.multi(60);
        HypervolumeHistoryPlot.Data data = HypervolumeHistoryPlot.data(StudyData.of(study));
        assertEquals(60, data.history().size());
        for (int i = 1; i < 60; i++) {
            assertTrue(data.history().get(i).hypervolume() >= data.history().get(i - 1).hypervolume());
        }
        double[] reference = {data.reference()[0], -data.reference()[1]};
        double[][] front = study.bestTrials().stream()
                .map(t -> new double[] {t.values().get(0), -t.values().get(1)}).toArray(double[][]::new);
        assertEquals(Hypervolume.of(front, reference), data.history().get(59).hypervolume(), 1e-12);
    }

    @Test
    void edfReachesOneAtTheWorstValue() {
        EdfPlot.Data data = EdfPlot.data(StudyData.of(told(Direction.MINIMIZE, 3, 1, 2, 2)));
        assertArrayEquals(new double[] {1, 2, 3}, java.util.Arrays.stream(data.values()).distinct().toArray());
        assertEquals(1.0, data.fractions()[data.fractions().length - 1]);
        assertEquals(0.75, data.fractions()[java.util.Arrays.asList(1, 2, 3).indexOf(2) + 1]);
    }

    @Test
    void slicePanelsFollowImportance() {
        StudyData data = StudyData.of(ReportFixtures.single(60));
        List<SlicePlot.Panel> panels = SlicePlot.data(data);
        assertEquals(data.paramsByImportance(), panels.stream().map(SlicePlot.Panel::param).toList());
        assertEquals(data.complete().size(), panels.get(0).points().size());
    }

    @Test
    void thinningKeepsTheBestAndStaysUnderTheCap() {
        List<Integer> items = java.util.stream.IntStream.range(0, 10_000).boxed().toList();
        List<Integer> kept = Thinning.keepBest(items, 500, i -> -i);
        assertEquals(500, kept.size());
        assertTrue(kept.containsAll(java.util.stream.IntStream.range(9_900, 10_000).boxed().toList()));
        assertEquals(kept, Thinning.keepBest(items, 500, i -> -i));
    }

    @Test
    void thinningKeepsWhatAStableSortOfTheKeysPutsFirst() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (int round = 0; round < 200; round++) {
            int n = random.nextInt(101, 400);
            // few distinct keys, so that the cut falls among ties; signed zeros and infinities among them
            double[] pool = {-0.0, 0.0, 1, 2, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 0.5};
            List<double[]> items = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                items.add(new double[] {pool[random.nextInt(pool.length)], i});
            }
            List<double[]> sorted = new java.util.ArrayList<>(items);
            sorted.sort((a, b) -> Double.compare(a[0], b[0]));
            int cap = 100;
            java.util.Set<double[]> best = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            best.addAll(sorted.subList(0, cap / 5));
            List<double[]> kept = Thinning.keepBest(items, cap, item -> item[0]);
            assertEquals(cap, kept.size());
            assertTrue(kept.containsAll(best), "round " + round);
            for (int k = 1; k < kept.size(); k++) {
                assertTrue(kept.get(k - 1)[1] < kept.get(k)[1], "kept items stay in their order");
            }
        }
    }

    @Test
    void niceTicksAreRoundNumbers() {
        LinearScale s = new LinearScale(0.13, 9.7, 0, 100, 5);
        assertEquals(List.of("0", "2.5", "5", "7.5", "10"), s.ticks().stream().map(Scale.Tick::label).toList());
    }

    @Test
    void logAxisTicksArePowersOfTen() {
        Scale s = Axes.forParam(FloatDistribution.log(1e-5, 1), 0, 100);
        assertEquals(List.of("1e-5", "1e-4", "0.001", "0.01", "0.1", "1"),
                s.ticks().stream().map(Scale.Tick::label).toList());
    }

    @Test
    void aNarrowLogAxisOfFewDecadesKeepsToPowersOfTen() {
        FloatDistribution rate = FloatDistribution.log(0.001, 0.5);
        assertEquals(List.of("0.001", "0.002", "0.005", "0.01", "0.02", "0.05", "0.1", "0.2", "0.5"),
                Axes.forParam(rate, 0, 400).ticks().stream().map(Scale.Tick::label).toList());
        assertEquals(List.of("0.001", "0.01", "0.1"),
                Axes.forParam(rate, 0, 110).ticks().stream().map(Scale.Tick::label).toList(), "a slice panel");
    }
}
