package dev.hpo.report;

import dev.hpo.FrozenTrial;
import dev.hpo.TrialState;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** The head of a study's section: directions, best value and parameters, trial counts, wall time, attributes. */
final class StudySummary {

    private StudySummary() {
    }

    static void write(StudyData study, StringBuilder html) {
        html.append("<dl class=\"summary\">");
        item(html, study.multiObjective() ? "directions" : "direction", study.directions().stream()
                .map(d -> d.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
        if (study.complete().isEmpty()) {
            item(html, "best", "no completed trial yet");
        } else if (study.best().isEmpty()) {
            item(html, "best", "none: no completed trial satisfies the constraints");
        } else if (!study.multiObjective()) {
            FrozenTrial best = study.best().get(0);
            item(html, "best value", Html.number(best.value()) + " (trial " + best.number() + ")");
            // each in its own bidi isolate: a right-to-left name cannot reorder the ones after it
            html.append("<dt>best parameters</dt><dd>").append(best.params().entrySet().stream()
                    .map(e -> "<bdi>" + Html.escape(e.getKey() + " = " + Html.param(e.getValue(),
                            best.distributions().get(e.getKey()))) + "</bdi>")
                    .collect(Collectors.joining(", "))).append("</dd>");
        } else {
            item(html, "Pareto front", study.best().size() + " trial(s): " + study.best().stream().limit(10)
                    .map(t -> "#" + t.number() + " " + t.values().stream().map(Html::number)
                            .collect(Collectors.joining("/", "(", ")")))
                    .collect(Collectors.joining(", ")) + (study.best().size() > 10 ? ", …" : ""));
        }
        StringBuilder counts = new StringBuilder().append(study.trials().size()).append(" total");
        for (Map.Entry<TrialState, Integer> e : study.countsByState().entrySet()) {
            if (e.getValue() > 0) {
                counts.append(", ").append(e.getValue()).append(' ').append(TrialsTable.stateName(e.getKey()));
            }
        }
        item(html, "trials", counts.toString());
        Duration wall = study.wallTime();
        if (wall != null) {
            item(html, "duration", duration(wall));
        }
        if (!study.userAttrs().isEmpty()) {
            item(html, "user attributes", Html.json(study.userAttrs()));
        }
        html.append("</dl>");
    }

    private static void item(StringBuilder html, String term, String value) {
        html.append("<dt>").append(Html.escape(term)).append("</dt><dd>").append(Html.escape(value)).append("</dd>");
    }

    static String duration(Duration d) {
        long s = d.getSeconds();
        if (s < 60) {
            return Html.number(Html.significant(d.toNanos() / 1e9, 3)) + " s";
        }
        if (s < 3600) {
            return s / 60 + " min " + s % 60 + " s";
        }
        return s / 3600 + " h " + (s % 3600) / 60 + " min";
    }
}
