package dev.hpo.report;

import dev.hpo.FrozenTrial;
import dev.hpo.space.CategoricalDistribution;
import dev.hpo.space.Distribution;
import java.util.ArrayList;
import java.util.List;

/**
 * Pairs of the most important parameters: each panel cuts the pair's ranges into a grid (one cell per
 * choice for categorical parameters), colours every cell by the mean objective of its trials, fills empty
 * cells from their neighbours (drawn paler, as they are interpolated) and overlays the trials.
 */
public final class ContourPlot implements Plot {

    private static final int CELLS = 20;
    private static final int MAX_POINTS = 300;
    private static final double PW = 390;
    private static final double PH = 310;

    /**
     * The grid of one pair. {@code mean[i][j]} is the mean objective of the trials in x cell i and y cell j
     * (NaN when empty), {@code filled} the same with empty cells interpolated, {@code count} the trials per cell.
     */
    public record Grid(String xParam, String yParam, ParamAxisInfo x, ParamAxisInfo y, double[][] mean,
            double[][] filled, int[][] count, List<double[]> points) {
    }

    /** A grid axis: the parameter's distribution and its number of cells. */
    public record ParamAxisInfo(Distribution distribution, int cells) {
    }

    /** The grids of the pairs {@link #pairs} picks. */
    public static List<Grid> data(StudyData study) {
        List<Grid> out = new ArrayList<>();
        for (String[] pair : pairs(study)) {
            out.add(grid(study, pair[0], pair[1]));
        }
        return out;
    }

    /** The pairs {@link ParamPairs#mostImportant} picks. */
    static List<String[]> pairs(StudyData study) {
        return ParamPairs.mostImportant(study);
    }

