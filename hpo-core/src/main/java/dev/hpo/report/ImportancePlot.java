package dev.hpo.report;

import java.util.List;
import java.util.Map;

/** Parameter importances as horizontal bars, most important on top (the study's default evaluator). */
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
        double rowH = 26;
        double h = 54 + rowH * importances.size();
        svg.size(W, h);
        double max = importances.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        Scale x = new LinearScale(0, Math.max(max, 1e-9), LEFT, W - 70, 6);
        Scale y = new CategoryScale(List.copyOf(importances.keySet()), 10, h - 44);
        Axes.draw(svg, x, y, "importance (sums to 1)", null);
        int i = 0;
        for (Map.Entry<String, Double> e : importances.entrySet()) {
            double cy = y.toPixel(i++);
            double x1 = x.toPixel(e.getValue());
            svg.rect(LEFT, cy - 8, x1 - LEFT, 16, "bar", e.getKey() + ": " + Html.number(e.getValue()));
            svg.text(x1 + 5, cy + 4, Html.number(Math.round(e.getValue() * 1000) / 1000.0), "start", "legend", 0);
        }
    }
}
