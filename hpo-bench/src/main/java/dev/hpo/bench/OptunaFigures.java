package dev.hpo.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Optuna's published figures ({@code optuna-figures.md}, a copy of {@code shared/bench/optuna-figures.md} on the
 * classpath), read from its markdown tables so that the results sit beside the numbers they are compared with.
 */
public final class OptunaFigures {

    /** Tables by their "## " heading; each row maps every column header (the first one too) to its cell. */
    private final Map<String, List<Map<String, String>>> tables;

    private OptunaFigures(Map<String, List<Map<String, String>>> tables) {
        this.tables = tables;
    }

    /** Reads the file from the classpath. */
    public static OptunaFigures load() {
        try (InputStream in = OptunaFigures.class.getResourceAsStream("/optuna-figures.md")) {
            if (in == null) {
                throw new IllegalStateException("optuna-figures.md is missing from the classpath of hpo-bench");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read optuna-figures.md", e);
        }
    }

    static OptunaFigures parse(String markdown) {
        Map<String, List<Map<String, String>>> tables = new LinkedHashMap<>();
        String heading = null;
        List<String> header = null;
        for (String line : markdown.split("\n")) {
            String l = line.trim();
            if (l.startsWith("## ")) {
                heading = l.substring(3).trim();
                header = null;
            } else if (l.startsWith("|") && heading != null) {
                List<String> cells = cells(l);
                if (header == null) {
                    header = cells;
                } else if (!cells.get(0).startsWith("---")) {
                    Map<String, String> row = new LinkedHashMap<>();
                    for (int i = 0; i < cells.size() && i < header.size(); i++) {
                        row.put(header.get(i), cells.get(i));
                    }
                    tables.computeIfAbsent(heading, h -> new ArrayList<>()).add(row);
                }
            } else if (l.isEmpty()) {
                header = null;
            }
        }
        return new OptunaFigures(tables);
    }

    private static List<String> cells(String line) {
        String inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
        List<String> out = new ArrayList<>();
        for (String c : inner.split("\\|")) {
            out.add(c.trim());
        }
        return out;
    }

    /** The cell ("0.0188 [0.00762, 0.0301]") of Optuna's regret table after {@code trials} trials, or "n/a". */
    public String regretCell(int trials, String problem, String sampler) {
        for (Map<String, String> row : tables.getOrDefault("Regret after " + trials + " trials", List.of())) {
            if (problem.equals(row.get("problem"))) {
                return row.getOrDefault(sampler, "n/a");
            }
        }
        return "n/a";
    }

    /** The median of a regret cell, NaN when there is none. */
    public double regretMedian(int trials, String problem, String sampler) {
        String cell = regretCell(trials, problem, sampler);
        int bracket = cell.indexOf('[');
        String number = (bracket < 0 ? cell : cell.substring(0, bracket)).trim();
        try {
            return Double.parseDouble(number);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** A cell of the per-trial time table (ms), NaN when absent. */
    public double overheadMs(String sampler, String storage, int n) {
        for (List<Map<String, String>> table : tables.values()) {
            for (Map<String, String> row : table) {
                if (sampler.equals(row.get("sampler")) && storage.equals(row.get("storage"))) {
                    String v = row.get("N=" + n);
                    return v == null ? Double.NaN : Double.parseDouble(v);
                }
            }
        }
        return Double.NaN;
    }
}
