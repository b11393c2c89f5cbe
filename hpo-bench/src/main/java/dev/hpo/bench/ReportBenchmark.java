package dev.hpo.bench;

import dev.hpo.Study;
import dev.hpo.importance.FanovaImportance;
import dev.hpo.importance.ImportanceEvaluator;
import dev.hpo.importance.MeanDecreaseImpurityImportance;
import dev.hpo.importance.PedAnovaImportance;
import dev.hpo.report.HtmlReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Times the report of a 10,000-trial study (render time and size) and parameter importance on 100 trials of
 * six parameters, and writes the figures at the top of {@code hpo-bench/results/report.md}, keeping the sections
 * other benchmarks append below ({@link ReportScale}). Each figure is the median of
 * several runs after warm-up. Run: {@code mvn -pl hpo-bench -am compile exec:java
 * -Dexec.mainClass=dev.hpo.bench.ReportBenchmark}.
 */
public final class ReportBenchmark {

    private ReportBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "hpo-bench/results/report.md");
        Study big = ReportScale.study("bench-10000", 10_000, 6);
        Study small = ReportScale.study("bench-100", 100, 6);
        Path html = Files.createTempFile("hpo-report", ".html");
        double render = median(5, () -> HtmlReport.write(html, big));
        long size = Files.size(html);
        Map<String, Double> importance = new LinkedHashMap<>();
        List<ImportanceEvaluator> evaluators = List.of(new PedAnovaImportance(), new FanovaImportance(42),
                new MeanDecreaseImpurityImportance(42));
        for (ImportanceEvaluator e : evaluators) {
            importance.put(e.toString(), median(7, () -> e.evaluate(small)));
        }
        double importanceBig = median(3, () -> new PedAnovaImportance().evaluate(big));
        StringBuilder md = new StringBuilder();
        md.append("# Report and importance benchmark\n\n")
                .append("Written by `dev.hpo.bench.ReportBenchmark` (median of runs after warm-up, one JVM, ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append(", ").append(Instant.now()).append(").\n\n")
                .append("Study: six parameters (float, log float, int, log int, categorical, stepped float), ")
                .append("random values, 10% pruned trials with 10 intermediate values, 2% failed.\n\n")
                .append("| figure | value | target |\n|---|---|---|\n")
                .append(String.format(Locale.ROOT, "| render + write of a 10,000-trial report | %.2f s | ≤ 3 s |%n", render))
                .append(String.format(Locale.ROOT, "| size of that report | %.2f MB | ≤ 5 MB |%n", size / 1e6));
        importance.forEach((name, s) -> md.append(String.format(Locale.ROOT,
                "| importance, 100 trials × 6 params, %s | %.1f ms | < 1 s |%n", name, s * 1000)));
        md.append(String.format(Locale.ROOT, "| importance, 10,000 trials × 6 params, PED-ANOVA | %.1f ms | — |%n",
                importanceBig * 1000));
        Files.createDirectories(out.toAbsolutePath().getParent());
        // the sections other benchmarks append (## headings, such as ReportScale's) stay below this one
        String existing = Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
        int appended = existing.indexOf("\n## ");
        Files.writeString(out, md + (appended < 0 ? "" : existing.substring(appended)), StandardCharsets.UTF_8);
        System.out.print(md);
    }

    private static double median(int runs, Runnable task) {
        task.run();
        double[] seconds = new double[runs];
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            task.run();
            seconds[i] = (System.nanoTime() - t) / 1e9;
        }
        java.util.Arrays.sort(seconds);
        return seconds[runs / 2];
    }
}
