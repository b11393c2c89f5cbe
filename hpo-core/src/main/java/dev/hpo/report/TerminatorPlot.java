package dev.hpo.report;

import dev.hpo.terminator.Terminator;
import java.util.Map;

/**
 * Why the terminator stopped the study, or why it did not yet (Optuna's {@code plot_terminator_improvement}): after
 * each trial, the bound on the improvement still possible against the error of the values. The study stops where
 * the bound first falls below the error. Drawn from the judgements the {@code TerminatorCallback} stored while the
 * study ran, so that the report fits no model itself; a study run without a terminator has none, and no plot.
 */
public final class TerminatorPlot implements Plot {

    private static final double W = 760;
    private static final double H = 320;
    /** The plot area starts lower than other plots': the legend goes above it, where no line can run. */
    private static final double TOP = 34;

    @Override
    public String id() {
        return "terminator";
    }

    @Override
    public String title() {
        return "Terminator";
    }

    @Override
    public String caption() {
        return "After each trial: a bound on the improvement still possible (from Gaussian processes fitted to the"
                + " trials) and the error of the values (from the best trial's folds, a share of the early bounds, or"
                + " fixed); the study stops once the bound falls below the error.";
    }

    @Override
    public boolean appliesTo(StudyData data) {
        return !data.terminator().isEmpty();
    }

    @Override
    public void render(StudyData study, SvgWriter svg) {
        svg.size(W, H);
        Map<Integer, Terminator.Evaluation> judged = study.terminator();
        int n = judged.size();
        double[] trials = new double[n];
        double[] bounds = new double[n];
        double[] errors = new double[n];
        double[] all = new double[2 * n];
        int i = 0;
        for (Map.Entry<Integer, Terminator.Evaluation> e : judged.entrySet()) {
            trials[i] = e.getKey();
            bounds[i] = e.getValue().improvement();
            errors[i] = e.getValue().error();
            all[2 * i] = bounds[i];
            all[2 * i + 1] = errors[i];
            i++;
        }
        int lastTrial = study.trials().isEmpty() ? 1 : study.trials().get(study.trials().size() - 1).number();
        Scale x = new LinearScale(0, Math.max(1, lastTrial), 70, W - 20, 8, true);
        Scale y = valueScale(all);
        Axes.draw(svg, x, y, "trial", "improvement (" + study.objectiveLabel() + ")");
        double[] px = new double[n];
        double[] pb = new double[n];
        double[] pe = new double[n];
        for (int k = 0; k < n; k++) {
            px[k] = x.toPixel(trials[k]);
            pb[k] = Axes.clamp(y.toPixel(bounds[k]), y);
            pe[k] = Axes.clamp(y.toPixel(errors[k]), y);
        }
        svg.polyline(px, pe, "error-line", null, "error: " + Html.number(errors[n - 1]));
        svg.polyline(px, pb, "bound-line", null, "improvement bound: " + Html.number(bounds[n - 1]));
        svg.startGroup("points", null);
        for (int k = 0; k < n; k++) {
            svg.circle(px[k], pb[k], 2.5, "pt", "after trial " + (int) trials[k] + ": bound "
                    + Html.number(bounds[k]) + ", error " + Html.number(errors[k]));
        }
        svg.endGroup();
        svg.line(70, 14, 86, 14, "bound-line")
                .text(92, 18, "bound on the improvement still possible", "start", "legend", 0);
        svg.line(360, 14, 376, 14, "error-line")
                .text(382, 18, "error of the values", "start", "legend", 0);
    }

    /** A log axis when every value is positive and they span more than a factor of ten, a linear one otherwise. */
    private static Scale valueScale(double[] values) {
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (min > 0 && max > 10 * min) {
            return new LogScale(min, max, H - 50, TOP);
        }
        return Axes.forValues(values, H - 50, TOP, 6);
    }
}
