package dev.hpo.bench;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialState;
import dev.hpo.report.HtmlReport;
import dev.hpo.sampler.RandomSampler;
import dev.hpo.space.CategoricalDistribution;
import dev.hpo.space.Distribution;
import dev.hpo.space.FloatDistribution;
import dev.hpo.space.IntDistribution;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the HTML report scales with trials and parameters: for 1,000 and 10,000 trials of 6 and 50 parameters, the
 * file's size, the time to render and write it, the time until the page is usable in headless Chromium, and which
 * parts of the file (the trials table, each plot) take the bytes. Appends a section to
 * {@code hpo-bench/results/report.md} (a label, such as {@code before} or {@code after}, names the section). The
 * time to write is given as wall time and as the writing thread's CPU time, which other processes on a shared
 * machine disturb less.
 *
 * <p>"Usable" is measured inside the page: a copy of the report gets a last script that writes
 * {@code performance.now()} (milliseconds since navigation start) on the body once the report's own script has run;
 * that script renders the table and forces a layout (its self-check measures every plot). The wall time of
 * {@code chromium --headless --dump-dom} minus that of an empty page is the second figure: parse, script, layout
 * and the DOM's serialisation.
 */
public final class ReportScale {

    private static final int WRITES = 7;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final Pattern READY = Pattern.compile("data-bench-ms=\"([0-9.]+)\"");
    private static final Pattern STATUS = Pattern.compile("data-report-status=\"([^\"]*)\"");
    private static final Pattern FIGURE = Pattern.compile("<figure class=\"plot\" data-plot=\"([^\"]+)\">");

    private ReportScale() {
    }

