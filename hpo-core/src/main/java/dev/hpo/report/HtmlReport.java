package dev.hpo.report;

import dev.hpo.Study;
import dev.hpo.importance.ImportanceEvaluator;
import dev.hpo.importance.Importances;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The report of one or many studies as one self-contained HTML file: per study a summary, every {@link Plot}
 * that applies (SVG drawn here, with hover details in {@code <title>} elements) and a table of trials
 * ({@link TrialsTable}: the rows as JSON data, drawn a page at a time so that 10,000 trials open fast). Styles and
 * the small script (the table's pages, sorting and filter, and a self-check that writes {@code data-report-status}
 * on the body) are inline: the file opens anywhere, with no network. All user strings are escaped: as HTML in
 * markup, as JSON in the table's data, which the script puts into the page as text.
 */
public final class HtmlReport {

    private static final String CSS = resource("report.css");
    private static final String JS = resource("report.js");

    private HtmlReport() {
    }

    /** Writes the report of the studies to a file (creating its directories). */
    public static void write(Path file, Study... studies) {
        write(file, List.of(studies));
    }

    public static void write(Path file, List<Study> studies) {
        OutputFile.write(file, render(studies), StandardCharsets.UTF_8, "the hpo report");
    }

    /**
     * Writes the report of studies that are still running: the same page, saying so, which a browser reloads every
     * {@code refresh} (at least a second), so that a long study can be watched as it goes.
     */
    public static void writeRunning(Path file, List<Study> studies, Duration refresh) {
        long seconds = Math.max(1, refresh.toSeconds());
        OutputFile.write(file, renderData(data(studies, Importances.defaultEvaluator()), Plot.all(), seconds),
                StandardCharsets.UTF_8, "the hpo report");
    }

    public static String render(Study... studies) {
        return render(List.of(studies));
    }

    /** The report's HTML, importances by the default evaluator ({@link Importances#defaultEvaluator()}). */
    public static String render(List<Study> studies) {
        return render(studies, Importances.defaultEvaluator());
    }

    /** The report's HTML with importances by the given evaluator. */
    public static String render(List<Study> studies, ImportanceEvaluator evaluator) {
        return renderData(data(studies, evaluator), Plot.all(), 0);
    }

    private static List<StudyData> data(List<Study> studies, ImportanceEvaluator evaluator) {
        List<StudyData> data = new ArrayList<>();
        for (Study s : studies) {
            data.add(StudyData.of(s, evaluator));
        }
        return data;
    }

    /** @param refreshSeconds how often a browser reloads the page of a running study, 0 for a finished one */
    static String renderData(List<StudyData> studies, List<Plot> plots, long refreshSeconds) {
        StringBuilder html = new StringBuilder(1 << 16);
        html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">");
        if (refreshSeconds > 0) {
            html.append("<meta http-equiv=\"refresh\" content=\"").append(refreshSeconds).append("\">");
        }
        html
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<title>hpo report").append(studies.size() == 1 ? ": " + Html.escape(studies.get(0).name()) : "")
                .append("</title><style>").append(CSS).append("</style>")
                .append("<script>window.hpoErrors=[];window.addEventListener('error',function(e){")
                .append("window.hpoErrors.push(String(e.message));});</script></head><body>\n<header><h1>hpo report</h1><nav>");
        for (int i = 0; i < studies.size(); i++) {
            html.append("<a href=\"#study-").append(i).append("\">").append(Html.escape(studies.get(i).name())).append("</a>");
        }
        html.append("</nav><div class=\"generated\">").append(studies.size()).append(" stud")
                .append(studies.size() == 1 ? "y" : "ies").append(", generated ")
                .append(Instant.now().truncatedTo(ChronoUnit.SECONDS));
        if (refreshSeconds > 0) {
            html.append("; <strong>running</strong>: this page reloads every ").append(refreshSeconds)
                    .append(" s until the study ends");
        }
        html.append("</div></header>\n<main>");
        for (int i = 0; i < studies.size(); i++) {
            section(studies.get(i), i, plots, html);
        }
        html.append("</main>\n<script>").append(JS).append("</script></body></html>\n");
        return html.toString();
    }

    private static void section(StudyData study, int index, List<Plot> plots, StringBuilder html) {
        html.append("<section class=\"study\" id=\"study-").append(index).append("\"><h2>")
                .append(Html.escape(study.name())).append("</h2>");
        StudySummary.write(study, html);
        html.append("<div class=\"plots\">");
        if (!study.trials().isEmpty()) {
            if (study.complete().isEmpty()) {
                html.append("<p class=\"no-values\">No trial has completed yet, so there are no values to plot; the"
                        + " trials' states and reports are below.</p>");
            }
            for (Plot plot : plots) {
                if (!plot.appliesTo(study) || study.complete().isEmpty() && plot.needsCompletedTrials()) {
                    continue;
                }
                SvgWriter svg = new SvgWriter(plot.title() + " of " + study.name());
                plot.render(study, svg);
                html.append("\n<figure class=\"plot\" data-plot=\"").append(Html.escape(plot.id())).append("\"><figcaption>")
                        .append(Html.escape(plot.title())).append("</figcaption>");
                if (!plot.caption().isEmpty()) {
                    html.append("<p class=\"caption\">").append(Html.escape(plot.caption())).append("</p>");
                }
                html.append(svg).append("</figure>");
            }
        }
        html.append("</div><h3>Trials</h3>");
        TrialsTable.write(study, html);
        html.append("</section>\n");
    }

    private static String resource(String name) {
        try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is missing from the hpo-core jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name + ": " + e.getMessage(), e);
        }
    }
}
