package dev.hpo.report;

import java.util.List;
import java.util.Map;

/**
 * Parameter importances as horizontal bars, most important on top (the study's default evaluator). With several
 * objectives each parameter gets a bar per objective, as in Optuna's importance plot: a parameter can decide one
 * objective and not matter for another.
 */
public final class ImportancePlot implements Plot {

    private static final double W = 760;
    private static final double LEFT = 170;

    @Override
    public String id() {
        return "importance";
    }

    @Override
    public String title() {
        return "Parameter importances";
    }

    @Override
    public String caption() {
        return "How much each parameter mattered for reaching the best trials (PED-ANOVA unless configured otherwise).";
    }

    @Override
    public boolean appliesTo(StudyData data) {
        return !data.params().isEmpty();
    }

    @Override
    public void render(StudyData study, SvgWriter svg) {
        Map<String, Double> importances = study.importances();
        if (importances.isEmpty()) {
            svg.size(W, 60);
            svg.text(W / 2, 34, study.importanceNote() == null ? "No importance." : study.importanceNote(),
                    "middle", "note", 0);
            return;
        }
        List<Map<String, Double>> byObjective = study.objectiveImportances();
        int bars = byObjective.size();
        double barH = bars == 1 ? 16 : Math.max(6, 18.0 / bars);
        double rowH = bars == 1 ? 26 : bars * barH + 10;
        double legendH = bars == 1 ? 0 : 18 * bars + 6;
        double h = 54 + rowH * importances.size() + legendH;
        svg.size(W, h);
        double max = byObjective.stream().flatMap(m -> m.values().stream()).mapToDouble(Double::doubleValue).max()
                .orElse(1);
        Scale x = new LinearScale(0, Math.max(max, 1e-9), LEFT, W - 70, 6);
        Scale y = new CategoryScale(List.copyOf(importances.keySet()), 10, h - 44 - legendH);
        Axes.draw(svg, x, y, bars == 1 ? "importance (sums to 1)" : "importance (sums to 1 for each objective)", null);
        int i = 0;
        for (String param : importances.keySet()) {
            double top = y.toPixel(i++) - bars * barH / 2;
            for (int k = 0; k < bars; k++) {
                double value = byObjective.get(k).getOrDefault(param, 0.0);
                double x1 = x.toPixel(value);
                String what = bars == 1 ? param : param + " for " + study.metricLabel(k);
                svg.rect(LEFT, top + k * barH, x1 - LEFT, barH - (bars == 1 ? 0 : 1), "bar bar-" + (k % 4),
                        what + ": " + Html.number(value));
                if (bars == 1) {
                    svg.text(x1 + 5, top + 12, Html.number(Math.round(value * 1000) / 1000.0), "start", "legend", 0);
                }
            }
        }
        for (int k = 0; bars > 1 && k < bars; k++) {
            double ly = h - legendH + 10 + 18 * k;
            svg.rect(LEFT, ly - 9, 12, 12, "bar bar-" + (k % 4), null);
            svg.text(LEFT + 18, ly + 1, study.metricLabel(k), "start", "legend", 0);
        }
    }
}
