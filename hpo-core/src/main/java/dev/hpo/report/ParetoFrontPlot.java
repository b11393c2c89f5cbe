package dev.hpo.report;

import dev.hpo.FrozenTrial;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A multi-objective study's objectives against each other: the Pareto-optimal trials highlighted, the others in
 * grey, and the thresholds the build gates on as dashed lines. Two objectives make one plot, whose front is joined in
 * order; more make a panel per pair of objectives (of the first {@value #MAX_OBJECTIVES}), each showing the front of
 * all of them, which a projection does not order. Shown instead of the optimization history.
 */
public final class ParetoFrontPlot implements Plot {

    /** Pairs of more objectives than this would crowd the report: ten panels at most. */
    static final int MAX_OBJECTIVES = 5;
    private static final int MAX_OTHERS = 2000;
    private static final double W = 760;
    private static final double H = 400;
    private static final int COLUMNS = 3;
    private static final double PW = 300;
    private static final double PH = 270;
    private static final double LEGEND = 26;

    /**
     * The Pareto-optimal trials (sorted by the first objective; feasible ones only, as {@link
     * dev.hpo.Study#bestTrials()}) and the other completed trials.
     */
    public record Data(List<FrozenTrial> front, List<FrozenTrial> dominated) {
    }

    public static Data data(StudyData study) {
        List<FrozenTrial> front = new ArrayList<>(study.best());
        front.sort(Comparator.comparingDouble(t -> t.values().get(0)));
        Set<Integer> onFront = new HashSet<>();
        front.forEach(t -> onFront.add(t.number()));
        List<FrozenTrial> dominated = new ArrayList<>();
        for (FrozenTrial t : study.complete()) {
            if (!onFront.contains(t.number())) {
                dominated.add(t);
            }
        }
        return new Data(front, dominated);
    }

    /** The pairs of objectives drawn, by index: (0, 1) alone for two objectives. */
    public static List<int[]> pairs(StudyData study) {
        int shown = Math.min(study.directions().size(), MAX_OBJECTIVES);
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < shown; i++) {
            for (int j = i + 1; j < shown; j++) {
                pairs.add(new int[] {i, j});
            }
        }
        return pairs;
    }

    @Override
    public String id() {
        return "pareto";
    }

    @Override
    public String title() {
        return "Pareto front";
    }

    @Override
    public String caption() {
        return "Objectives against each other (each pair of the first " + MAX_OBJECTIVES + " when there are more than"
                + " two); highlighted trials are not dominated by any other in all objectives; dashed lines (if any)"
                + " are the thresholds the build gates on.";
    }

    @Override
    public boolean appliesTo(StudyData data) {
        return data.multiObjective();
    }

    @Override
    public void render(StudyData study, SvgWriter svg) {
        Data data = data(study);
        List<int[]> pairs = pairs(study);
        if (pairs.size() == 1) {
            svg.size(W, H);
            panel(svg, study, data, 0, 1, new double[] {70, 14, W - 150, H - 50}, true, MAX_OTHERS);
            legend(svg, W - 130, 24, 18);
            return;
        }
        int rows = (pairs.size() + COLUMNS - 1) / COLUMNS;
        svg.size(PW * COLUMNS, LEGEND + PH * rows);
        for (int p = 0; p < pairs.size(); p++) {
            double ox = (p % COLUMNS) * PW;
            double oy = LEGEND + (p / COLUMNS) * PH;
            panel(svg, study, data, pairs.get(p)[0], pairs.get(p)[1],
                    new double[] {ox + 64, oy + 10, ox + PW - 14, oy + PH - 50}, false, MAX_OTHERS / pairs.size());
        }
        legend(svg, 70, 12, 0);
    }

    /**
     * Objective i against objective j in the box {left, top, right, bottom}; the front joined in order of i only
     * when it is the front of these two objectives alone.
     */
    private static void panel(SvgWriter svg, StudyData study, Data data, int i, int j, double[] box,
            boolean joinFront, int maxOthers) {
        double left = box[0];
        double top = box[1];
        double right = box[2];
        double bottom = box[3];
        Scale x = Axes.forValues(Axes.withThreshold(values(study, i), study.threshold(i)), left, right,
                joinFront ? 8 : 5);
        Scale y = Axes.forValues(Axes.withThreshold(values(study, j), study.threshold(j)), bottom, top, 6);
        Axes.draw(svg, x, y, axisLabel(study, i), axisLabel(study, j));
        if (!Double.isNaN(study.threshold(i))) {
            Axes.thresholdLine(svg, x.toPixel(study.threshold(i)), bottom, top, true, study.threshold(i));
        }
        if (!Double.isNaN(study.threshold(j))) {
            Axes.thresholdLine(svg, left, y.toPixel(study.threshold(j)), right, false, study.threshold(j));
        }
        svg.startGroup("dominated", null);
        for (FrozenTrial t : Thinning.keepBest(data.dominated(), maxOthers, FrozenTrial::number)) {
            svg.circle(x.toPixel(t.values().get(i)), y.toPixel(t.values().get(j)), 2.8, "pt-dominated", label(t));
        }
        svg.endGroup();
        double[] fx = new double[data.front().size()];
        double[] fy = new double[fx.length];
        for (int k = 0; k < fx.length; k++) {
            fx[k] = x.toPixel(data.front().get(k).values().get(i));
            fy[k] = y.toPixel(data.front().get(k).values().get(j));
        }
        if (joinFront && fx.length > 1) {
            svg.polyline(fx, fy, "front-line", null, null);
        }
        for (int k = 0; k < fx.length; k++) {
            svg.circle(fx[k], fy[k], 4, "pt-front", label(data.front().get(k)));
        }
    }

    /** Objective k of every completed trial, which its axis spans. */
    private static double[] values(StudyData study, int k) {
        return study.complete().stream().mapToDouble(t -> t.values().get(k)).toArray();
    }

    private static String axisLabel(StudyData study, int i) {
        return study.metricLabel(i) + " (" + study.directions().get(i).name().toLowerCase(Locale.ROOT) + ")";
    }

    /** The two marks' key at (x, y): one below the other when {@code step} is positive, side by side otherwise. */
    private static void legend(SvgWriter svg, double x, double y, double step) {
        double x2 = step > 0 ? x : x + 120;
        double y2 = step > 0 ? y + step : y;
        svg.circle(x, y, 4, "pt-front", null).text(x + 10, y + 4, "Pareto front", "start", "legend", 0);
        svg.circle(x2, y2, 3, "pt-dominated", null).text(x2 + 10, y2 + 4, "other trials", "start", "legend", 0);
    }

    private static String label(FrozenTrial t) {
        StringBuilder s = new StringBuilder("trial ").append(t.number()).append(": ");
        for (int i = 0; i < t.values().size(); i++) {
            s.append(i == 0 ? "" : ", ").append(Html.number(t.values().get(i)));
        }
        return s.toString();
    }
}
