package dev.hpo.report;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.multi.Hypervolume;
import dev.hpo.multi.Pareto;
import java.util.ArrayList;
import java.util.List;

/**
 * How the Pareto front grew: the hypervolume of the feasible completed trials' front after each of them, by trial
 * number (Optuna's {@code plot_hypervolume_history}). The single-objective history's counterpart for several
 * objectives: a flat stretch is trials that added nothing to the front.
 *
 * <p>Trials with an infinite value are left out: no finite reference point bounds their volume. Optuna asks the
 * user for the reference point; the report takes the worst value of each objective over the
 * feasible completed trials, a tenth of that objective's range beyond it, so that every front trial adds volume and
 * the curve ends where the whole front is counted. Drawn for two and three objectives, where the exact hypervolume
 * of a front of hundreds of trials is cheap to recompute at each improvement.
 */
public final class HypervolumeHistoryPlot implements Plot {

    /** Most objectives the plot is drawn for. */
    static final int MAX_OBJECTIVES = 3;

    private static final double W = 760;
    private static final double H = 320;

    /** The hypervolume of the front after trial {@code trial} finished. */
    public record Point(int trial, double hypervolume) {
    }

    /**
     * @param reference the reference point, in each objective's own direction (a maximized objective's is below
     *     every trial's value)
     * @param history one point per feasible completed trial, in trial-number order
     */
    public record Data(double[] reference, List<Point> history) {
    }

    public static Data data(StudyData study) {
        List<Direction> directions = study.directions();
        int m = directions.size();
        List<FrozenTrial> trials = study.complete().stream()
                .filter(t -> t.isFeasible() && t.values().stream().allMatch(Double::isFinite)).toList();
        List<double[]> points = new ArrayList<>(trials.size());
        for (FrozenTrial t : trials) {
            double[] p = new double[m];
            for (int i = 0; i < m; i++) {
                p[i] = directions.get(i).toMinimized(t.values().get(i));
            }
            points.add(p);
        }
        double[] reference = referencePoint(points, m);
        List<double[]> front = new ArrayList<>();
        List<Point> history = new ArrayList<>(trials.size());
        double volume = 0;
        for (int k = 0; k < trials.size(); k++) {
            double[] p = points.get(k);
            if (front.stream().noneMatch(f -> weaklyDominates(f, p))) {
                volume += exclusiveVolume(p, front, reference);
                front.removeIf(f -> weaklyDominates(p, f));
                front.add(p);
            }
            history.add(new Point(trials.get(k).number(), volume));
        }
        double[] shown = new double[m];
        for (int i = 0; i < m; i++) {
            shown[i] = directions.get(i) == Direction.MAXIMIZE ? -reference[i] : reference[i];
        }
        return new Data(shown, history);
    }

    /** Per objective (minimized): the worst value plus a tenth of the range, or of the value's size when all agree. */
    private static double[] referencePoint(List<double[]> points, int m) {
        double[] reference = new double[m];
        for (int i = 0; i < m; i++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double[] p : points) {
                lo = Math.min(lo, p[i]);
                hi = Math.max(hi, p[i]);
            }
            double margin = hi > lo ? 0.1 * (hi - lo) : Math.max(0.1 * Math.abs(hi), 1e-9);
            reference[i] = hi + margin;
        }
        return reference;
    }

    /**
     * What {@code p} adds to the volume the front dominates: its box up to the reference point less the part of it
     * the front already dominates, which is what the front's points clamped into the box ({@code max(p, f)}) dominate.
     * Only the few clamped points that stay non-dominated count, so an update costs about a sort of the front, where
     * recomputing the whole front's volume at every new point made a study's history grow as n² log n.
     */
    private static double exclusiveVolume(double[] p, List<double[]> front, double[] reference) {
        double box = 1;
        for (int i = 0; i < p.length; i++) {
            box *= reference[i] - p[i];
        }
        List<double[]> clamped = new ArrayList<>(front.size());
        for (double[] f : front) {
            double[] c = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                c[i] = Math.max(p[i], f[i]);
            }
            clamped.add(c);
        }
        return box - Hypervolume.of(Pareto.front(clamped).toArray(double[][]::new), reference);
    }

    /** a is no worse than b in every (minimized) objective. */
    private static boolean weaklyDominates(double[] a, double[] b) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] > b[i]) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String id() {
        return "hypervolume";
    }

    @Override
    public String title() {
        return "Hypervolume history";
    }

    @Override
    public String caption() {
        return "Hypervolume of the Pareto front of the feasible completed trials so far; the reference point is each"
                + " objective's worst value, a tenth of its range further.";
    }

    @Override
    public boolean appliesTo(StudyData data) {
        return data.multiObjective() && data.directions().size() <= MAX_OBJECTIVES
                && data.complete().stream().anyMatch(t -> t.isFeasible() && t.values().stream().allMatch(Double::isFinite));
    }

    @Override
    public void render(StudyData study, SvgWriter svg) {
        svg.size(W, H);
        Data data = data(study);
        List<Point> history = data.history();
        double[] ys = history.stream().mapToDouble(Point::hypervolume).toArray();
        int lastTrial = study.trials().isEmpty() ? 1 : study.trials().get(study.trials().size() - 1).number();
        Scale x = new LinearScale(0, Math.max(1, lastTrial), 70, W - 20, 8, true);
        Scale y = Axes.forValues(ys, H - 50, 14, 6);
        Axes.draw(svg, x, y, "trial", "hypervolume");
        List<Double> xs = new ArrayList<>();
        List<Double> hs = new ArrayList<>();
        for (int i = 0; i < history.size(); i++) {
            Point p = history.get(i);
            boolean changes = i == 0 || p.hypervolume() != history.get(i - 1).hypervolume();
            if (changes && i > 0) {  // a step: flat until this trial, then up
                xs.add(x.toPixel(p.trial()));
                hs.add(y.toPixel(history.get(i - 1).hypervolume()));
            }
            if (changes || i == history.size() - 1) {
                xs.add(x.toPixel(p.trial()));
                hs.add(y.toPixel(p.hypervolume()));
            }
        }
        if (xs.size() > 1) {
            svg.polyline(xs.stream().mapToDouble(Double::doubleValue).toArray(),
                    hs.stream().mapToDouble(Double::doubleValue).toArray(), "best-line", null,
                    "hypervolume: " + Html.number(ys[ys.length - 1]));
        }
        StringBuilder reference = new StringBuilder("reference point (");
        for (int i = 0; i < data.reference().length; i++) {
            reference.append(i == 0 ? "" : ", ").append(Html.number(data.reference()[i]));
        }
        svg.text(W - 28, H - 60, reference.append(')').toString(), "end", "legend", 0);  // bottom right, below a rising curve
    }
}
