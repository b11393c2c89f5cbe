package dev.hpo.report;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialState;
import dev.hpo.artifact.ArtifactMeta;
import dev.hpo.artifact.Artifacts;
import dev.hpo.space.CategoricalDistribution;
import dev.hpo.space.Distribution;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Every trial of a study as an HTML table: number, state (marked when the trial's parameters were enqueued), value(s),
 * duration, whether its constraints hold (when any trial has constraints), parameters, user attributes (as JSON),
 * artifacts (file names; the id, which names the file in the store, on hover) and failure reason. Numeric cells have
 * the class {@code num} so that the page's script sorts them as numbers when a header is clicked.
 */
final class TrialsTable {

    private TrialsTable() {
    }

    static void write(StudyData study, StringBuilder html) {
        boolean anyFailure = study.trials().stream().anyMatch(t -> t.systemAttrs().containsKey(Study.FAIL_REASON_ATTR));
        boolean anyUserAttr = study.trials().stream().anyMatch(t -> !t.userAttrs().isEmpty());
        boolean anyArtifact = study.trials().stream().anyMatch(t -> !Artifacts.list(t).isEmpty());
        boolean anyConstraint = study.trials().stream().anyMatch(t -> !t.constraints().isEmpty());
        // numeric columns' headers sit right, over their numbers
        html.append("<div class=\"table-wrap\"><table class=\"trials sortable\"><thead><tr><th class=\"num\">#</th>"
                + "<th>state</th>");
        for (int i = 0; i < study.directions().size(); i++) {
            html.append("<th class=\"num\">").append(study.multiObjective() ? "value " + i : "value").append("</th>");
        }
        html.append("<th class=\"num\">duration (s)</th>");
        if (anyConstraint) {
            html.append("<th title=\"every constraint at most 0\">feasible</th>");
        }
        for (Map.Entry<String, Distribution> p : study.params().entrySet()) {
            html.append(p.getValue() instanceof CategoricalDistribution ? "<th>" : "<th class=\"num\">")
                    .append(Html.escape(p.getKey())).append("</th>");
        }
        if (anyUserAttr) {
            html.append("<th>user attributes</th>");
        }
        if (anyArtifact) {
            html.append("<th>artifacts</th>");
        }
        if (anyFailure) {
            html.append("<th>fail reason</th>");
        }
        html.append("</tr></thead><tbody>\n");
        for (FrozenTrial t : study.trials()) {
            html.append("<tr class=\"st-").append(t.state().name().toLowerCase(Locale.ROOT)).append(study.isBest(t)
                    ? " best" : "").append("\">");
            numberCell(html, Integer.toString(t.number()));
            html.append("<td>").append(t.state());
            if (t.systemAttrs().containsKey(Study.FIXED_PARAMS_ATTR)) {
                html.append(" <span class=\"enqueued\" title=\"its parameters were enqueued, not sampled\">")
                        .append("enqueued</span>");
            }
            html.append("</td>");
            for (int i = 0; i < study.directions().size(); i++) {
                if (t.values() != null && i < t.values().size()) {
                    numberCell(html, Html.number(t.values().get(i)));
                } else {
                    html.append("<td></td>");
                }
            }
            Duration d = t.duration();
            if (d == null) {
                html.append("<td></td>");
            } else {
                numberCell(html, Html.number(Html.significant(d.toNanos() / 1e9, 3)));
            }
            if (anyConstraint) {
                html.append("<td title=\"").append(Html.escape(t.constraints())).append("\">")
                        .append(t.constraints().isEmpty() ? "" : t.isFeasible() ? "yes" : "no").append("</td>");
            }
            for (Map.Entry<String, Distribution> p : study.params().entrySet()) {
                Object v = t.params().get(p.getKey());
                if (v == null) {
                    html.append("<td></td>");
                } else if (v instanceof Number) {
                    numberCell(html, Html.param(v, t.distributions().get(p.getKey())));
                } else {
                    html.append("<td>").append(Html.escape(v)).append("</td>");
                }
            }
            if (anyUserAttr) {
                html.append("<td>").append(t.userAttrs().isEmpty() ? "" : Html.escape(Html.json(t.userAttrs())))
                        .append("</td>");
            }
            if (anyArtifact) {
                html.append("<td>");
                for (ArtifactMeta a : Artifacts.list(t)) {
                    html.append("<span class=\"artifact\" title=\"").append(Html.escape(a.artifactId())).append("\">")
                            .append(Html.escape(a.filename())).append("</span> ");
                }
                html.append("</td>");
            }
            if (anyFailure) {
                Object reason = t.systemAttrs().get(Study.FAIL_REASON_ATTR);
                html.append("<td class=\"reason\">").append(reason == null ? "" : Html.escape(reason)).append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody></table></div>");
    }

    private static void numberCell(StringBuilder html, String text) {
        html.append("<td class=\"num\">").append(Html.escape(text)).append("</td>");
    }

    /** The state names, for the summary's counts. */
    static String stateName(TrialState s) {
        return s.name().toLowerCase(Locale.ROOT);
    }
}
