package dev.hpo.bench;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.ObjectiveFunction;
import dev.hpo.TrialState;
import dev.hpo.space.CategoricalDistribution;
import dev.hpo.space.Distribution;
import dev.hpo.space.FloatDistribution;
import dev.hpo.space.IntDistribution;
import dev.hpo.storage.InMemoryStorage;
import dev.hpo.storage.JdbcStorage;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a PostgreSQL storage costs: the time a trial takes with {@link JdbcStorage} against
 * {@link InMemoryStorage} (random sampler, trivial objective, so the storage is all there is to measure), and the
 * time to load a study of 10,000 trials. Starts its own PostgreSQL server from the zonky binaries on Maven Central
 * and writes a Markdown table.
 *
 * <p>Run from the repository root: {@code mvn -B -q -pl hpo-bench -am compile exec:exec@storage-postgresql
 * -Dexec.skip=true -Dexec.executable=java} (writes {@code hpo-bench/results/storage-postgresql.md}).
 */
public final class JdbcStorageBench {

    private static final int[] SIZES = {100, 1000, 5000};
    private static final int ROUNDS = 3;
    private static final int WARM_UP_TRIALS = 2000;
    private static final int LOAD_TRIALS = 10_000;
    private static final int LOADS = 5;

    private JdbcStorageBench() {
    }

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "hpo-bench/results/storage-postgresql.md");
        String loadBefore = PerTrialCost.loadAverage();
        try (EmbeddedPostgres server = EmbeddedPostgres.builder().setServerConfig("synchronous_commit", "on")
                .start()) {
            String url = server.getJdbcUrl("postgres", "postgres");
            String version = serverVersion(url);
            ObjectiveFunction objective = JdbcStorageBench::objective;
            PerTrialCost.warmUp(InMemoryStorage::new, objective, WARM_UP_TRIALS);
            PerTrialCost.warmUp(() -> new JdbcStorage(url), objective, WARM_UP_TRIALS);
            double roundTrip = roundTripMillis(url);
            List<PerTrialCost.Cost> memory = PerTrialCost.measure(InMemoryStorage::new, objective, SIZES, ROUNDS);
            long postmaster = postmasterPid(url);
            List<PerTrialCost.Cost> durable = PerTrialCost.measure(() -> new JdbcStorage(url), objective, SIZES,
                    ROUNDS, () -> PerTrialCost.processTreeCpuNanos(postmaster));
            setSynchronousCommit(url, "off");
            List<PerTrialCost.Cost> relaxed = PerTrialCost.measure(() -> new JdbcStorage(url), objective, SIZES,
                    ROUNDS, () -> PerTrialCost.processTreeCpuNanos(postmaster));
            setSynchronousCommit(url, "on");
            String loadAfterTrials = PerTrialCost.loadAverage();
            double[] loads = loadMillis(url);
            String report = report(version, loadBefore, loadAfterTrials, PerTrialCost.loadAverage(), roundTrip,
                    memory, durable, relaxed, loads);
            Files.createDirectories(out.toAbsolutePath().getParent());
            Files.writeString(out, report);
            System.out.println(report);
        }
    }

    private static double objective(dev.hpo.Trial t) {
        double x = t.suggestFloat("x", -5, 5);
        double lr = t.suggestFloat("lr", 1e-4, 1, true);
        int depth = t.suggestInt("depth", 2, 32);
        return x * x + lr + depth;
    }

    /** Writes a study of 10,000 finished trials, then times {@code trials()} on fresh storages. */
    private static double[] loadMillis(String url) {
        long studyId;
        try (JdbcStorage storage = new JdbcStorage(url)) {
            studyId = storage.createStudy("load-10k-" + System.nanoTime(), List.of(Direction.MINIMIZE));
            Map<String, Distribution> dists = new LinkedHashMap<>();
            dists.put("x", FloatDistribution.of(-5, 5));
            dists.put("depth", IntDistribution.of(2, 32));
            dists.put("kernel", CategoricalDistribution.of(List.of("rbf", "linear", "poly")));
            for (int i = 0; i < LOAD_TRIALS; i++) {
                Map<String, Object> params = new LinkedHashMap<>();
                params.put("x", (i % 1000) / 100.0 - 5);
                params.put("depth", 2 + i % 31);
                params.put("kernel", List.of("rbf", "linear", "poly").get(i % 3));
                TreeMap<Integer, Double> steps = new TreeMap<>(Map.of(0, 1.0 * i, 1, 0.5 * i, 2, 0.25 * i));
                storage.createTrial(studyId, new FrozenTrial(0, -1, TrialState.COMPLETE, List.of(i * 0.001), params,
                        dists, steps, Map.of("fold", i % 5), Map.of(), null, null));
            }
        }
        double[] wall = new double[LOADS];
        double[] cpu = new double[LOADS];
        for (int i = 0; i < LOADS; i++) {
            try (JdbcStorage storage = new JdbcStorage(url)) {
                long start = System.nanoTime();
                long cpuStart = PerTrialCost.processCpuNanos();
                int n = storage.trials(studyId).size();
                wall[i] = (System.nanoTime() - start) / 1e6;
                cpu[i] = (PerTrialCost.processCpuNanos() - cpuStart) / 1e6;
                if (n != LOAD_TRIALS) {
                    throw new IllegalStateException("loaded " + n + " trials, expected " + LOAD_TRIALS);
                }
            }
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        return new double[] {wall[0], wall[LOADS / 2], cpu[LOADS / 2]};
    }

    /** The server's main process, from the first line of {@code postmaster.pid} in its data directory. */
    private static long postmasterPid(String url) throws SQLException, IOException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                var rs = s.executeQuery("SHOW data_directory")) {
            rs.next();
            return Long.parseLong(Files.readAllLines(Path.of(rs.getString(1), "postmaster.pid")).get(0).trim());
        }
    }

    private static String serverVersion(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement();
                var rs = s.executeQuery("SHOW server_version")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Mean time of {@code SELECT 1} on one connection: the floor under every statement of the storage. */
    private static double roundTripMillis(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); var ps = c.prepareStatement("SELECT 1")) {
            int n = 3000;
            long start = 0;
            for (int i = -500; i < n; i++) {
                if (i == 0) {
                    start = System.nanoTime();
                }
                try (var rs = ps.executeQuery()) {
                    rs.next();
                }
            }
            return (System.nanoTime() - start) / 1e6 / n;
        }
    }

    private static void setSynchronousCommit(String url, String value) throws SQLException {
        try (Connection c = DriverManager.getConnection(url); Statement s = c.createStatement()) {
            s.execute("ALTER SYSTEM SET synchronous_commit = " + value);
            s.execute("SELECT pg_reload_conf()");
        }
    }

    private static String report(String version, String loadBefore, String loadAfterTrials, String loadAtEnd,
            double roundTrip, List<PerTrialCost.Cost> memory, List<PerTrialCost.Cost> durable,
            List<PerTrialCost.Cost> relaxed, double[] loads) {
        List<String> rows = new ArrayList<>();
        rows.add(PerTrialCost.header());
        rows.addAll(PerTrialCost.rows("in-memory", memory, null));
        rows.addAll(PerTrialCost.rows("PostgreSQL, `synchronous_commit=on` (the server default)", durable, memory));
        rows.addAll(PerTrialCost.rows("PostgreSQL, `synchronous_commit=off`", relaxed, memory));
        return String.format(java.util.Locale.ROOT, """
                # Storage cost: PostgreSQL vs in-memory

                Measured by `dev.hpo.bench.JdbcStorageBench` on %s. PostgreSQL %s from the zonky binaries on Maven \
                Central, on localhost (TCP), one connection per storage; JDK %s; %d cores. Load average (1, 5, \
                15 min) before: %s; after the per-trial runs: %s; at the end: %s. **The machine is shared with \
                other builds** (2 cores for up to 8 engineers), and the server competes for the same cores, so wall \
                times are noisy and pessimistic; CPU times of the study's thread suffer less (the server's CPU is \
                not in them).

                ## Time per trial

                Random sampler, objective with three `suggest*` calls and no work. After %,d warm-up trials per \
                storage, %d fresh studies of %,d trials each; the %d trials that bring a study to each size are \
                timed, and the median over the studies is shown. "Added" is the storage minus the in-memory storage \
                at the same size. The server's CPU is that of all its processes (the backend serving the storage, the \
                WAL writer, ...) over the same trials. One round trip to the server (`SELECT 1`, prepared) took \
                %.3f ms during this run.

                %s

                ## Loading a study of %,d trials

                Each trial has 3 parameters, 1 value, 3 intermediate values and 1 user attribute. `trials()` on a \
                fresh storage (five queries, one per table, in one request, joined in memory), %d loads: fastest \
                %.0f ms, median %.0f ms of wall time; process CPU time (the JVM only) median %.0f ms.
                """, LocalDate.now(), version, System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors(), loadBefore, loadAfterTrials, loadAtEnd, WARM_UP_TRIALS,
                ROUNDS, SIZES[SIZES.length - 1], PerTrialCost.BLOCK, roundTrip, String.join("\n", rows),
                LOAD_TRIALS, LOADS, loads[0], loads[1], loads[2]);
    }
}