    static Grid grid(StudyData study, String xp, String yp) {
        Distribution xd = study.params().get(xp);
        Distribution yd = study.params().get(yp);
        ParamAxis xa = ParamAxis.of(xd);
        ParamAxis ya = ParamAxis.of(yd);
        int nx = xa.cells(CELLS);
        int ny = ya.cells(CELLS);
        double[][] sum = new double[nx][ny];
        int[][] count = new int[nx][ny];
        List<double[]> points = new ArrayList<>();
        for (FrozenTrial t : study.complete()) {
            if (!ParamPairs.hasBoth(study, t, xp, yp)) {
                continue;
            }
            double xv = t.internalParam(xp);
            double yv = t.internalParam(yp);
            double v = StudyData.objective(t);
            int i = xa.cell(xv, nx);
            int j = ya.cell(yv, ny);
            sum[i][j] += v;
            count[i][j]++;
            points.add(new double[] {xv, yv, v, t.number()});
        }
        double[][] mean = new double[nx][ny];
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                mean[i][j] = count[i][j] == 0 ? Double.NaN : sum[i][j] / count[i][j];
            }
        }
        double[][] filled = fill(mean);
        // a choice no trial with both parameters took (in a conditional space, the parameter belongs to other
        // choices) stays blank rather than borrowing its neighbours' colours
        int[] perColumn = new int[nx];
        int[] perRow = new int[ny];
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                perColumn[i] += count[i][j];
                perRow[j] += count[i][j];
            }
        }
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                boolean emptyChoice = xd instanceof CategoricalDistribution && perColumn[i] == 0
                        || yd instanceof CategoricalDistribution && perRow[j] == 0;
                if (emptyChoice) {
                    filled[i][j] = Double.NaN;
                }
            }
        }
        return new Grid(xp, yp, new ParamAxisInfo(xd, nx), new ParamAxisInfo(yd, ny), mean, filled, count, points);
    }

    /** Fills empty cells with the mean of their filled 4-neighbours, sweep after sweep, until none is left. */
    static double[][] fill(double[][] mean) {
        int nx = mean.length;
        int ny = mean[0].length;
        double[][] cur = new double[nx][];
        boolean any = false;
        for (int i = 0; i < nx; i++) {
            cur[i] = mean[i].clone();
            for (double v : cur[i]) {
                any |= !Double.isNaN(v);
            }
        }
        if (!any) {
            return cur;
        }
        boolean missing = true;
        while (missing) {
            missing = false;
            double[][] next = new double[nx][];
            for (int i = 0; i < nx; i++) {
                next[i] = cur[i].clone();
                for (int j = 0; j < ny; j++) {
                    if (!Double.isNaN(cur[i][j])) {
                        continue;
                    }
                    double s = 0;
                    int n = 0;
                    int[][] around = {{i - 1, j}, {i + 1, j}, {i, j - 1}, {i, j + 1}};
                    for (int[] c : around) {
                        if (c[0] >= 0 && c[0] < nx && c[1] >= 0 && c[1] < ny && !Double.isNaN(cur[c[0]][c[1]])) {
                            s += cur[c[0]][c[1]];
                            n++;
                        }
                    }
                    if (n > 0) {
                        next[i][j] = s / n;
                    } else {
                        missing = true;
                    }
                }
            }
            cur = next;
        }
        return cur;
    }

    @Override
    public String id() {
        return "contour";
    }

    @Override
    public String title() {
        return "Contour (pairs of the most important parameters)";
    }

    @Override
    public String caption() {
        return "Mean objective per cell; paler cells have no trial and are filled from their neighbours; dots are trials.";
    }

    @Override
    public boolean appliesTo(StudyData data) {
        return data.params().size() >= 2 && !pairs(data).isEmpty();
    }

    @Override
    public void render(StudyData study, SvgWriter svg) {
        List<Grid> grids = data(study);
        int columns = Math.min(2, grids.size());
        int rows = (grids.size() + columns - 1) / columns;
        svg.size(PW * columns + 100, PH * rows);  // the legend's labels (9.501e-05) need about 60 pixels
        double[] values = study.complete().stream().mapToDouble(StudyData::objective).toArray();
        ColorScale colors = ColorScale.of(values, study.direction() == dev.hpo.Direction.MINIMIZE);
        for (int g = 0; g < grids.size(); g++) {
            Grid grid = grids.get(g);
            double ox = (g % columns) * PW;
            double oy = (g / columns) * PH;
            Scale x = Axes.forParam(grid.x().distribution(), ox + 64, ox + PW - 14);
            Scale y = Axes.forParam(grid.y().distribution(), oy + PH - 50, oy + 10);
            ParamAxis xa = ParamAxis.of(grid.x().distribution());
            ParamAxis ya = ParamAxis.of(grid.y().distribution());
            int nx = grid.x().cells();
            int ny = grid.y().cells();
            Axes.draw(svg, x, y, grid.xParam(), grid.yParam());
            for (int i = 0; i < nx; i++) {
                double x0 = x.toPixel(xa.edge(i, nx));
                double x1 = x.toPixel(xa.edge(i + 1, nx));
                for (int j = 0; j < ny; j++) {
                    double v = grid.filled()[i][j];
                    if (Double.isNaN(v)) {
                        continue;
                    }
                    double y0 = y.toPixel(ya.edge(j, ny));
                    double y1 = y.toPixel(ya.edge(j + 1, ny));
                    boolean measured = grid.count()[i][j] > 0;
                    String title = measured ? "mean " + Html.number(v) + " over " + grid.count()[i][j] + " trial(s)"
                            : null;
                    svg.rect(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0) + 0.4, Math.abs(y1 - y0) + 0.4,
                            colors.color(v), title);
                    if (!measured) {
                        svg.rect(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0) + 0.4,
                                Math.abs(y1 - y0) + 0.4, "interp", null);
                    }
                }
            }
            List<double[]> shown = Thinning.keepBest(grid.points(), MAX_POINTS,
                    p -> study.direction().toMinimized(p[2]));
            for (double[] p : shown) {
                svg.circle(x.toPixel(p[0]), y.toPixel(p[1]), 2.2, "cpt", null);
            }
        }
        colors.legend(svg, PW * columns + 14, 30, Math.min(240, PH * rows - 60),
                Html.fit(study.multiObjective() ? study.objectiveLabel() : "value", 14));
    }
}
