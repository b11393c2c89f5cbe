package dev.hpo.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialState;
import dev.hpo.artifact.ArtifactMeta;
import dev.hpo.artifact.Artifacts;
import dev.hpo.space.CategoricalDistribution;
import dev.hpo.space.Distribution;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every trial of a study as a table: number, state (marked when the trial's parameters were enqueued), value(s),
 * duration, whether its constraints hold (when any trial has constraints), parameters, user attributes (as JSON),
 * artifacts (file names; the id, which names the file in the store, on hover) and failure reason.
 *
 * <p>The header is HTML; the rows are one JSON block ({@code <script type="application/json"
 * class="trials-data">}) that the page's script draws a page at a time, sorted on any column and filtered over all
 * trials. Ten thousand trials of fifty parameters written as table rows made a 13 MB page that took a browser
 * twenty seconds to lay out; as data they take a third of the bytes and only the shown page is laid out. Each row
 * is an array: a flags number ({@link #BEST}, {@link #ENQUEUED}), then one cell per header column, in order. A
 * numeric column's cell is a JSON number when JavaScript prints that number back as the text shown here (see
 * {@link #isJsNumberText}), else that text as a string (scientific notation, ∞, NaN); {@code null} is an empty cell;
 * a feasibility cell is {@code [text, constraints]}, an artifacts cell {@code [[file name, id], ...]}. Columns whose
 * cells need more than text say so in {@code data-kind} on their header; numeric columns have the class
 * {@code num}, so that the script sorts them as numbers. User strings are JSON string data, escaped for a script
 * element ({@link Html#IN_SCRIPT}), and the script puts them into the page as text, never as markup.
 */
final class TrialsTable {

    /** Row flag: a best trial (highlighted). */
    static final int BEST = 1;
    /** Row flag: the trial's parameters were enqueued, not sampled. */
    static final int ENQUEUED = 2;
    /** Rows per page when the page opens; a study of at most this many trials shows no pager, as before. */
    static final int PAGE_SIZE = 100;

    private static final JsonFactory JSON = new JsonFactory();

    private TrialsTable() {
    }

    static void write(StudyData study, StringBuilder html) {
        boolean anyFailure = study.trials().stream().anyMatch(t -> t.systemAttrs().containsKey(Study.FAIL_REASON_ATTR));
        boolean anyUserAttr = study.trials().stream().anyMatch(t -> !t.userAttrs().isEmpty());
        boolean anyArtifact = study.trials().stream().anyMatch(t -> !Artifacts.list(t).isEmpty());
        boolean anyConstraint = study.trials().stream().anyMatch(t -> !t.constraints().isEmpty());
        // numeric columns' headers sit right, over their numbers
        html.append("<div class=\"trials-view\" data-page-size=\"").append(PAGE_SIZE)
                .append("\"><div class=\"table-wrap\"><table class=\"trials sortable\"><thead><tr>"
                        + "<th class=\"num\">#</th><th data-kind=\"state\">state</th>");
        for (int i = 0; i < study.directions().size(); i++) {
            html.append("<th class=\"num\">").append(study.multiObjective() ? "value " + i : "value").append("</th>");
        }
        html.append("<th class=\"num\">duration (s)</th>");
        if (anyConstraint) {
            html.append("<th data-kind=\"feasible\" title=\"every constraint at most 0\">feasible</th>");
        }
        for (Map.Entry<String, Distribution> p : study.params().entrySet()) {
            html.append(p.getValue() instanceof CategoricalDistribution ? "<th>" : "<th class=\"num\">")
                    .append(Html.escape(p.getKey())).append("</th>");
        }
        if (anyUserAttr) {
            html.append("<th>user attributes</th>");
        }
        if (anyArtifact) {
            html.append("<th data-kind=\"artifacts\">artifacts</th>");
        }
        if (anyFailure) {
            html.append("<th data-kind=\"reason\">fail reason</th>");
        }
        html.append("</tr></thead><tbody></tbody></table></div>")
                .append("<script type=\"application/json\" class=\"trials-data\">");
        StringWriter rows = new StringWriter(64 + study.trials().size() * (24 + 8 * study.params().size()));
        rows(study, anyConstraint, anyUserAttr, anyArtifact, anyFailure, rows);
        html.append(rows.getBuffer());
        html.append("</script><noscript><p class=\"no-script\">The table of trials is drawn by the page's script;"
                        + " with scripts off, every trial is in the study's JSON export.</p></noscript></div>");
    }

    /** Writes the rows as a JSON array of arrays, in trial-number order (the order of {@code study.trials()}). */
    private static void rows(StudyData study, boolean anyConstraint, boolean anyUserAttr, boolean anyArtifact,
            boolean anyFailure, Writer out) {
        try (JsonGenerator json = JSON.createGenerator(out)) {
            json.setCharacterEscapes(Html.IN_SCRIPT);
            json.writeStartArray();
            for (FrozenTrial t : study.trials()) {
                json.writeStartArray();
                json.writeNumber((study.isBest(t) ? BEST : 0)
                        | (t.systemAttrs().containsKey(Study.FIXED_PARAMS_ATTR) ? ENQUEUED : 0));
                json.writeNumber(t.number());
                json.writeString(t.state().name());
                for (int i = 0; i < study.directions().size(); i++) {
                    boolean has = t.values() != null && i < t.values().size();
                    numberCell(json, has ? Html.number(t.values().get(i)) : null);
                }
                Duration d = t.duration();
                numberCell(json, d == null ? null : Html.number(Html.significant(d.toNanos() / 1e9, 3)));
                if (anyConstraint) {
                    if (t.constraints().isEmpty()) {
                        json.writeNull();
                    } else {
                        json.writeStartArray();
                        json.writeString(t.isFeasible() ? "yes" : "no");
                        json.writeString(String.valueOf(t.constraints()));
                        json.writeEndArray();
                    }
                }
                for (Map.Entry<String, Distribution> p : study.params().entrySet()) {
                    Object v = t.params().get(p.getKey());
                    if (v instanceof Number) {
                        numberCell(json, Html.param(v, t.distributions().get(p.getKey())));
                    } else {
                        json.writeString(v == null ? null : String.valueOf(v));
                    }
                }
                if (anyUserAttr) {
                    json.writeString(t.userAttrs().isEmpty() ? null : Html.json(t.userAttrs()));
                }
                if (anyArtifact) {
                    artifacts(json, Artifacts.list(t));
                }
                if (anyFailure) {
                    Object reason = t.systemAttrs().get(Study.FAIL_REASON_ATTR);
                    json.writeString(reason == null ? null : String.valueOf(reason));
                }
                json.writeEndArray();
            }
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trials of study " + study.name() + " as JSON", e);
        }
    }

    private static void artifacts(JsonGenerator json, List<ArtifactMeta> artifacts) throws IOException {
        if (artifacts.isEmpty()) {
            json.writeNull();
            return;
        }
        json.writeStartArray();
        for (ArtifactMeta a : artifacts) {
            json.writeStartArray();
            json.writeString(a.filename());
            json.writeString(a.artifactId());
            json.writeEndArray();
        }
        json.writeEndArray();
    }

    /** A number as shown: a JSON number when JavaScript prints it back as this text, else the text as a string. */
    private static void numberCell(JsonGenerator json, String text) throws IOException {
        if (text == null) {
            json.writeNull();
        } else if (isJsNumberText(text)) {
            json.writeNumber(text);
        } else {
            json.writeString(text);
        }
    }

    /**
     * Whether JavaScript's {@code String(Number(text))} is {@code text}: plain decimal digits without an exponent,
     * without trailing zeros in a fraction, at most 15 significant digits (a double holds them exactly), not
     * {@code -0} and from 10⁻⁶ on (JavaScript writes smaller numbers with an exponent). Such a cell costs no quotes
     * and the page sorts it without parsing; anything else stays the text it is.
     */
    static boolean isJsNumberText(String text) {
        int n = text.length();
        int i = text.startsWith("-") ? 1 : 0;
        int whole = i;
        while (i < n && isDigit(text.charAt(i))) {
            i++;
        }
        if (i == whole || i - whole > 1 && text.charAt(whole) == '0') {
            return false;  // no digit before the point, or a leading zero
        }
        boolean belowOne = text.charAt(whole) == '0';
        int significant = belowOne ? 0 : i - whole;
        int zerosAfterPoint = 0;
        if (i < n) {
            if (text.charAt(i) != '.') {
                return false;
            }
            int fraction = ++i;
            while (i < n && isDigit(text.charAt(i))) {
                i++;
            }
            if (i < n || i == fraction || text.charAt(n - 1) == '0') {
                return false;  // an exponent or other character, no fraction digit, or a trailing zero
            }
            while (belowOne && text.charAt(fraction + zerosAfterPoint) == '0') {
                zerosAfterPoint++;
            }
            significant += n - fraction - zerosAfterPoint;
        }
        if (significant == 0) {
            return n == 1;  // "0"; JavaScript prints "-0" as "0"
        }
        return significant <= 15 && zerosAfterPoint <= 5;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** The state names, for the summary's counts. */
    static String stateName(TrialState s) {
        return s.name().toLowerCase(Locale.ROOT);
    }
}
