package dev.hpo.report;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.space.Distribution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One vertical axis for the objective and one per parameter (most important first); every completed trial is
 * a line across them, coloured by its objective value, the best trials drawn last so they stay on top. A trial
 * without one of the parameters (a conditional space) passes that axis by, from its neighbours on either side.
 */
public final class ParallelCoordinatePlot implements Plot {

    private static final int MAX_PARAMS = 8;
    private static final int MAX_LINES = 400;
    private static final double H = 360;
    private static final double TOP = 30;
    private static final double BOTTOM = H - 40;

    /**
     * @param axes the objective label then the parameter names
     * @param lines per trial, its pixel y on each axis, NaN on the axis of a parameter it does not have
     */
    record Data(List<String> axes, List<Scale> scales, List<FrozenTrial> trials, List<double[]> lines) {
    }

    static Data data(StudyData study) {
        List<String> params = study.paramsByImportance();
        params = params.subList(0, Math.min(MAX_PARAMS, params.size()));
        List<String> axes = new ArrayList<>();
        axes.add(study.objectiveLabel());
        axes.addAll(params);
        double[] values = study.complete().stream().mapToDouble(StudyData::objective).toArray();
        List<Scale> scales = new ArrayList<>();
        scales.add(Axes.forValues(values, BOTTOM, TOP, 5));
        for (String p : params) {
            scales.add(Axes.forParam(study.params().get(p), BOTTOM, TOP));
        }
        List<FrozenTrial> trials = new ArrayList<>();
        List<double[]> lines = new ArrayList<>();
        for (FrozenTrial t : study.complete()) {
            double[] ys = new double[axes.size()];
            ys[0] = scales.get(0).toPixel(StudyData.objective(t));
            int present = 0;
            for (int k = 0; k < params.size(); k++) {
                Distribution d = study.params().get(params.get(k));
                boolean has = d.equals(t.distributions().get(params.get(k)));
                ys[k + 1] = has ? scales.get(k + 1).toPixel(t.internalParam(params.get(k))) : Double.NaN;
                present += has ? 1 : 0;
            }
            if (present > 0) {
                trials.add(t);
                lines.add(ys);
            }
        }
        return new Data(axes, scales, trials, lines);
    }

    @Override
    public String id() {
        return "parallel";
    }

    @Override
    public String title() {
        return "Parallel coordinates";
    }

    @Override
    public String caption() {
        return "One line per completed trial, coloured by objective value (bright = better); a trial without a"
                + " parameter passes its axis by.";
    }

    @Override
    public boolean appliesTo(StudyData data) {
        return !data.params().isEmpty();
    }

    @Override
    public void render(StudyData study, SvgWriter svg) {
        double left = 60;
        int n = Math.min(MAX_PARAMS, study.params().size()) + 1;
        double gap = Math.max(110, Math.min(180, 680.0 / Math.max(1, n - 1)));
        double right = left + gap * (n - 1);
        svg.size(right + 120, H);  // the legend's labels (9.501e-05) need about 60 pixels
        Data data = data(study);
        double[] values = study.complete().stream().mapToDouble(StudyData::objective).toArray();
        ColorScale colors = ColorScale.of(values, study.direction() == Direction.MINIMIZE);
        double[] xs = new double[n];
        for (int k = 0; k < n; k++) {
            xs[k] = left + gap * k;
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < data.trials().size(); i++) {
            order.add(i);
        }
        order = Thinning.keepBest(order, MAX_LINES,
                i -> study.direction().toMinimized(StudyData.objective(data.trials().get(i))));
        order.sort((a, b) -> study.betterFirst().compare(data.trials().get(b), data.trials().get(a)));
        svg.startGroup("lines", null);
        for (int i : order) {
            FrozenTrial t = data.trials().get(i);
            double[] ys = data.lines().get(i);
            int[] axes = IntStream.range(0, n).filter(k -> !Double.isNaN(ys[k])).toArray();
            svg.polyline(Arrays.stream(axes).mapToDouble(k -> xs[k]).toArray(),
                    Arrays.stream(axes).mapToDouble(k -> ys[k]).toArray(), "pc-line",
                    colors.color(StudyData.objective(t)),
                    "trial " + t.number() + ": " + Html.number(StudyData.objective(t)));
        }
        svg.endGroup();
        for (int k = 0; k < n; k++) {
            Scale s = data.scales().get(k);
            svg.line(xs[k], TOP, xs[k], BOTTOM, "pc-axis");
            for (Scale.Tick t : s.ticks()) {
                double y = s.toPixel(t.value());
                svg.line(xs[k] - 3, y, xs[k], y, "pc-axis");
                svg.text(xs[k] - 5, y + 4, t.label(), "end", "pc-tick", 0);
            }
            String name = data.axes().get(k);
            svg.text(xs[k], TOP - 12, name.length() > 22 ? name.substring(0, 21) + "…" : name, "middle",
                    "axis-label", 0);
        }
        colors.legend(svg, right + 40, TOP + 10, BOTTOM - TOP - 20, null);
    }
}
