package dev.hpo.report;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import java.util.ArrayList;
import java.util.List;

/**
 * The objective value of every completed trial by trial number, with the best value so far as a line and the threshold
 * the build gates on, when the study has one, as a dashed one. Trials that violate their constraints are drawn grey
 * and never count as the best, as in the study's own {@code bestTrial()}.
 */
public final class OptimizationHistoryPlot implements Plot {

    private static final int MAX_POINTS = 2000;
    private static final double W = 760;
    private static final double H = 360;

    /** A trial's number and a value. */
    public record Point(int trial, double value) {
    }

    /**
     * @param values one point per completed trial
     * @param best the best feasible value after each completed trial, from the first feasible one on
     */
    public record Data(List<Point> values, List<Point> best) {
    }

    public static Data data(StudyData study) {
        List<Point> values = new ArrayList<>();
        List<Point> best = new ArrayList<>();
        Direction d = study.direction();
        double bestSoFar = Double.NaN;
        for (FrozenTrial t : study.complete()) {
            double v = StudyData.objective(t);
            values.add(new Point(t.number(), v));
            if (t.isFeasible() && (Double.isNaN(bestSoFar) || d.isBetter(v, bestSoFar))) {
                bestSoFar = v;
            }
            if (!Double.isNaN(bestSoFar)) {
                best.add(new Point(t.number(), bestSoFar));
            }
        }
        return new Data(values, best);
    }

    @Override
    public String id() {
        return "history";
    }

    @Override
    public String title() {
        return "Optimization history";
    }

    @Override
    public String caption() {
        return "Objective value of each completed trial; the line is the best value so far, a dashed one (if any) the"
                + " threshold the build gates on.";
    }

    @Override
    public boolean appliesTo(StudyData data) {
        return !data.multiObjective();
    }

    @Override
    public void render(StudyData study, SvgWriter svg) {
        svg.size(W, H);
        Data data = data(study);
        double[] ys = data.values().stream().mapToDouble(Point::value).toArray();
        int lastTrial = study.trials().isEmpty() ? 1 : study.trials().get(study.trials().size() - 1).number();
        Scale x = new LinearScale(0, Math.max(1, lastTrial), 70, W - 20, 8, true);
        double threshold = study.threshold(0);
        Scale y = Axes.forValues(Axes.withThreshold(ys, threshold), H - 50, 14, 6);
        Axes.draw(svg, x, y, "trial", study.objectiveLabel());
        if (!Double.isNaN(threshold)) {
            Axes.thresholdLine(svg, 70, y.toPixel(threshold), W - 20, false, threshold);
        }
        List<FrozenTrial> shown = Thinning.keepBest(study.complete(), MAX_POINTS,
                t -> study.direction().toMinimized(StudyData.objective(t)));
        svg.startGroup("points", null);
        boolean infeasible = false;
        for (FrozenTrial t : shown) {
            double v = StudyData.objective(t);
            String label = "trial " + t.number() + ": " + Html.number(v);
            infeasible |= !t.isFeasible();
            svg.circle(x.toPixel(t.number()), y.toPixel(v), 3, t.isFeasible() ? "pt" : "pt-dominated",
                    t.isFeasible() ? label : label + ", infeasible");
        }
        svg.endGroup();
        List<Double> xs = new ArrayList<>();
        List<Double> bs = new ArrayList<>();
        for (int i = 0; i < data.best().size(); i++) {
            Point p = data.best().get(i);
            boolean changes = i == 0 || p.value() != data.best().get(i - 1).value();
            if (changes && i > 0) {
                xs.add(x.toPixel(p.trial()));
                bs.add(y.toPixel(data.best().get(i - 1).value()));
            }
            if (changes || i == data.best().size() - 1) {
                xs.add(x.toPixel(p.trial()));
                bs.add(y.toPixel(p.value()));
            }
        }
        if (!xs.isEmpty()) {
            svg.polyline(xs.stream().mapToDouble(Double::doubleValue).toArray(),
                    bs.stream().mapToDouble(Double::doubleValue).toArray(), "best-line", null,
                    "best value: " + Html.number(data.best().get(data.best().size() - 1).value()));
        }
        // the legend goes in the corner the best line leaves free: it ends high when maximizing, low when minimizing
        double top = study.direction() == Direction.MAXIMIZE ? H - 90 : 20;
        svg.circle(W - 170, top + 4, 4, "pt", null).text(W - 160, top + 8, study.objectiveLabel(), "start", "legend", 0);
        svg.line(W - 176, top + 22, W - 164, top + 22, "best-line").text(W - 160, top + 26, "best so far", "start",
                "legend", 0);
        if (infeasible) {
            svg.circle(W - 170, top + 40, 4, "pt-dominated", null).text(W - 160, top + 44, "infeasible", "start",
                    "legend", 0);
        }
    }
}
