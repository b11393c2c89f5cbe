package dev.hpo.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A study's trials as CSV, one row per trial, for spreadsheets and data-frame libraries: the columns of Optuna's
 * {@code trials_dataframe()} in its order ({@code number}, the value or values, {@code datetime_start},
 * {@code datetime_complete}, the duration, {@code params_<name>}, {@code user_attrs_<key>}, {@code state}).
 *
 * <p>A single objective's column is {@code value}; several objectives' are {@code values_<metric name>}, or
 * {@code values_0}, {@code values_1}, … without names. Times are ISO-8601 instants, the duration is in seconds
 * ({@code duration_seconds}), a cell a trial has no value for is empty, a parameter is written as the objective saw
 * it (a choice as its text), an attribute that is not a number, text or boolean as JSON. Cells are quoted as RFC 4180
 * says, and rows end with CRLF.
 */
public final class StudyCsv {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StudyCsv() {
    }

    public static void write(Path file, Study study) {
        OutputFile.write(file, render(study), StandardCharsets.UTF_8, "study " + study.name() + " as CSV");
    }

    public static String render(Study study) {
        List<FrozenTrial> trials = study.trials();
        Set<String> params = new LinkedHashSet<>();
        Set<String> userAttrs = new LinkedHashSet<>();
        for (FrozenTrial t : trials) {
            params.addAll(t.params().keySet());
            userAttrs.addAll(t.userAttrs().keySet());
        }
        int objectives = study.directions().size();
        List<String> metricNames = study.metricNames();
        List<String> header = new ArrayList<>();
        header.add("number");
        if (objectives == 1 && metricNames.isEmpty()) {
            header.add("value");
        } else {
            for (int i = 0; i < objectives; i++) {
                header.add("values_" + (metricNames.isEmpty() ? Integer.toString(i) : metricNames.get(i)));
            }
        }
        header.addAll(List.of("datetime_start", "datetime_complete", "duration_seconds"));
        params.forEach(p -> header.add("params_" + p));
        userAttrs.forEach(a -> header.add("user_attrs_" + a));
        header.add("state");

        StringBuilder out = new StringBuilder(64 * (trials.size() + 1));
        row(out, header);
        for (FrozenTrial t : trials) {
            List<String> cells = new ArrayList<>(header.size());
            cells.add(Integer.toString(t.number()));
            for (int i = 0; i < objectives; i++) {
                cells.add(t.values() == null ? "" : Double.toString(t.values().get(i)));
            }
            cells.add(t.start() == null ? "" : t.start().toString());
            cells.add(t.complete() == null ? "" : t.complete().toString());
            cells.add(t.start() == null || t.complete() == null ? ""
                    : Double.toString(Duration.between(t.start(), t.complete()).toNanos() / 1e9));
            for (String p : params) {
                cells.add(t.params().containsKey(p) ? cell(t.params().get(p)) : "");
            }
            for (String a : userAttrs) {
                cells.add(t.userAttrs().containsKey(a) ? cell(t.userAttrs().get(a)) : "");
            }
            cells.add(t.state().name());
            row(out, cells);
        }
        return out.toString();
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number || value instanceof String || value instanceof Boolean) {
            return String.valueOf(value);
        }
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            return String.valueOf(value);
        }
    }

    private static void row(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String c = cells.get(i);
            boolean quote = c.indexOf(',') >= 0 || c.indexOf('"') >= 0 || c.indexOf('\n') >= 0 || c.indexOf('\r') >= 0;
            if (quote) {
                out.append('"').append(c.replace("\"", "\"\"")).append('"');
            } else {
                out.append(c);
            }
        }
        out.append("\r\n");
    }
}
