package dev.hpo.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.Direction;
import dev.hpo.Study;
import dev.hpo.sampler.Samplers;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;
import java.util.stream.Stream;

/**
 * What {@code mvn hpo:optimize} spends per trial beyond the objective, on a sample project whose objective costs
 * nothing (the {@code it/} quickstart, built by {@code mvn -B verify -pl it -am}). Each round runs the goal twice
 * with a fresh {@code target/hpo}, with 1 trial and with {@code --trials}, and records the Maven wall time of both
 * and the study's span (first trial's start to last trial's completion, from the study JSON file). Two figures per
 * round: the span per trial (the goal's cost while trials run) and the marginal cost, (wall(N) − wall(1)) / (N − 1),
 * everything that grows with the trial count, the outputs written after the study included. Rounds pair the two
 * builds because this machine's speed drifts within minutes. Each round also runs the same study (the quickstart's
 * objective, sampler and seed) with {@link Study#optimize} in a fresh JVM, in memory, so that what the sampler's
 * decisions cost — which a program calling the library pays as well — can be told from what the goal adds: the
 * span and the marginal cost minus that study's time per trial. Writes {@code results/goal-overhead-runs.md}.
 *
 * <p>Usage: {@code GoalOverhead [--sample DIR] [--rounds 8] [--trials 1000] [--sampler random] [--out FILE]}; the
 * sample's {@code ../interpolated-settings.xml} and {@code ../../local-repo} (what the invoker leaves) are used when
 * they exist.
 */
public final class GoalOverhead {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GoalOverhead() {
    }

    /**
     * One round: the two builds' wall times in seconds, the N-trial study's span and the same study's time in
     * memory through {@link Study#optimize}, both in milliseconds.
     */
    record Round(double wallOne, double wallN, double spanMillis, double inProcessMillis, int trials) {
        double spanPerTrial() {
            return spanMillis / trials;
        }

        double marginalPerTrial() {
            return (wallN - wallOne) * 1000 / (trials - 1);
        }

        double inProcessPerTrial() {
            return inProcessMillis / trials;
        }
    }

