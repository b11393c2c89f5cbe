package dev.hpo.report;

import dev.hpo.FrozenTrial;
import dev.hpo.space.Distribution;
import java.util.ArrayList;
import java.util.List;

/**
 * One small scatter per parameter: its value (log axis for log parameters, choices for categorical ones)
 * against the objective, coloured by trial number so that where the search went late is visible.
 */
public final class SlicePlot implements Plot {

    private static final int MAX_POINTS_PER_PANEL = 600;
    /**
     * Points over all panels: twelve panels of 600 points were 800 kB of a 10,000-trial report; a study of more than
     * six parameters gets fewer points per panel instead.
     */
    static final int MAX_POINTS = 3_600;
    private static final int MAX_PANELS = 12;
    private static final int COLUMNS = 3;
    private static final double PW = 265;
    private static final double PH = 230;

    /** A trial's parameter value (internal representation) and objective value. */
    public record Point(int trial, double param, double value) {
    }

    /** One panel: a parameter and the completed trials that have it. */
    public record Panel(String param, Distribution distribution, List<Point> points) {
    }

    /** The panels, most important parameter first. */
    public static List<Panel> data(StudyData study) {
        List<Panel> out = new ArrayList<>();
        for (String p : study.paramsByImportance()) {
            if (out.size() == MAX_PANELS) {
                break;
            }
            Distribution d = study.params().get(p);
            List<Point> points = new ArrayList<>();
            for (FrozenTrial t : study.complete()) {
                if (d.equals(t.distributions().get(p))) {
                    points.add(new Point(t.number(), t.internalParam(p), StudyData.objective(t)));
                }
            }
            out.add(new Panel(p, d, points));
        }
        return out;
    }

    @Override
    public String id() {
        return "slice";
    }

    @Override
    public String title() {
        return "Slice";
    }

    @Override
    public String caption() {
        return "Objective against each parameter, most important first; colour is the trial number (dark = early).";
    }

    @Override
    public boolean appliesTo(StudyData data) {
        return !data.params().isEmpty();
    }

    @Override
    public void render(StudyData study, SvgWriter svg) {
        List<Panel> panels = data(study);
        int rows = (panels.size() + COLUMNS - 1) / COLUMNS;
        svg.size(PW * COLUMNS + 10, PH * rows);
        double[] all = study.complete().stream().mapToDouble(StudyData::objective).toArray();
        int lastTrial = study.trials().isEmpty() ? 1 : study.trials().get(study.trials().size() - 1).number();
        ColorScale colors = new ColorScale(0, Math.max(1, lastTrial), false);
        int perPanel = Math.min(MAX_POINTS_PER_PANEL, MAX_POINTS / Math.max(1, panels.size()));
        for (int i = 0; i < panels.size(); i++) {
            Panel panel = panels.get(i);
            double ox = (i % COLUMNS) * PW;
            double oy = (i / COLUMNS) * PH;
            Scale x = Axes.forParam(panel.distribution(), ox + 62, ox + PW - 12);
            Scale y = Axes.forValues(all, oy + PH - 48, oy + 10, 5);
            Axes.draw(svg, x, y, panel.param(), i % COLUMNS == 0 ? study.objectiveLabel() : null);
            List<Point> shown = Thinning.keepBest(panel.points(), perPanel,
                    p -> study.direction().toMinimized(p.value()));
            for (Point p : shown) {
                svg.circle(x.toPixel(p.param()), y.toPixel(p.value()), 2.6, colors.color(p.trial()),
                        "trial " + p.trial() + ": " + panel.param() + "="
                                + Html.param(panel.distribution().toExternal(p.param()), panel.distribution())
                                + " → " + Html.number(p.value()));
            }
        }
    }
}
