package dev.hpo.report;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.space.Distribution;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Optuna's rank plot ({@code plot_rank}): the completed trials scattered over pairs of parameters, each coloured by
 * the rank of its objective value among all completed trials. Where the {@link ContourPlot} averages values into
 * cells, this shows every trial, and ranks rather than values set the colours, so one outlier cannot wash out the
 * rest: the best trial is always the brightest and the worst the darkest.
 *
 * <p>What differs from Optuna, and why:
 * <ul>
 * <li>Colours follow the direction, best bright in a minimized and a maximized study alike (Optuna colours low
 * values blue whichever the direction), as in the report's other plots.</li>
 * <li>Optuna draws every pair of every parameter, an n-by-n matrix; here the pairs of the most important
 * parameters ({@link ParamPairs}, as the contour plot), so that a study of many parameters stays readable.</li>
 * <li>With a single parameter Optuna draws it against itself, points on a diagonal; here it is drawn against the
 * objective value, which shows the same order and also by how much trials differ. This also stands in when no
 * pair of parameters is shared by two completed trials.</li>
 * </ul>
 * As in Optuna, trials that break a constraint are drawn grey (still ranked), and ties share the mean of their
 * places. Optuna ranks a {@code target} of the user's choice in a multi-objective study; the report, which offers no
 * such choice, ranks every objective in turn: a row of panels for each, each with its own colour bar.
 */
public final class RankPlot implements Plot {

    private static final int MAX_POINTS = 250;
    private static final double PW = 390;
    private static final double PH = 310;
    private static final double LEGEND = 130;
    private static final String INFEASIBLE = "#b8c0c8";
    /** Above each objective's row in a multi-objective study: which objective ranks it. */
    private static final double TITLE = 26;

    /**
     * A completed trial in a panel: its coordinates (internal parameter values, or the objective value on the y
     * axis of a one-parameter panel), its objective value and its rank among the completed trials (1 = best; tied
     * trials share the mean of their places).
     */
    public record Point(int trial, double x, double y, double value, double rank, boolean feasible) {
    }

    /** One panel: {@code xParam} against {@code yParam}, or against the objective value when {@code yParam} is null. */
    public record Panel(String xParam, String yParam, List<Point> points) {
    }

    /**
     * The panels and what their colours mean.
     *
     * @param ranked how many completed trials were ranked (the worst rank)
     * @param quantiles the objective values at 0, 25, 50, 75 and 100 % of the ranking, best first
     */
    public record Data(List<Panel> panels, int ranked, double[] quantiles) {
    }

    /** The panels of the first objective ({@link #data(StudyData, int)}). */
    public static Data data(StudyData study) {
        return data(study, 0);
    }

    /**
     * The panels of the pairs {@link ParamPairs} picks, or of one parameter against the value when there are none,
     * ranked by objective {@code objective}.
     */
    public static Data data(StudyData study, int objective) {
        List<FrozenTrial> complete = study.complete();
        Direction direction = study.directions().get(objective);
        double[] losses = new double[complete.size()];
        for (int i = 0; i < losses.length; i++) {
            losses[i] = direction.toMinimized(complete.get(i).values().get(objective));
        }
        double[] ranks = ranks(losses);
        List<Panel> panels = new ArrayList<>();
        for (String[] pair : ParamPairs.mostImportant(study)) {
            panels.add(panel(study, ranks, pair[0], pair[1], objective));
        }
        if (panels.isEmpty()) {
            String single = singleParam(study);
            if (single != null) {
                panels.add(panel(study, ranks, single, null, objective));
            }
        }
        return new Data(panels, losses.length, quantiles(direction, losses));
    }