    public static void main(String[] rawArgs) throws Exception {
        String[] args = Args.split(rawArgs);
        Path sample = Path.of("../it/target/it/quickstart");
        int rounds = 8;
        int trials = 1000;
        String sampler = "random";
        Path out = Path.of("results/goal-overhead-runs.md");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--sample" -> sample = Path.of(args[++i]);
                case "--rounds" -> rounds = count("--rounds", args, ++i, 1);
                case "--trials" -> trials = count("--trials", args, ++i, 2);
                case "--sampler" -> sampler = args[++i];
                case "--out" -> out = Path.of(args[++i]);
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + "; expected --sample, --rounds, --trials, --sampler or --out");
            }
        }
        if (!Files.isRegularFile(sample.resolve("pom.xml"))) {
            throw new IllegalArgumentException("--sample " + sample.toAbsolutePath().normalize() + " has no pom.xml;"
                    + " build the it/ samples first with mvn -B verify -pl it -am, or name a sample project");
        }
        List<Round> done = new ArrayList<>();
        for (int r = 0; r < rounds; r++) {
            double one = run(sample, 1, sampler).wall;
            Build n = run(sample, trials, sampler);
            Round round = new Round(one, n.wall, span(sample), inProcess(trials, sampler), trials);
            done.add(round);
            System.out.printf(Locale.ROOT, "round %d: 1 trial %.2f s, %d trials %.2f s, span %.3f ms/trial,"
                    + " marginal %.3f ms/trial, in memory %.3f ms/trial%n", r + 1, one, trials, n.wall,
                    round.spanPerTrial(), round.marginalPerTrial(), round.inProcessPerTrial());
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report(done, sample, sampler, trials));
        System.out.println("wrote " + out.toAbsolutePath().normalize());
    }

    /** The whole number after an option, at least {@code min}; otherwise an error naming the option and value. */
    private static int count(String option, String[] args, int i, int min) {
        String value = i < args.length ? args[i] : "(nothing)";
        if (value.matches("\\d{1,9}") && Integer.parseInt(value) >= min) {
            return Integer.parseInt(value);
        }
        throw new IllegalArgumentException(option + " must be a whole number of at least " + min + ", got " + value);
    }

    private record Build(double wall) {
    }

    /** The quickstart's objective, {@code QuadraticTuning.bowl}, with its seed. */
    private static final long QUICKSTART_SEED = 42;

    /**
     * Runs {@link InProcess} in a fresh JVM (a cold one, as the goal's fork is) and returns the milliseconds its
     * study took.
     */
    private static double inProcess(int trials, String sampler) throws IOException, InterruptedException {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                InProcess.class.getName(), String.valueOf(trials), sampler).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes()).strip();
        if (p.waitFor() != 0 || !output.matches("[0-9.]+")) {
            throw new IllegalStateException("the in-memory study failed: " + output);
        }
        return Double.parseDouble(output);
    }

    /** {@code trials sampler}: prints the milliseconds {@link Study#optimize} takes for the quickstart's study. */
    static final class InProcess {
        public static void main(String[] args) {
            int trials = Integer.parseInt(args[0]);
            Study study = Study.builder().sampler(Samplers.byName(args[1], List.of(Direction.MINIMIZE),
                    QUICKSTART_SEED)).build();
            long start = System.nanoTime();
            study.optimize(trial -> {
                double x = trial.suggestFloat("x", -5, 5);
                double y = trial.suggestFloat("y", -5, 5);
                return (x - 1) * (x - 1) + (y + 2) * (y + 2);
            }, trials);
            System.out.printf(Locale.ROOT, "%.3f%n", (System.nanoTime() - start) / 1e6);
        }
    }

    private static Build run(Path sample, int trials, String sampler) throws IOException, InterruptedException {
        deleteTree(sample.resolve("target/hpo"));
        List<String> command = new ArrayList<>(List.of("mvn", "-B", "-q", "-o"));
        Path settings = sample.resolve("../interpolated-settings.xml");
        if (Files.isRegularFile(settings)) {
            command.addAll(List.of("-s", settings.toAbsolutePath().normalize().toString()));
        }
        Path repo = sample.resolve("../../local-repo");
        if (Files.isDirectory(repo)) {
            command.add("-Dmaven.repo.local=" + repo.toAbsolutePath().normalize());
        }
        command.addAll(List.of("hpo:optimize", "-Dhpo.trials=" + trials, "-Dhpo.sampler=" + sampler));
        Path log = Files.createTempFile("goal-overhead", ".log");
        long start = System.nanoTime();
        Process p = new ProcessBuilder(command).directory(sample.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        int code = p.waitFor();
        double wall = (System.nanoTime() - start) / 1e9;
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed with exit code " + code + "; see "
                    + log);
        }
        Files.delete(log);
        return new Build(wall);
    }

    /** First start to last completion over the trials of every study JSON file the goal wrote. */
    private static double span(Path sample) throws IOException {
        Instant first = null;
        Instant last = null;
        File[] files = sample.resolve("target/hpo").toFile().listFiles((d, name) -> name.endsWith(".json"));
        for (File f : files == null ? new File[0] : files) {
            for (JsonNode t : JSON.readTree(f).path("trials")) {
                if (t.path("start").isTextual() && t.path("complete").isTextual()) {
                    Instant s = Instant.parse(t.path("start").asText());
                    Instant c = Instant.parse(t.path("complete").asText());
                    first = first == null || s.isBefore(first) ? s : first;
                    last = last == null || c.isAfter(last) ? c : last;
                }
            }
        }
        if (first == null) {
            throw new IllegalStateException("no trials with times in " + sample.resolve("target/hpo"));
        }
        return Duration.between(first, last).toNanos() / 1e6;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static String report(List<Round> rounds, Path sample, String sampler, int trials) {
        StringBuilder md = new StringBuilder("# hpo:optimize: what a trial costs beyond the objective (raw runs)\n\n");
        md.append("Written by `dev.hpo.bench.GoalOverhead` on ").append(LocalDate.now()).append(", ")
                .append(Runtime.getRuntime().availableProcessors()).append(" cores, on `")
                .append(sample.toAbsolutePath().normalize().getFileName()).append("` with `-Dhpo.sampler=")
                .append(sampler).append("`. Regenerate (from the repository root, after `mvn -B verify -pl it -am`):\n\n")
                .append("```\nmvn -B -q -pl hpo-bench -am compile exec:exec@goal-overhead -Dexec.skip=true"
                        + " -Dexec.executable=java -Dbench.args=\"--rounds ").append(rounds.size()).append(" --trials ")
                .append(trials).append(" --sampler ").append(sampler).append("\"\n```\n\n")
                .append("Per round: `mvn hpo:optimize` with 1 trial, then with ").append(trials)
                .append(", each with a fresh `target/hpo`. **span** = the ").append(trials)
                .append("-trial study's first start to last completion / ").append(trials)
                .append(" (the goal's cost while trials run); **marginal** = (wall(").append(trials)
                .append(") − wall(1)) / ").append(trials - 1)
                .append(" (all that grows with the trial count, the outputs after the study included). **in memory** =")
                .append(" the same study (objective, sampler, seed ").append(QUICKSTART_SEED)
                .append(") through `Study.optimize` in a fresh JVM, in memory, per trial: the sampler's own decisions,")
                .append(" which a program calling the library pays as well; **beyond it** = span and marginal minus in")
                .append(" memory.\n\n")
                .append("| round | wall, 1 trial (s) | wall, ").append(trials).append(" trials (s) | span (ms/trial) |"
                        + " marginal (ms/trial) | in memory (ms/trial) | span beyond it | marginal beyond it |\n"
                        + "|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < rounds.size(); i++) {
            Round r = rounds.get(i);
            md.append(String.format(Locale.ROOT, "| %d | %.2f | %.2f | %.3f | %.3f | %.3f | %.3f | %.3f |%n", i + 1,
                    r.wallOne(), r.wallN(), r.spanPerTrial(), r.marginalPerTrial(), r.inProcessPerTrial(),
                    r.spanPerTrial() - r.inProcessPerTrial(), r.marginalPerTrial() - r.inProcessPerTrial()));
        }
        String perTrial = " ms/trial";
        md.append(String.format(Locale.ROOT, "%nMedian over %d rounds: span %s, marginal %s.%n", rounds.size(),
                spread(rounds, Round::spanPerTrial, perTrial), spread(rounds, Round::marginalPerTrial, perTrial)));
        md.append(String.format(Locale.ROOT, "The same study in memory: %s; beyond it, span %s and marginal %s.%n",
                spread(rounds, Round::inProcessPerTrial, perTrial),
                spread(rounds, r -> r.spanPerTrial() - r.inProcessPerTrial(), ""),
                spread(rounds, r -> r.marginalPerTrial() - r.inProcessPerTrial(), perTrial)));
        return md.toString();
    }

    /** A figure over the rounds as the report writes it: the median in bold, its unit, then the range. */
    private static String spread(List<Round> rounds, ToDoubleFunction<Round> figure, String unit) {
        double[] v = rounds.stream().mapToDouble(figure).toArray();
        return String.format(Locale.ROOT, "**%.3f**%s (%.3f to %.3f)", SampleEfficiency.quantile(v, 0.5), unit, min(v),
                max(v));
    }

    private static double min(double[] v) {
        return Arrays.stream(v).min().orElse(Double.NaN);
    }

    private static double max(double[] v) {
        return Arrays.stream(v).max().orElse(Double.NaN);
    }
}
