package dev.hpo.report;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialState;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The best parameters of every study as one {@code .properties} file ({@code best-params.properties}):
 * {@code <study>.<param>=value}, {@code <study>.value} and {@code <study>.trial}, keys sorted, escaped as
 * {@link java.util.Properties} does. Builds read it back (resources filtering, {@code Properties.load}).
 *
 * <p>A study without a completed trial contributes nothing; a multi-objective study has no single best trial,
 * so it contributes {@code <study>.pareto} (the numbers of its Pareto-optimal trials) instead.
 */
public final class BestParamsProperties {

    private BestParamsProperties() {
    }

    public static void write(Path file, List<Study> studies) {
        OutputFile.write(file, render(studies), StandardCharsets.ISO_8859_1, "best parameters");
    }

    public static void write(Path file, Study... studies) {
        write(file, List.of(studies));
    }

    /** The entries, by key. */
    public static Map<String, String> entries(List<Study> studies) {
        Map<String, String> out = new TreeMap<>();
        for (Study study : studies) {
            if (study.trials(EnumSet.of(TrialState.COMPLETE)).stream().noneMatch(FrozenTrial::isFeasible)) {
                continue;  // no best: nothing completed, or nothing that satisfies the study's constraints
            }
            String prefix = study.name() + ".";
            if (study.directions().size() > 1) {
                StringBuilder numbers = new StringBuilder();
                for (FrozenTrial t : study.bestTrials()) {
                    numbers.append(numbers.length() == 0 ? "" : ",").append(t.number());
                }
                out.put(prefix + "pareto", numbers.toString());
                continue;
            }
            FrozenTrial best = study.bestTrial();
            best.params().forEach((k, v) -> out.put(prefix + k, String.valueOf(v)));
            out.put(prefix + "value", Double.toString(best.value()));
            out.put(prefix + "trial", Integer.toString(best.number()));
        }
        return out;
    }

    /** The file's text: one escaped {@code key=value} line per entry, sorted, no date comment. */
    public static String render(List<Study> studies) {
        StringBuilder out = new StringBuilder("# best parameters found by hpo\n");
        for (Map.Entry<String, String> e : entries(studies).entrySet()) {
            out.append(escapedLine(e.getKey(), e.getValue()));
        }
        return out.toString();
    }

    /** One line as {@link java.util.Properties#store} escapes it (keys and values, non-ASCII as \\uXXXX). */
    private static String escapedLine(String key, String value) {
        java.util.Properties single = new java.util.Properties();
        single.setProperty(key, value);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            single.store(bytes, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String text = bytes.toString(StandardCharsets.ISO_8859_1);
        // store() writes a date comment first; the entry is the line after it
        return text.substring(text.indexOf('\n') + 1).replace(System.lineSeparator(), "\n");
    }
}
