package dev.hpo.report;

import java.util.Arrays;

/**
 * The empirical distribution function of the objective: for each value, the share of completed trials that
 * reached at most that value. A curve rising early means good values were common.
 */
public final class EdfPlot implements Plot {

    private static final int MAX_STEPS = 500;
    private static final double W = 760;
    private static final double H = 320;

    /** The step function: {@code fractions[i]} of the trials have a value of at most {@code values[i]}. */
    public record Data(double[] values, double[] fractions) {
    }

    public static Data data(StudyData study) {
        double[] v = study.complete().stream().mapToDouble(StudyData::objective).sorted().toArray();
        int n = v.length;
        int steps = Math.min(n, MAX_STEPS);
        double[] xs = new double[steps];
        double[] fs = new double[steps];
        for (int k = 0; k < steps; k++) {
            int idx = steps == n ? k : (int) Math.round((double) k * (n - 1) / (steps - 1));
            // the last trial with this value, so that ties count together
            while (idx + 1 < n && v[idx + 1] == v[idx]) {
                idx++;
            }
            xs[k] = v[idx];
            fs[k] = (idx + 1.0) / n;
        }
        return new Data(xs, fs);
    }

    @Override
    public String id() {
        return "edf";
    }

    @Override
    public String title() {
        return "Empirical distribution of the objective";
    }

    @Override
    public String caption() {
        return "Share of completed trials whose objective is at most a value.";
    }

    @Override
    public boolean appliesTo(StudyData data) {
        return !data.complete().isEmpty();
    }

    @Override
    public void render(StudyData study, SvgWriter svg) {
        svg.size(W, H);
        Data data = data(study);
        Scale x = Axes.forValues(data.values(), 70, W - 20, 8);
        Scale y = new LinearScale(0, 1, H - 50, 14, 5);
        Axes.draw(svg, x, y, study.objectiveLabel(), "cumulative share");
        int n = data.values().length;
        double[] xs = new double[2 * n + 1];
        double[] ys = new double[2 * n + 1];
        double prev = 0;
        xs[0] = x.toPixel(data.values()[0]);
        ys[0] = y.toPixel(0);
        for (int k = 0; k < n; k++) {
            xs[2 * k + 1] = x.toPixel(data.values()[k]);
            ys[2 * k + 1] = y.toPixel(prev);
            xs[2 * k + 2] = xs[2 * k + 1];
            ys[2 * k + 2] = y.toPixel(data.fractions()[k]);
            prev = data.fractions()[k];
        }
        svg.polyline(Arrays.copyOfRange(xs, 1, xs.length), Arrays.copyOfRange(ys, 1, ys.length), "edf-line", null,
                study.complete().size() + " completed trials");
    }
}
