package dev.hpo.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The build's studies on a GitHub Actions run's page: when the goal runs in a GitHub job, the file named by
 * {@value #ENV} gets the summary table in Markdown, with each study's verdict at the gate, so that the job's summary
 * shows the tuned scores without anyone opening the log.
 */
final class StepSummary {

    /** The environment variable GitHub Actions sets to the job summary's file. */
    static final String ENV = "GITHUB_STEP_SUMMARY";

    private StepSummary() {
    }

    /** The Markdown for one project's studies: a heading and the summary table with a gate column. */
    static String markdown(String project, List<StudyOutcome> outcomes) {
        StringBuilder md = new StringBuilder("### hpo:optimize: ").append(escape(project)).append("\n\n");
        List<String> header = new ArrayList<>(SummaryTable.HEADER);
        header.add(1, "gate");
        row(md, header);
        md.append("|---".repeat(header.size())).append("|\n");
        for (StudyOutcome o : outcomes) {
            List<String> cells = new ArrayList<>(SummaryTable.cells(o));
            cells.add(1, verdict(o));
            row(md, cells);
        }
        return md.append('\n').toString();
    }

    /** Appends to the summary file, as every step of a job does. */
    static void append(Path file, String markdown) throws IOException {
        Files.writeString(file, markdown, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    private static String verdict(StudyOutcome o) {
        if (o.skippedBy() != null) {
            return "skipped: an assumption failed";
        }
        if (ThresholdGate.broken(o) != null) {
            return "❌ no result";
        }
        if (o.gatesSeveral()) {
            return ThresholdGate.miss(o) != null ? "❌ missed " + o.thresholdsText()
                    : "✅ reached " + o.thresholdsText();
        }
        if (o.threshold() == null) {
            return "no threshold";
        }
        String threshold = Numbers.format(o.threshold()) + " ("
                + o.directions().get(0).name().toLowerCase(Locale.ROOT) + ")";
        return ThresholdGate.miss(o) != null ? "❌ missed " + threshold : "✅ reached " + threshold;
    }

    private static void row(StringBuilder md, List<String> cells) {
        for (String cell : cells) {
            md.append("| ").append(escape(cell)).append(' ');
        }
        md.append("|\n");
    }

    /** A cell's text with Markdown's table and emphasis characters escaped. */
    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")
                .replace("<", "&lt;").replace("\n", " ");
    }
}
