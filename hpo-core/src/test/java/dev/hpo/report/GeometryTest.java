package dev.hpo.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialPruned;
import dev.hpo.sampler.RandomSampler;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What the report draws for studies at the edges: odd values, no completed trial, long names, constant parameters. */
class GeometryTest {

    private static final Pattern COORDINATE = Pattern.compile(" (x|y|x1|y1|x2|y2|cx|cy|r|width|height)=\"([^\"]*)\"");
    private static final Pattern POINTS = Pattern.compile(" points=\"([^\"]*)\"");

    @Test
    void infiniteValuesConstraintsConditionalParametersAndHugeRangesGiveOnlyFiniteCoordinates() {
        StringBuilder svgs = new StringBuilder();
        Matcher svg = Pattern.compile("<svg[\\s\\S]*?</svg>").matcher(HtmlReport.render(List.of(
                ReportFixtures.extremes(60))));
        while (svg.find()) {
            svgs.append(svg.group());
        }
        String html = svgs.toString();
        int checked = 0;
        Matcher m = COORDINATE.matcher(html);
        while (m.find()) {
            assertTrue(isNumber(m.group(2)), m.group(1) + "=\"" + m.group(2) + "\" is not a number");
            checked++;
        }
        Matcher p = POINTS.matcher(html);
        while (p.find()) {
            for (String v : p.group(1).trim().split("[\\s,]+")) {
                assertTrue(isNumber(v), "points=\"" + p.group(1) + "\" holds " + v);
            }
            checked++;
        }
        assertTrue(checked > 1000, "only " + checked + " coordinates found");
        assertFalse(html.contains(">2000000000<") || html.contains(">1000000000<"), "a tick printed in full");
    }

    @Test
    void parallelCoordinatesDrawEveryTrialOfAConditionalSpaceOverTheAxesItHas() {
        StudyData study = StudyData.of(ReportFixtures.extremes(60));
        ParallelCoordinatePlot.Data data = ParallelCoordinatePlot.data(study);
        assertEquals(study.complete().size(), data.trials().size());
        int svmAxis = data.axes().indexOf("svm_c");
        int forestAxis = data.axes().indexOf("forest_depth");
        assertTrue(svmAxis > 0 && forestAxis > 0, data.axes().toString());
        for (int i = 0; i < data.trials().size(); i++) {
            FrozenTrial t = data.trials().get(i);
            double[] line = data.lines().get(i);
            assertEquals(t.params().containsKey("svm_c"), !Double.isNaN(line[svmAxis]), "trial " + t.number());
            assertEquals(t.params().containsKey("forest_depth"), !Double.isNaN(line[forestAxis]),
                    "trial " + t.number());
        }
    }

    @Test
    void aStudyWithoutACompletedTrialShowsANoteAndOnlyThePlotsOfItsStatesAndReports() {
        Study study = Study.builder().name("failing").build();
        study.optimize(t -> {
            t.report(0, t.suggestFloat("x", 0, 1));
            throw new TrialPruned();
        }, 3);
        String html = HtmlReport.render(List.of(study));
        assertTrue(html.contains("No trial has completed yet"), "a note instead of empty axes");
        assertTrue(html.contains("data-plot=\"intermediate\"") && html.contains("data-plot=\"timeline\""));
        assertFalse(html.contains("data-plot=\"history\"") || html.contains("data-plot=\"slice\""));
    }

    @Test
    void longNamesAreCutToTheirRoomAndAParameterOfOneValueGetsNoContour() {
        Study study = Study.builder().name("long").sampler(new RandomSampler(3)).build();
        String longName = "learning_rate_of_the_second_optimizer_in_the_warm_up_schedule";
        study.optimize(t -> t.suggestFloat(longName, 0, 1) + t.suggestInt("depth", 1, 5)
                + t.suggestCategorical("fixed", List.of("only")).length(), 12);
        String html = HtmlReport.render(List.of(study));
        // which plot puts the name on which axis (and so its room) follows the importances: any cut is fine
        Matcher cut = Pattern.compile(">(learning_rate_of_the_[a-z_]*)…</text>").matcher(html);
        assertTrue(cut.find() && longName.startsWith(cut.group(1)), "an axis title cut with an ellipsis");
        assertFalse(html.contains(">" + longName + "</text>"), "no axis title runs past its plot");
        StudyData data = StudyData.of(study);
        assertTrue(ContourPlot.pairs(data).stream().noneMatch(p -> List.of(p).contains("fixed")));
    }

    private static boolean isNumber(String s) {
        try {
            return Double.isFinite(Double.parseDouble(s));
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
