package dev.hpo.report;

import dev.hpo.FrozenTrial;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The first two objectives of a multi-objective study against each other: the Pareto-optimal trials
 * highlighted and joined in order, the dominated ones in grey, and the thresholds the build gates on as dashed lines.
 * Shown instead of the optimization history.
 */
public final class ParetoFrontPlot implements Plot {

    private static final int MAX_DOMINATED = 2000;
    private static final double W = 760;
    private static final double H = 400;

    /** The non-dominated trials (sorted by the first objective) and the others. */
    public record Data(List<FrozenTrial> front, List<FrozenTrial> dominated) {
    }

    public static Data data(StudyData study) {
        List<FrozenTrial> front = new ArrayList<>(study.frontOfFirstTwo());
        front.sort(Comparator.comparingDouble(t -> t.values().get(0)));
        java.util.Set<Integer> onFront = new java.util.HashSet<>();
        front.forEach(t -> onFront.add(t.number()));
        List<FrozenTrial> dominated = new ArrayList<>();
        for (FrozenTrial t : study.complete()) {
            if (!onFront.contains(t.number())) {
                dominated.add(t);
            }
        }
        return new Data(front, dominated);
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
        return "The first two objectives; highlighted trials are not dominated by any other; dashed lines (if any) are"
                + " the thresholds the build gates on.";
    }

    @Override
    public boolean appliesTo(StudyData data) {
        return data.multiObjective();
    }

    @Override
    public void render(StudyData study, SvgWriter svg) {
        svg.size(W, H);
        Data data = data(study);
        double[] a = study.complete().stream().mapToDouble(t -> t.values().get(0)).toArray();
        double[] b = study.complete().stream().mapToDouble(t -> t.values().get(1)).toArray();
        Scale x = Axes.forValues(Axes.withThreshold(a, study.threshold(0)), 70, W - 150, 8);
        Scale y = Axes.forValues(Axes.withThreshold(b, study.threshold(1)), H - 50, 14, 6);
        Axes.draw(svg, x, y, study.metricLabel(0) + " (" + study.directions().get(0).name().toLowerCase(Locale.ROOT)
                + ")", study.metricLabel(1) + " (" + study.directions().get(1).name().toLowerCase(Locale.ROOT) + ")");
        if (!Double.isNaN(study.threshold(0))) {
            Axes.thresholdLine(svg, x.toPixel(study.threshold(0)), H - 50, 14, true, study.threshold(0));
        }
        if (!Double.isNaN(study.threshold(1))) {
            Axes.thresholdLine(svg, 70, y.toPixel(study.threshold(1)), W - 150, false, study.threshold(1));
        }
        List<FrozenTrial> dominated = Thinning.keepBest(data.dominated(), MAX_DOMINATED,
                FrozenTrial::number);
        svg.startGroup("dominated", null);
        for (FrozenTrial t : dominated) {
            svg.circle(x.toPixel(t.values().get(0)), y.toPixel(t.values().get(1)), 2.8, "pt-dominated", label(t));
        }
        svg.endGroup();
        double[] fx = new double[data.front().size()];
        double[] fy = new double[fx.length];
        for (int i = 0; i < fx.length; i++) {
            fx[i] = x.toPixel(data.front().get(i).values().get(0));
            fy[i] = y.toPixel(data.front().get(i).values().get(1));
        }
        if (fx.length > 1) {
            svg.polyline(fx, fy, "front-line", null, null);
        }
        for (int i = 0; i < fx.length; i++) {
            svg.circle(fx[i], fy[i], 4, "pt-front", label(data.front().get(i)));
        }
        svg.circle(W - 130, 24, 4, "pt-front", null).text(W - 120, 28, "Pareto front", "start", "legend", 0);
        svg.circle(W - 130, 42, 3, "pt-dominated", null).text(W - 120, 46, "dominated", "start", "legend", 0);
    }

    private static String label(FrozenTrial t) {
        StringBuilder s = new StringBuilder("trial ").append(t.number()).append(": ");
        for (int i = 0; i < t.values().size(); i++) {
            s.append(i == 0 ? "" : ", ").append(Html.number(t.values().get(i)));
        }
        return s.toString();
    }
}
