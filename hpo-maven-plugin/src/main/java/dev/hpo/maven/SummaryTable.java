package dev.hpo.maven;

import dev.hpo.FrozenTrial;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The table the goal logs at the end of a build: one row per study with its best value and parameters, the
 * counts of complete, pruned and failed trials, and the time its trials took.
 */
final class SummaryTable {

    static final List<String> HEADER = List.of("study", "direction", "best", "trial", "complete", "pruned",
            "failed", "time", "best parameters");

    private SummaryTable() {
    }

    /** The table's lines, columns padded to their widest cell. */
    static List<String> lines(List<StudyOutcome> outcomes) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(HEADER);
        for (StudyOutcome o : outcomes) {
            rows.add(cells(o));
        }
        int[] width = new int[HEADER.size()];
        for (List<String> r : rows) {
            for (int i = 0; i < r.size(); i++) {
                width[i] = Math.max(width[i], r.get(i).length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> r : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < r.size(); i++) {
                String cell = r.get(i);
                line.append(cell);
                if (i < r.size() - 1) {
                    line.append(" ".repeat(width[i] - cell.length() + 2));
                }
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /** A study's cells, under {@link #HEADER}. */
    static List<String> cells(StudyOutcome o) {
        String direction = o.directions().stream().map(d -> d.name().toLowerCase(Locale.ROOT))
                .collect(Collectors.joining(","));
        String best;
        String trial;
        String params;
        if (o.singleObjective()) {
            best = o.best() == null ? "-" : Numbers.format(o.best().value());
            trial = o.best() == null ? "-" : "#" + o.best().number();
            params = o.best() == null ? "-" : parameters(o.best().params());
        } else {  // the front has no best; with thresholds, the first trial that reaches them all stands for it
            FrozenTrial reaching = o.gatesSeveral() ? o.front().stream().filter(o::reachesThresholds)
                    .min(Comparator.comparingInt(FrozenTrial::number)).orElse(null) : null;
            long reach = o.gatesSeveral() ? o.front().stream().filter(o::reachesThresholds).count() : 0;
            best = o.paretoSize() + " on Pareto front"
                    + (o.gatesSeveral() ? ", " + reach + (reach == 1 ? " reaches" : " reach") + " the thresholds" : "");
            trial = reaching == null ? "-" : "#" + reaching.number();
            params = reaching == null ? "-" : parameters(reaching.params());
        }
        return List.of(o.name(), direction, best, trial, Integer.toString(o.complete()), Integer.toString(o.pruned()),
                Integer.toString(o.failed()), duration(o.trialTime()), params);
    }

    static String parameters(Map<String, Object> params) {
        if (params.isEmpty()) {
            return "(none)";
        }
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + (e.getValue() instanceof Double d ? Numbers.format(d) : e.getValue()))
                .collect(Collectors.joining(", "));
    }

    static String duration(Duration d) {
        long millis = d.toMillis();
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long s = millis / 1000;
        return String.format(Locale.ROOT, "%d:%02d min", s / 60, s % 60);
    }
}
