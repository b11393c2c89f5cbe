package dev.hpo.junit.engine;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.hpo.Direction;
import dev.hpo.Study;
import dev.hpo.junit.engine.fixtures.Bowl;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.EngineFilter;

/**
 * What the engine costs per trial: a study of {@value #TRIALS} trials of a trivial objective ({@link Bowl}) run
 * through the JUnit launcher in study mode, against the same objective run with {@code Study.optimize} directly.
 * The engine's time includes discovery, the reflective call, a fresh dynamic test per trial with its events and
 * report entry. Rounds alternate between the two so that JIT warm-up and machine load hit both alike; the figure is
 * the median over rounds. Not a test: run it as a main (see hpo-bench/results/engine-overhead.md for the command),
 * it writes that file.
 */
public final class EngineOverheadBenchmark {

    static final int TRIALS = 1000;
    private static final int WARMUP_ROUNDS = 20;
    private static final int ROUNDS = 31;

    private EngineOverheadBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "engine-overhead.md");
        Launcher launcher = LauncherFactory.create();
        for (int i = 0; i < WARMUP_ROUNDS; i++) {
            direct();
            engine(launcher);
        }
        List<Long> direct = new ArrayList<>();
        List<Long> engine = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            direct.add(direct());
            engine.add(engine(launcher));
        }
        double directMs = median(direct) / 1e6;
        double engineMs = median(engine) / 1e6;
        double overheadPerTrialMs = (engineMs - directMs) / TRIALS;
        double directMinMs = min(direct) / 1e6;
        double engineMinMs = min(engine) / 1e6;
        String report = String.format(Locale.ROOT, """
                # Engine overhead per trial

                A study of %d trials of a trivial objective (`Bowl.bowl`: two suggestions and a few flops) run through
                the JUnit Platform launcher with the hpo engine in study mode, against the same objective run with
                `Study.optimize` directly (both: in-memory storage, the default sampler seeded with 7, no pruning,
                one thread). The engine side includes discovery, the reflective call of the method, one dynamic test
                per trial with its events and report entry. Median (and fastest) of %d alternating rounds after %d warm-up rounds
                (`EngineOverheadBenchmark`, a main in `hpo-junit-engine`'s test sources).

                | | median time for %d trials | per trial | fastest round | per trial |
                |---|---|---|---|---|
                | `Study.optimize` directly | %.1f ms | %.3f ms | %.1f ms | %.3f ms |
                | through the engine | %.1f ms | %.3f ms | %.1f ms | %.3f ms |
                | **overhead of the engine** | %.1f ms | **%.3f ms** | %.1f ms | **%.3f ms** |

                Target: at most 0.2 ms per trial. Every round starts after a `System.gc()`, so that one side's
                garbage is not collected on the other's time. Rounds (ms), direct: %s; engine: %s.

                Machine: %s, %d processors available, load average %.1f when the run ended, Java %s, JUnit Platform
                %s. The machine was shared with other builds while this ran (a load above the processor count means
                both sides waited for a core), so the median is inflated by contention; the fastest round of each
                side is the closer estimate of the cost itself.

                Reproduce (from the repository root, after `mvn -pl hpo-junit-engine -am test-compile`):

                ```
                mvn -q -o -pl hpo-junit-engine dependency:build-classpath -Dmdep.includeScope=test \\
                    -Dmdep.outputFile=target/bench.cp
                CP=$(sed -e 's/junit-platform-engine-1.10.5/junit-platform-engine-6.1.3/;s/1.10.5\\/junit-platform-engine/6.1.3\\/junit-platform-engine/' \\
                    -e 's/junit-platform-commons-1.10.5/junit-platform-commons-6.1.3/;s/1.10.5\\/junit-platform-commons/6.1.3\\/junit-platform-commons/' \\
                    hpo-junit-engine/target/bench.cp)
                java -cp hpo-junit-engine/target/test-classes:hpo-junit-engine/target/classes:$CP \\
                    dev.hpo.junit.engine.EngineOverheadBenchmark hpo-bench/results/engine-overhead.md
                ```
                (the engine is compiled against the 1.10.5 API, which is `provided`; the launcher on the test class
                path is 6.1.3, so the platform jars are swapped for 6.1.3 as the module's surefire configuration does.)
                """, TRIALS, ROUNDS, WARMUP_ROUNDS, TRIALS,
                directMs, directMs / TRIALS, directMinMs, directMinMs / TRIALS,
                engineMs, engineMs / TRIALS, engineMinMs, engineMinMs / TRIALS,
                engineMs - directMs, overheadPerTrialMs, engineMinMs - directMinMs,
                (engineMinMs - directMinMs) / TRIALS, millis(direct), millis(engine),
                System.getProperty("os.arch") + " " + System.getProperty("os.name"),
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), System.getProperty("java.version"),
                Launcher.class.getPackage().getImplementationVersion());
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report);
        System.out.print(report);
    }

    private static long direct() {
        System.gc();
        long start = System.nanoTime();
        try (Study study = Study.builder().name("Bowl.bowl").direction(Direction.MINIMIZE).seed(7).build()) {
            study.optimize(trial -> {
                double x = trial.suggestFloat("x", -10, 10);
                int k = trial.suggestInt("k", 0, 10);
                return (x - 3) * (x - 3) + k;
            }, TRIALS);
        }
        return System.nanoTime() - start;
    }

    private static long engine(Launcher launcher) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(Bowl.class))
                .filters(EngineFilter.includeEngines(HpoTestEngine.ENGINE_ID))
                .configurationParameter("hpo.mode", "study")
                .configurationParameter("hpo.trials", Integer.toString(TRIALS))
                .configurationParameter("hpo.seed", "7")
                .build();
        System.gc();
        long start = System.nanoTime();
        launcher.execute(request, new TestExecutionListener() { });
        return System.nanoTime() - start;
    }

    private static double median(List<Long> values) {
        long[] sorted = values.stream().mapToLong(Long::longValue).sorted().toArray();
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    private static double min(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).min().orElseThrow();
    }

    private static String millis(List<Long> nanos) {
        return Arrays.toString(nanos.stream().mapToDouble(v -> Math.round(v / 1e5) / 10.0).toArray());
    }
}