    /**
     * The rank of each loss among all (1 = lowest), ties sharing the mean of their places. Losses are ordered as
     * {@link Double#compare} orders them, so that a value that is not a number ranks last; -0 ties with 0.
     */
    static double[] ranks(double[] losses) {
        double[] keys = new double[losses.length];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = losses[i] + 0.0;  // -0.0 + 0.0 is 0.0
        }
        double[] sorted = keys.clone();
        Arrays.sort(sorted);
        double[] out = new double[keys.length];
        for (int i = 0; i < keys.length; i++) {
            int first = bound(sorted, keys[i], false);
            int last = bound(sorted, keys[i], true) - 1;
            out[i] = (first + last) / 2.0 + 1;
        }
        return out;
    }

    /** The first index whose key is not below {@code key} (or, when {@code after}, is above it). */
    private static int bound(double[] sorted, double key, boolean after) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            int c = Double.compare(sorted[mid], key);
            if (c < 0 || after && c == 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The objective values at 0, 25, 50, 75 and 100 % of the ranking, interpolated between neighbouring places. */
    private static double[] quantiles(Direction direction, double[] losses) {
        double[] sorted = losses.clone();
        Arrays.sort(sorted);
        double[] out = new double[5];
        if (sorted.length == 0) {
            Arrays.fill(out, Double.NaN);
            return out;
        }
        for (int k = 0; k < out.length; k++) {
            double position = k / 4.0 * (sorted.length - 1);
            int lo = (int) Math.floor(position);
            int hi = (int) Math.ceil(position);
            double f = position - lo;
            double a = sorted[lo];
            double b = sorted[hi];
            // between an infinite and a finite loss there is nothing to interpolate: the nearer one stands
            double loss = f == 0 || a == b ? a
                    : Double.isFinite(a) && Double.isFinite(b) ? a + (b - a) * f : f < 0.5 ? a : b;
            out[k] = direction.toMinimized(loss);  // negating twice gives the value back
        }
        return out;
    }

    /** The most important parameter that two completed trials have, or null. */
    private static String singleParam(StudyData study) {
        for (String p : study.paramsByImportance()) {
            int n = 0;
            for (FrozenTrial t : study.complete()) {
                if (study.params().get(p).equals(t.distributions().get(p))) {
                    n++;
                }
            }
            if (n >= 2) {
                return p;
            }
        }
        return null;
    }

    private static Panel panel(StudyData study, double[] ranks, String xp, String yp, int objective) {
        Distribution xd = study.params().get(xp);
        List<Point> points = new ArrayList<>();
        List<FrozenTrial> complete = study.complete();
        for (int i = 0; i < complete.size(); i++) {
            FrozenTrial t = complete.get(i);
            boolean has = yp == null ? xd.equals(t.distributions().get(xp)) : ParamPairs.hasBoth(study, t, xp, yp);
            if (has) {
                double value = t.values().get(objective);
                points.add(new Point(t.number(), t.internalParam(xp), yp == null ? value : t.internalParam(yp), value,
                        ranks[i], t.isFeasible()));
            }
        }
        return new Panel(xp, yp, points);
    }

    @Override
    public String id() {
        return "rank";
    }

    @Override
    public String title() {
        return "Rank";
    }

    @Override
    public String caption() {
        return "Every completed trial, coloured by the rank of its objective value (bright = best, dark = worst, "
                + "grey = breaks a constraint); a row for each objective of a multi-objective study.";
    }

    /** At least two completed trials, of which two share a parameter. */
    @Override
    public boolean appliesTo(StudyData data) {
        return data.complete().size() >= 2
                && (!ParamPairs.mostImportant(data).isEmpty() || singleParam(data) != null);
    }

    @Override
    public void render(StudyData study, SvgWriter svg) {
        int objectives = study.directions().size();
        List<Data> all = new ArrayList<>();
        for (int k = 0; k < objectives; k++) {
            all.add(data(study, k));
        }
        int count = all.get(0).panels().size();
        int columns = Math.min(2, count);
        int rows = (count + columns - 1) / columns;
        double blockHeight = PH * rows + (objectives > 1 ? TITLE : 0);
        svg.size(PW * columns + LEGEND, blockHeight * objectives);
        for (int k = 0; k < objectives; k++) {
            double top = k * blockHeight;
            if (objectives > 1) {
                svg.text(14, top + 18, "ranked by " + study.metricLabel(k) + " (" + study.directions().get(k)
                        .name().toLowerCase(Locale.ROOT) + ")", "start", "legend", 0);
                top += TITLE;
            }
            renderObjective(study, k, all.get(k), columns, top, svg);
        }
    }

    private static void renderObjective(StudyData study, int objective, Data data, int columns, double top,
            SvgWriter svg) {
        List<Panel> panels = data.panels();
        int rows = (panels.size() + columns - 1) / columns;
        double[] values = study.complete().stream().mapToDouble(t -> t.values().get(objective)).toArray();
        ColorScale goodness = new ColorScale(0, 1, false);  // 1 = best, the bright end
        for (int g = 0; g < panels.size(); g++) {
            Panel panel = panels.get(g);
            double ox = (g % columns) * PW;
            double oy = top + (g / columns) * PH;
            Distribution xd = study.params().get(panel.xParam());
            Distribution yd = panel.yParam() == null ? null : study.params().get(panel.yParam());
            Scale x = Axes.forParam(xd, ox + 64, ox + PW - 14);
            Scale y = yd == null ? Axes.forValues(values, oy + PH - 50, oy + 10, 5)
                    : Axes.forParam(yd, oy + PH - 50, oy + 10);
            Axes.draw(svg, x, y, panel.xParam(), yd == null ? study.metricLabel(objective) : panel.yParam());
            List<Point> shown = new ArrayList<>(Thinning.keepBest(panel.points(), MAX_POINTS, Point::rank));
            shown.sort(Comparator.comparingDouble(Point::rank).reversed());  // the best drawn last, on top
            svg.startGroup("rank-pts", null);
            for (Point p : shown) {
                double py = Axes.clamp(y.toPixel(p.y()), y);
                if (Double.isNaN(py)) {
                    continue;  // a value that is not a number has no place on a value axis
                }
                String fill = p.feasible() ? goodness.color(1 - fraction(p.rank(), data.ranked())) : INFEASIBLE;
                svg.circle(x.toPixel(p.x()), py, 3, fill, hover(p, panel, xd, yd, data.ranked()));
            }
            svg.endGroup();
        }
        legend(svg, goodness, data, PW * columns + 14, top + 30, Math.min(240, PH * rows - 60));
    }

    /** Where a rank sits between the best (0) and the worst (1). */
    private static double fraction(double rank, int ranked) {
        return ranked < 2 ? 0.5 : (rank - 1) / (ranked - 1);
    }

    private static String hover(Point p, Panel panel, Distribution xd, Distribution yd, int ranked) {
        StringBuilder s = new StringBuilder(80).append("trial ").append(p.trial()).append(": ")
                .append(panel.xParam()).append('=').append(Html.param(xd.toExternal(p.x()), xd));
        if (yd != null) {
            s.append(", ").append(panel.yParam()).append('=').append(Html.param(yd.toExternal(p.y()), yd));
        }
        s.append(" → ").append(Html.number(p.value())).append(" (rank ").append(Html.number(p.rank()))
                .append(" of ").append(ranked).append(')');
        return p.feasible() ? s.toString() : s.append(", infeasible").toString();
    }

    /** The colour bar, best at the top, labelled with the values at the quartiles of the ranking. */
    private static void legend(SvgWriter svg, ColorScale goodness, Data data, double x, double y, double height) {
        svg.text(x + 6, y - 8, "rank", "middle", "legend", 0);
        goodness.bar(svg, x, y, height);
        String[] names = {"best", "25%", "50%", "75%", "worst"};
        for (int k = 0; k < names.length; k++) {
            svg.text(x + 16, y + 4 + height * k / 4.0, names[k] + " " + Html.number(data.quantiles()[k]), "start",
                    "legend", 0);
        }
    }
}