    public static void main(String[] rawArgs) throws Exception {
        String[] args = Args.split(rawArgs);
        String label = args.length > 0 ? args[0] : "run";
        Path out = Path.of(args.length > 1 ? args[1] : "results/report.md");
        String chromium = args.length > 2 ? args[2] : "/usr/bin/chromium";
        Path dir = Files.createTempDirectory("hpo-report-scale");
        Path empty = dir.resolve("empty.html");
        Files.writeString(empty, "<!DOCTYPE html><html><body>empty</body></html>");
        double emptyWall = median(3, () -> browse(chromium, dir, empty).wallMs);
        StringBuilder md = new StringBuilder();
        md.append("\n## Scale of the report: ").append(label).append("\n\n")
                .append("Written by `dev.hpo.bench.ReportScale` (").append(Instant.now()).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores shared, Java ")
                .append(System.getProperty("java.version"))
                .append(", headless Chromium). Studies built with addTrial: ")
                .append("random values, 10% pruned with 10 intermediate values, 2% failed; 6 parameters are float, "
                        + "log float, int, log int, categorical, stepped float, 50 add 44 more of those kinds. ")
                .append("Write: median of " + WRITES + " after a warm-up. ")
                .append("Page ready: `performance.now()` after the report's "
                        + "script (table drawn, layout forced by the self-check), median of 3; browser wall: "
                        + "`chromium --headless --dump-dom` minus an empty page's (")
                .append(String.format(Locale.ROOT, "%.0f ms", emptyWall)).append("), median of 3.\n\n")
                .append("| trials × params | file | write (wall) | write (thread CPU) | page ready | browser wall |"
                        + " self-check |\n|---|---|---|---|---|---|---|\n");
        Map<String, Map<String, Integer>> bytes = new LinkedHashMap<>();
        for (int trials : new int[] {1_000, 10_000}) {
            for (int params : new int[] {6, 50}) {
                Study study = study("scale-" + trials + "x" + params, trials, params);
                Path html = dir.resolve("report-" + trials + "x" + params + ".html");
                double[] cpu = new double[WRITES];
                double write = median(WRITES, () -> {
                    long t = System.nanoTime();
                    long c = THREADS.getCurrentThreadCpuTime();
                    HtmlReport.write(html, study);
                    System.arraycopy(cpu, 1, cpu, 0, cpu.length - 1);
                    cpu[cpu.length - 1] = (THREADS.getCurrentThreadCpuTime() - c) / 1e6;
                    return (System.nanoTime() - t) / 1e6;
                });
                String text = Files.readString(html);
                Path timed = dir.resolve("timed-" + trials + "x" + params + ".html");
                Files.writeString(timed, text.replace("</body>", "<script>document.body.setAttribute("
                        + "'data-bench-ms',String(performance.now()));</script></body>"));
                Browse[] runs = new Browse[3];
                for (int i = 0; i < runs.length; i++) {
                    runs[i] = browse(chromium, dir, timed);
                }
                double ready = median(Arrays.stream(runs).mapToDouble(b -> b.readyMs).toArray());
                double wall = median(Arrays.stream(runs).mapToDouble(b -> b.wallMs).toArray()) - emptyWall;
                String config = String.format(Locale.ROOT, "%,d × %d", trials, params);
                bytes.put(config, parts(text));
                String row = String.format(Locale.ROOT,
                        "| %s | %.2f MB | %.0f ms | %.0f ms | %.0f ms | %.0f ms | %s |%n",
                        config, text.getBytes(StandardCharsets.UTF_8).length / 1e6, write, median(cpu), ready, wall,
                        runs[0].status);
                System.out.print(row);
                md.append(row);
            }
        }
        md.append("\nBytes per part of the file (a plot's figure element, the table from its heading to the section's "
                + "end, the rest: styles, script, summaries):\n\n| part |");
        bytes.keySet().forEach(c -> md.append(' ').append(c).append(" |"));
        md.append("\n|---|").append("---|".repeat(bytes.size())).append('\n');
        List<String> names = new ArrayList<>();
        bytes.values().forEach(m -> m.keySet().stream().filter(n -> !names.contains(n)).forEach(names::add));
        for (String name : names) {
            md.append("| ").append(name).append(" |");
            bytes.values().forEach(m -> md.append(' ').append(m.containsKey(name) ? kb(m.get(name)) : "—")
                    .append(" |"));
            md.append('\n');
        }
        md.append("\n");
        Files.writeString(out, md.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    /** Bytes per part of the page: the trials table ({@code table}), each plot by its id, the rest. */
    private static Map<String, Integer> parts(String html) {
        Map<String, Integer> parts = new LinkedHashMap<>();
        int start = html.indexOf("<h3>Trials</h3>");
        int end = html.indexOf("</section>", start);
        parts.put("table", utf8(html.substring(start, end)));
        Matcher m = FIGURE.matcher(html);
        while (m.find()) {
            int close = html.indexOf("</figure>", m.start());
            parts.merge(m.group(1), utf8(html.substring(m.start(), close)), Integer::sum);
        }
        parts.put("rest", utf8(html) - parts.values().stream().mapToInt(Integer::intValue).sum());
        return parts;
    }

    private static String kb(int bytes) {
        return String.format(Locale.ROOT, "%,d kB", Math.round(bytes / 1000.0));
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    private record Browse(double wallMs, double readyMs, String status) {
    }

    private static Browse browse(String chromium, Path dir, Path page) {
        try {
            Path profile = Files.createTempDirectory(dir, "profile");
            List<String> command = List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--user-data-dir=" + profile, "--dump-dom", page.toUri().toString());
            long t = System.nanoTime();
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String dom = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(300, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("chromium failed on " + page);
            }
            double wall = (System.nanoTime() - t) / 1e6;
            Matcher ready = READY.matcher(dom);
            Matcher status = STATUS.matcher(dom);
            return new Browse(wall, ready.find() ? Double.parseDouble(ready.group(1)) : Double.NaN,
                    status.find() ? status.group(1) : "no status");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static double median(int runs, java.util.function.DoubleSupplier run) {
        run.getAsDouble();
        double[] xs = new double[runs];
        for (int i = 0; i < runs; i++) {
            xs[i] = run.getAsDouble();
        }
        return median(xs);
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    /**
     * A finished study of {@code trials} trials over {@code params} parameters, built with addTrial (no objective
     * run), so that its size does not depend on speed: random values, 10% pruned trials with 10 intermediate values,
     * 2% failed. Six parameters are {@link ReportBenchmark}'s study.
     */
    static Study study(String name, int trials, int params) {
        Map<String, Distribution> space = new LinkedHashMap<>();
        String[] base = {"x", "lr", "depth", "trees", "kernel", "dropout"};
        for (int i = 0; i < params; i++) {
            String param = i < base.length ? base[i] : base[i % base.length] + "_" + i;
            space.put(param, switch (i % base.length) {
                case 0 -> FloatDistribution.of(-5, 5);
                case 1 -> FloatDistribution.log(1e-5, 1);
                case 2 -> IntDistribution.of(1, 16);
                case 3 -> IntDistribution.log(8, 1024);
                case 4 -> CategoricalDistribution.of(List.of("rbf", "linear", "poly"));
                default -> FloatDistribution.stepped(0, 0.5, 0.05);
            });
        }
        Study study = Study.builder().name(name).build();
        SplittableRandom random = new SplittableRandom(1);
        Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
        for (int i = 0; i < trials; i++) {
            Map<String, Object> values = new LinkedHashMap<>();
            for (Map.Entry<String, Distribution> e : space.entrySet()) {
                values.put(e.getKey(), e.getValue().toExternal(RandomSampler.sample(random, e.getValue())));
            }
            double x = (double) values.get("x");
            double value = x * x + Math.pow(Math.log10((double) values.get("lr")) + 3, 2) * 0.3
                    + ("rbf".equals(values.get("kernel")) ? 0 : 1.5) + 0.05 * ((Number) values.get("depth")).intValue();
            TreeMap<Integer, Double> iv = new TreeMap<>();
            TrialState state = TrialState.COMPLETE;
            if (i % 10 == 3) {
                state = TrialState.PRUNED;
                for (int s = 0; s < 10; s++) {
                    iv.put(s, value + 5.0 / (s + 1));
                }
            } else if (i % 50 == 7) {
                state = TrialState.FAIL;
            }
            Instant start = t0.plusMillis(i * 1000L);
            study.addTrial(new FrozenTrial(0, -1, state, state == TrialState.FAIL ? null
                    : List.of(state == TrialState.PRUNED ? iv.lastEntry().getValue() : value), values, space, iv,
                    Map.of(), state == TrialState.FAIL ? Map.of(Study.FAIL_REASON_ATTR, "diverged") : Map.of(), start,
                    start.plusMillis(200 + random.nextInt(1500))));
        }
        return study;
    }
}
