package dev.hpo.report;

import dev.hpo.FrozenTrial;
import dev.hpo.TrialState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The learning curves trials reported for pruning: one line per trial over its steps, coloured by how the
 * trial ended (completed, pruned, failed or still running), so that where the pruner cut is visible.
 */
public final class IntermediateValuesPlot implements Plot {

    private static final int MAX_TRIALS = 300;
    private static final double W = 760;
    private static final double H = 360;

    /** A trial's curve: its steps and values. */
    public record Curve(int trial, TrialState state, int[] steps, double[] values) {
    }

    /** The curves of every trial that reported at least one value, in trial order. */
    public static List<Curve> data(StudyData study) {
        List<Curve> out = new ArrayList<>();
        for (FrozenTrial t : study.trials()) {
            if (t.intermediateValues().isEmpty()) {
                continue;
            }
            int[] steps = new int[t.intermediateValues().size()];
            double[] values = new double[steps.length];
            int k = 0;
            for (Map.Entry<Integer, Double> e : t.intermediateValues().entrySet()) {
                steps[k] = e.getKey();
                values[k++] = e.getValue();
            }
            out.add(new Curve(t.number(), t.state(), steps, values));
        }
        return out;
    }

    @Override
    public String id() {
        return "intermediate";
    }

    @Override
    public String title() {
        return "Intermediate values";
    }

    @Override
    public boolean needsCompletedTrials() {
        return false;
    }

    @Override
    public String caption() {
        return "Values reported by each trial per step, coloured by how the trial ended.";
    }

    @Override
    public boolean appliesTo(StudyData data) {
        return data.trials().stream().anyMatch(t -> !t.intermediateValues().isEmpty());
    }

    @Override
    public void render(StudyData study, SvgWriter svg) {
        svg.size(W, H);
        List<Curve> curves = data(study);
        double maxStep = 1;
        List<Double> all = new ArrayList<>();
        for (Curve c : curves) {
            maxStep = Math.max(maxStep, c.steps()[c.steps().length - 1]);
            for (double v : c.values()) {
                all.add(v);
            }
        }
        Scale x = new LinearScale(0, maxStep, 70, W - 130, 8, true);
        Scale y = Axes.forValues(all.stream().mapToDouble(Double::doubleValue).toArray(), H - 50, 14, 6);
        Axes.draw(svg, x, y, "step", "intermediate value");
        List<Curve> shown = Thinning.keepBest(curves, MAX_TRIALS,
                c -> study.direction().toMinimized(c.values()[c.values().length - 1]));
        for (Curve c : shown) {
            double[] xs = new double[c.steps().length];
            double[] ys = new double[xs.length];
            for (int k = 0; k < xs.length; k++) {
                xs[k] = x.toPixel(c.steps()[k]);
                ys[k] = y.toPixel(c.values()[k]);
            }
            String title = "trial " + c.trial() + " (" + c.state() + "): last " + Html.number(c.values()[xs.length - 1])
                    + " at step " + c.steps()[xs.length - 1];
            if (xs.length == 1) {
                svg.circle(xs[0], ys[0], 2.5, "iv-" + c.state().name().toLowerCase(java.util.Locale.ROOT), title);
            } else {
                svg.polyline(xs, ys, "iv iv-" + c.state().name().toLowerCase(java.util.Locale.ROOT), null, title);
            }
        }
        StateLegend.draw(svg, W - 115, 24, curves.stream().map(Curve::state).toList());
    }
}
