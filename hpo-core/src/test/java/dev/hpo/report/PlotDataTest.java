package dev.hpo.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.Trial;
import dev.hpo.TrialState;
import dev.hpo.importance.FanovaImportance;
import dev.hpo.multi.Hypervolume;
import dev.hpo.multi.Pareto;
import dev.hpo.space.CategoricalDistribution;
import dev.hpo.space.FloatDistribution;
import java.util.List;
import java.util.Map;
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
    void historyBestLineLeavesOutTrialsThatViolateTheirConstraintsAsTheStudyDoes() {
        Study study = Study.builder().direction(Direction.MINIMIZE).build();
        double[][] valueAndConstraint = {{2, 1}, {5, 0}, {1, 0.5}, {4, -1}, {0.5, 2}};
        for (double[] vc : valueAndConstraint) {
            Trial t = study.ask();
            t.suggestFloat("x", 0, 10);
            t.setConstraint("c", vc[1]);
            study.tell(t, vc[0]);
        }
        OptimizationHistoryPlot.Data data = OptimizationHistoryPlot.data(StudyData.of(study));
        assertEquals(5, data.values().size());
        assertEquals(List.of(1, 2, 3, 4), data.best().stream().map(OptimizationHistoryPlot.Point::trial).toList(),
                "no best before the first feasible trial");
        assertEquals(List.of(5.0, 5.0, 4.0, 4.0), data.best().stream().map(OptimizationHistoryPlot.Point::value)
                .toList());
        assertEquals(study.bestValue(), data.best().get(data.best().size() - 1).value());
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

    /**
     * Optuna's answer where no trial can be told from another (every value infinite; a constant objective, where
     * Optuna's own fANOVA raises): every parameter gets the same share, drawn as bars, not an error note.
     */
    @Test
    void importanceOfAStudyWithoutDifferencesIsEqualSharesDrawnAsBars() {
        Study infinite = Study.builder().build();
        Study constant = Study.builder().build();
        for (int i = 0; i < 4; i++) {
            FrozenTrial.Builder t = FrozenTrial.builder().param("x", i / 4.0, FloatDistribution.of(0, 1))
                    .param("fixed", 1.0, FloatDistribution.of(1, 1));
            infinite.addTrial(t.value(Double.POSITIVE_INFINITY).build());
            constant.addTrial(t.value(2.0).build());
        }
        for (StudyData data : List.of(StudyData.of(infinite), StudyData.of(constant, new FanovaImportance(1)))) {
            assertEquals(Map.of("fixed", 0.5, "x", 0.5), data.importances());
            assertNull(data.importanceNote());
            SvgWriter svg = new SvgWriter("importances");
            new ImportancePlot().render(data, svg);
            assertTrue(svg.toString().contains("x: 0.5") && svg.toString().contains("fixed: 0.5"), svg::toString);
        }
    }

    @Test
    void eachObjectiveHasItsOwnImportancesAndAMaximizedOneIsReadHigherIsBetter() {
        // cost rises with a alone; quality is maximized and set by b (mostly): each objective names its own parameter
        Study study = Study.builder().name("two").directions(Direction.MINIMIZE, Direction.MAXIMIZE)
                .sampler(new dev.hpo.sampler.RandomSampler(3)).build();
        study.optimizeMulti(t -> {
            double a = t.suggestFloat("a", 0, 1);
            double b = t.suggestFloat("b", 0, 1);
            return new double[] {a, b > 0.9 ? 1 : 0.1 * a};
        }, 120);
        StudyData data = StudyData.of(study);
        assertEquals(2, data.objectiveImportances().size());
        assertEquals(data.importances(), data.objectiveImportances().get(0));
        assertEquals("a", data.objectiveImportances().get(0).keySet().iterator().next());
        // only the trials with b > 0.9 reach the top of quality: read as lower-is-better, b would not stand out
        assertEquals("b", data.objectiveImportances().get(1).keySet().iterator().next(),
                data.objectiveImportances().get(1)::toString);
        SvgWriter svg = new SvgWriter("importances");
        new ImportancePlot().render(data, svg);
        assertTrue(svg.toString().contains("a for objective 1: ") && svg.toString().contains("bar bar-1"),
                svg::toString);
        assertEquals(List.of(StudyData.of(ReportFixtures.single(40)).importances()),
                StudyData.of(ReportFixtures.single(40)).objectiveImportances());
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

    /** The history adds each new point's own volume; at every trial it is the volume of the front up to there. */
    @Test
    void aThreeObjectiveHypervolumeHistoryIsTheFrontsVolumeAfterEveryTrial() {
        Study study = Study.builder().directions(Direction.MINIMIZE, Direction.MAXIMIZE, Direction.MINIMIZE)
                .sampler(new dev.hpo.sampler.RandomSampler(4)).build();
        study.optimizeMulti(t -> {
            double x = t.suggestFloat("x", 0, 1);
            double y = t.suggestFloat("y", 0, 1);
            return new double[] {x, Math.round(10 * (x + y)) / 10.0, (1 - x) * (1 - y)};  // rounded: ties on the front
        }, 120);
        HypervolumeHistoryPlot.Data data = HypervolumeHistoryPlot.data(StudyData.of(study));
        double[] reference = {data.reference()[0], -data.reference()[1], data.reference()[2]};
        List<FrozenTrial> trials = study.trials();
        for (int k = 0; k < trials.size(); k++) {
            double[][] front = Pareto.front(trials.subList(0, k + 1), study.directions()).stream()
                    .map(t -> new double[] {t.values().get(0), -t.values().get(1), t.values().get(2)})
                    .toArray(double[][]::new);
            assertEquals(Hypervolume.of(front, reference), data.history().get(k).hypervolume(), 1e-12,
                    "after trial " + k);
        }
    }

    @Test
    void edfReachesOneAtTheWorstValue() {
        EdfPlot.Data data = EdfPlot.data(StudyData.of(told(Direction.MINIMIZE, 3, 1, 2, 2)));
        assertArrayEquals(new double[] {1, 2, 3}, java.util.Arrays.stream(data.values()).distinct().toArray());
        assertEquals(1.0, data.fractions()[data.fractions().length - 1]);
        assertEquals(0.75, data.fractions()[java.util.Arrays.asList(1, 2, 3).indexOf(2) + 1]);
    }

    @Test
    void slicePointsShareOneBudgetOverItsPanels() {
        Study study = Study.builder().name("wide").build();
        for (int i = 0; i < 700; i++) {
            FrozenTrial.Builder t = FrozenTrial.builder().value(i % 97);
            for (int p = 0; p < 14; p++) {
                t.param("p" + p, (i * (p + 3) % 101) / 100.0, FloatDistribution.of(0, 1));
            }
            study.addTrial(t.build());
        }
        SvgWriter wide = new SvgWriter("slice");
        new SlicePlot().render(StudyData.of(study), wide);
        assertEquals(SlicePlot.MAX_POINTS, wide.toString().split("<circle", -1).length - 1,
                "twelve panels of 300 points");
        try (Study narrow = Study.builder().name("narrow").build()) {
            study.trials().forEach(t -> narrow.addTrial(FrozenTrial.builder().value(t.values().get(0))
                    .param("p0", t.params().get("p0"), FloatDistribution.of(0, 1)).build()));
            SvgWriter one = new SvgWriter("slice");
            new SlicePlot().render(StudyData.of(narrow), one);
            assertEquals(600, one.toString().split("<circle", -1).length - 1, "a lone panel keeps 600 points");
        }
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

    private static double[] ranksByTrial(RankPlot.Data data) {
        return data.panels().get(0).points().stream().sorted(java.util.Comparator.comparingInt(RankPlot.Point::trial))
                .mapToDouble(RankPlot.Point::rank).toArray();
    }

    /** A study of two float parameters a and b, one trial per value, a and b spread over [0, 1]. */
    private static Study pairOf(Direction direction, double... values) {
        double[][] each = new double[values.length][];
        for (int i = 0; i < values.length; i++) {
            each[i] = new double[] {values[i]};
        }
        return pairOf(Study.builder().direction(direction).build(), each);
    }

    /** The study, with a trial per row of values (one value per objective) on a and b as above. */
    private static Study pairOf(Study study, double[][] values) {
        for (int i = 0; i < values.length; i++) {
            study.enqueueTrial(java.util.Map.of("a", (double) i / values.length, "b", 1 - (double) i / values.length));
            Trial t = study.ask();
            t.suggestFloat("a", 0, 1);
            t.suggestFloat("b", 0, 1);
            study.tell(t, values[i]);
        }
        return study;
    }

    @Test
    void rankOneIsTheLowestValueWhenMinimizingAndTheHighestWhenMaximizing() {
        RankPlot.Data min = RankPlot.data(StudyData.of(pairOf(Direction.MINIMIZE, 5, 7, 3, 4, 1)));
        assertArrayEquals(new double[] {4, 5, 2, 3, 1}, ranksByTrial(min));
        assertArrayEquals(new double[] {1, 3, 4, 5, 7}, min.quantiles(), "best first");
        RankPlot.Data max = RankPlot.data(StudyData.of(pairOf(Direction.MAXIMIZE, 5, 7, 3, 4, 1)));
        assertArrayEquals(new double[] {2, 1, 4, 3, 5}, ranksByTrial(max));
        assertArrayEquals(new double[] {7, 5, 4, 3, 1}, max.quantiles(), "best first");
        assertEquals(5, max.ranked());
    }

    @Test
    void aMultiObjectiveStudyIsRankedByEachObjectiveInItsDirection() {
        Study study = pairOf(Study.builder().name("mo").directions(Direction.MINIMIZE, Direction.MAXIMIZE).build(),
                new double[][] {{5, 5}, {7, 1}, {3, 4}, {4, 2}, {1, 3}});
        StudyData data = StudyData.of(study);
        assertTrue(new RankPlot().appliesTo(data));
        assertArrayEquals(new double[] {4, 5, 2, 3, 1}, ranksByTrial(RankPlot.data(data, 0)), "the first, minimized");
        assertArrayEquals(new double[] {1, 5, 2, 4, 3}, ranksByTrial(RankPlot.data(data, 1)), "the second, maximized");
        assertArrayEquals(new double[] {5, 4, 3, 2, 1}, RankPlot.data(data, 1).quantiles(), "best first");
        SvgWriter svg = new SvgWriter("rank of mo");
        new RankPlot().render(data, svg);
        String text = svg.toString();
        assertTrue(text.contains("ranked by objective 0 (minimize)") && text.contains("ranked by objective 1 (maximize)"),
                "a row for each objective, named");
    }

    @Test
    void tiedValuesShareTheMeanOfTheirPlaces() {
        assertArrayEquals(new double[] {2.5, 1, 2.5, 4}, ranksByTrial(RankPlot.data(StudyData.of(
                pairOf(Direction.MINIMIZE, 2, 1, 2, 3)))));
        assertArrayEquals(new double[] {2, 2, 2}, RankPlot.ranks(new double[] {-0.0, 0.0, 0.0}), "-0 ties with 0");
        // quartiles between places are interpolated: values 1, 2, 2, 3 at 25 % lie between 1 and 2
        assertEquals(1.75, RankPlot.data(StudyData.of(pairOf(Direction.MINIMIZE, 2, 1, 2, 3))).quantiles()[1], 1e-12);
    }

    @Test
    void infiniteValuesRankAtTheEndsAndANotANumberRanksLast() {
        assertArrayEquals(new double[] {3, 2, 1, 4},
                RankPlot.ranks(new double[] {Double.POSITIVE_INFINITY, 1, Double.NEGATIVE_INFINITY, Double.NaN}));
        double inf = Double.POSITIVE_INFINITY;
        assertArrayEquals(new double[] {2, 1, 3}, ranksByTrial(RankPlot.data(StudyData.of(
                pairOf(Direction.MINIMIZE, 2, 1, inf)))));
        RankPlot.Data max = RankPlot.data(StudyData.of(pairOf(Direction.MAXIMIZE, 2, 1, inf)));
        assertArrayEquals(new double[] {2, 3, 1}, ranksByTrial(max));
        // between -∞ and 2 the nearer place stands (halfway, the later one): interpolating would give NaN
        assertArrayEquals(new double[] {inf, 2, 2, 1.5, 1}, max.quantiles());
    }

    @Test
    void anInfiniteValueStaysInsideItsPanelAgainstTheValue() {
        StudyData data = StudyData.of(told(Direction.MINIMIZE, 2, Double.POSITIVE_INFINITY, 1,
                Double.NEGATIVE_INFINITY));
        assertEquals(java.util.Arrays.asList(new String[] {"x", null}), java.util.Arrays.asList(
                RankPlot.data(data).panels().get(0).xParam(), RankPlot.data(data).panels().get(0).yParam()));
        SvgWriter svg = new SvgWriter("rank");
        new RankPlot().render(data, svg);
        java.util.regex.Matcher cy = java.util.regex.Pattern.compile("<circle[^>]* cy=\"([^\"]+)\"").matcher(svg.toString());
        int circles = 0;
        while (cy.find()) {
            double y = Double.parseDouble(cy.group(1));
            assertTrue(y >= 0 && y <= svg.height(), "cy " + y + " outside the picture");
            circles++;
        }
        assertEquals(4, circles);
    }

    @Test
    void theBestTrialIsTheBrightColourWhicheverTheDirection() {
        for (Direction direction : Direction.values()) {
            SvgWriter svg = new SvgWriter("rank");
            new RankPlot().render(StudyData.of(pairOf(direction, 5, 7, 3, 4, 1)), svg);
            String best = direction == Direction.MINIMIZE ? "trial 4:" : "trial 1:";
            String worst = direction == Direction.MINIMIZE ? "trial 1:" : "trial 4:";
            assertTrue(svg.toString().contains("fill=\"" + ColorScale.at(1) + "\"><title>" + best), direction + " " + svg);
            assertTrue(svg.toString().contains("fill=\"" + ColorScale.at(0) + "\"><title>" + worst), direction + " " + svg);
            assertTrue(svg.toString().contains("(rank 1 of 5)"));
        }
    }

    @Test
    void rankPanelsAreTheContourPairsAndHoldTheTrialsThatHaveBoth() {
        StudyData data = StudyData.of(ReportFixtures.single(60));
        List<String> rank = RankPlot.data(data).panels().stream().map(p -> p.xParam() + "/" + p.yParam()).toList();
        assertEquals(ContourPlot.pairs(data).stream().map(p -> p[0] + "/" + p[1]).toList(), rank);
        assertEquals(6, rank.size(), "every pair of the four most important of six parameters");
        assertEquals(data.complete().size(), RankPlot.data(data).panels().get(0).points().size());

        Study conditional = Study.builder().sampler(new dev.hpo.sampler.RandomSampler(3)).build();
        conditional.optimize(t -> t.suggestCategorical("kind", List.of("a", "b")).equals("a")
                ? t.suggestFloat("x", 0, 1) : t.suggestFloat("y", 0, 1), 30);
        StudyData cd = StudyData.of(conditional);
        for (RankPlot.Panel p : RankPlot.data(cd).panels()) {
            assertFalse(Set.of(p.xParam(), p.yParam()).equals(Set.of("x", "y")), "x and y never share a trial");
            for (RankPlot.Point point : p.points()) {
                FrozenTrial t = cd.complete().stream().filter(c -> c.number() == point.trial()).findFirst().orElseThrow();
                assertTrue(t.params().containsKey(p.xParam()) && t.params().containsKey(p.yParam()));
            }
        }
    }

    @Test
    void rankAppliesToTwoCompletedTrialsSharingAParameter() {
        RankPlot rank = new RankPlot();
        assertTrue(rank.appliesTo(StudyData.of(told(Direction.MINIMIZE, 1, 2))));
        assertFalse(rank.appliesTo(StudyData.of(told(Direction.MINIMIZE, 1))), "one completed trial");
        assertTrue(rank.appliesTo(StudyData.of(ReportFixtures.multi(10))), "two objectives, a row each");
        Study none = Study.builder().build();
        none.optimize(t -> 1.0, 3);
        assertFalse(rank.appliesTo(StudyData.of(none)), "no parameter");
        Study apart = Study.builder().build();  // two completed trials, each with a parameter of its own
        for (String name : List.of("p", "q")) {
            Trial t = apart.ask();
            t.suggestFloat(name, 0, 1);
            apart.tell(t, 1.0);
        }
        assertFalse(rank.appliesTo(StudyData.of(apart)), "no parameter shared");
    }

    @Test
    void aTrialThatBreaksAConstraintIsGreyButStillRanked() {
        Study study = Study.builder().build();
        for (int i = 0; i < 3; i++) {
            Trial t = study.ask();
            t.suggestFloat("a", 0, 1);
            t.suggestFloat("b", 0, 1);
            t.setConstraint("budget", i == 0 ? 1.0 : -1.0);
            study.tell(t, i);
        }
        StudyData data = StudyData.of(study);
        RankPlot.Point broken = RankPlot.data(data).panels().get(0).points().get(0);
        assertFalse(broken.feasible());
        assertEquals(1.0, broken.rank());
        SvgWriter svg = new SvgWriter("rank");
        new RankPlot().render(data, svg);
        assertTrue(svg.toString().contains("(rank 1 of 3), infeasible</title>"), svg.toString());
        assertFalse(svg.toString().contains(ColorScale.at(1)), "the bright colour is the best feasible rank's only");
    }

    @Test
    void aPanelOfManyTrialsIsThinnedKeepingTheBest() {
        Study study = Study.builder().sampler(new dev.hpo.sampler.RandomSampler(1)).build();
        study.optimize(t -> t.suggestFloat("a", 0, 1) + t.suggestFloat("b", 0, 1), 1000);
        SvgWriter svg = new SvgWriter("rank");
        new RankPlot().render(StudyData.of(study), svg);
        int circles = svg.toString().split("<circle", -1).length - 1;
        assertTrue(circles >= 200 && circles <= 250, circles + " points drawn");
        assertTrue(svg.toString().contains("(rank 1 of 1000)"), "the best trial is kept");
    }

    @Test
    void niceTicksAreRoundNumbers() {
        LinearScale s = new LinearScale(0.13, 9.7, 0, 100, 5);
        assertEquals(List.of("0", "2.5", "5", "7.5", "10"), s.ticks().stream().map(Scale.Tick::label).toList());
    }

    @Test
    void theTimelinesTrialAxisLabelsOnlyTrialsThereAre() {
        Study one = Study.builder().build();
        one.optimize(t -> t.suggestFloat("a", 0, 1), 1);
        SvgWriter svg = new SvgWriter("timeline");
        new TimelinePlot().render(StudyData.of(one), svg);
        assertFalse(svg.toString().contains(">1</text>"), "no trial 1 on the axis of a one-trial study");
        assertTrue(svg.toString().contains(">0</text>"), svg.toString());
        assertEquals(List.of("0"), labels(LinearScale.wholeNumbers(-0.5, 0.5, 0, 100, 6)));
        assertEquals(List.of("0", "1", "2"), labels(LinearScale.wholeNumbers(-0.5, 2.5, 0, 100, 6)));
        assertEquals(List.of("0", "20", "40", "60", "80"), labels(LinearScale.wholeNumbers(-0.5, 99.5, 0, 100, 6)));
        LinearScale trials = LinearScale.wholeNumbers(-0.5, 2.5, 0, 300, 6);
        assertEquals(50, trials.toPixel(0), 1e-9, "half a band between the frame and the first trial");
    }

    private static List<String> labels(Scale s) {
        return s.ticks().stream().map(Scale.Tick::label).toList();
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

    /** The SVG a plot draws for the study. */
    private static String svg(Plot plot, Study study) {
        SvgWriter svg = new SvgWriter(plot.title());
        plot.render(StudyData.of(study), svg);
        return svg.toString();
    }

    @Test
    void theThresholdTheBuildGatesOnIsADashedLineInsideTheScale() {
        Study study = told(Direction.MAXIMIZE, 0.5, 0.7, 0.6);
        assertFalse(svg(new OptimizationHistoryPlot(), study).contains("threshold"), "no threshold, no line");
        study.setSystemAttr(Thresholds.ATTR, 0.95);  // above every value: the scale must reach it
        String history = svg(new OptimizationHistoryPlot(), study);
        assertTrue(history.contains("class=\"threshold-line\"") && history.contains(">threshold 0.95<"), history);
        study.setUserAttr(Thresholds.ATTR, "0.9");  // a team's own gate wins
        assertTrue(svg(new OptimizationHistoryPlot(), study).contains(">threshold 0.9<"));
    }

    @Test
    void aMultiObjectiveStudysThresholdsAreLinesOnThePlotOfItsFront() {
        Study study = Study.builder().directions(Direction.MINIMIZE, Direction.MINIMIZE).build();
        for (double x : new double[] {0.2, 0.5, 0.8}) {
            Trial t = study.ask();
            t.suggestFloat("x", 0, 1);
            study.tell(t, (1 - x) * (1 - x), x);
        }
        study.setSystemAttr(Thresholds.ATTR, List.of("none", 0.6));
        String pareto = svg(new ParetoFrontPlot(), study);
        assertEquals(1, pareto.split("class=\"threshold-line\"", -1).length - 1, "only the second value has one");
        assertTrue(pareto.contains(">threshold 0.6<"), pareto);
    }

    @Test
    void threeObjectivesArePlottedPairwiseWithTheFrontOfAllThreeAndEachThreshold() {
        Study study = Study.builder().directions(Direction.MINIMIZE, Direction.MINIMIZE, Direction.MAXIMIZE).build();
        // #3 is dominated by #1; #4 only in the first two objectives (by #0), not in all three
        double[][] values = {{1, 3, 5}, {2, 2, 1}, {3, 1, 1}, {3, 3, 0}, {2, 3, 9}};
        for (double[] v : values) {
            Trial t = study.ask();
            t.suggestFloat("x", 0, 1);
            study.tell(t, v);
        }
        study.setSystemAttr(Thresholds.ATTR, List.of(2.5, "none", 4.0));
        StudyData data = StudyData.of(study);
        assertEquals(List.of("0-1", "0-2", "1-2"),
                ParetoFrontPlot.pairs(data).stream().map(p -> p[0] + "-" + p[1]).toList());
        assertEquals(Set.of(0, 1, 2, 4), ParetoFrontPlot.data(data).front().stream().map(FrozenTrial::number)
                .collect(Collectors.toSet()));
        String pareto = svg(new ParetoFrontPlot(), study);
        assertEquals(3, pareto.split("class=\"frame\"", -1).length - 1, "a panel per pair");
        assertEquals(4, pareto.split("class=\"threshold-line\"", -1).length - 1,
                "the first objective's threshold in two panels, the third's in two, the second has none");
        assertFalse(pareto.contains("front-line"), "a projection of the front is not joined");
        assertEquals(3 * 4 + 1, pareto.split("class=\"pt-front\"", -1).length - 1,
                "four front trials per panel, and the legend's mark");
    }

    @Test
    void sixObjectivesShowThePairsOfTheFirstFive() {
        Direction[] six = new Direction[6];
        java.util.Arrays.fill(six, Direction.MINIMIZE);
        Study study = Study.builder().directions(six).build();
        for (int k = 0; k < 4; k++) {
            Trial t = study.ask();
            t.suggestFloat("x", 0, 1);
            study.tell(t, k, 3 - k, k % 2, k, k, k);
        }
        assertEquals(10, ParetoFrontPlot.pairs(StudyData.of(study)).size());
        assertEquals(10, svg(new ParetoFrontPlot(), study).split("class=\"frame\"", -1).length - 1);
    }
}
