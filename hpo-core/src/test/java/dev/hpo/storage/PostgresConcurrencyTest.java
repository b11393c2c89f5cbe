package dev.hpo.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.OptimizeOptions;
import dev.hpo.Study;
import dev.hpo.TrialState;
import dev.hpo.sampler.RandomSampler;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Many workers, threads and processes, on one study in a real PostgreSQL server. */
class PostgresConcurrencyTest {

    private static List<Integer> numbers(Storage storage, long studyId) {
        return storage.trials(studyId).stream().map(FrozenTrial::number).toList();
    }

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }

    private static Study study(Storage storage, String name) {
        return Study.builder().storage(storage).name(name).loadIfExists(true).sampler(new RandomSampler()).build();
    }

    @Test
    void eightThreadsWithTheirOwnConnectionsNeverDuplicateANumber() throws Exception {
        String url = PostgresServer.freshDatabase();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                done.add(pool.submit(() -> {
                    try (JdbcStorage s = new JdbcStorage(url)) {
                        study(s, "threads").optimize(t -> t.suggestFloat("x", 0, 1), 25);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get(120, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        try (JdbcStorage s = new JdbcStorage(url)) {
            assertEquals(range(200), numbers(s, s.findStudy("threads").orElseThrow()));
        }
    }

    @Test
    void eightThreadsSharingOneStorageNeverDuplicateANumber() {
        try (JdbcStorage s = new JdbcStorage(PostgresServer.freshDatabase())) {
            Study study = study(s, "shared");
            study.optimize(t -> t.suggestFloat("x", 0, 1), OptimizeOptions.builder().trials(200).parallelism(8).build());
            assertEquals(range(200), numbers(s, study.id()));
            assertTrue(study.trials().stream().allMatch(t -> t.state() == TrialState.COMPLETE));
        }
    }

    @Test
    void fourProcessesOfAHundredTrialsGiveFourHundredUniqueNumbers() throws Exception {
        String url = PostgresServer.freshDatabase();
        try (JdbcStorage s = new JdbcStorage(url)) {
            s.createStudy("processes", List.of(Direction.MINIMIZE));
        }
        List<Process> workers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            workers.add(worker("optimize", url, "processes", "100").start());
        }
        for (Process p : workers) {
            assertTrue(p.waitFor(180, TimeUnit.SECONDS), "a worker did not finish");
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), out);
        }
        try (JdbcStorage s = new JdbcStorage(url)) {
            long id = s.findStudy("processes").orElseThrow();
            assertEquals(range(400), numbers(s, id));
            assertEquals(400, s.trials(id).stream().filter(t -> t.state() == TrialState.COMPLETE).count());
        }
    }

    @Test
    void twoWorkersRacingForOneWaitingTrialExactlyOneWins() throws Exception {
        String url = PostgresServer.freshDatabase();
        try (JdbcStorage a = new JdbcStorage(url); JdbcStorage b = new JdbcStorage(url)) {
            long study = a.createStudy("race", List.of(Direction.MINIMIZE));
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < 30; round++) {
                    long trial = a.createTrial(study, new FrozenTrial(0, -1, TrialState.WAITING, null, null, null,
                            null, null, null, null, null));
                    CyclicBarrier start = new CyclicBarrier(2);
                    Future<Boolean> first = pool.submit(() -> {
                        start.await();
                        return a.setTrialState(trial, TrialState.RUNNING, null);
                    });
                    Future<Boolean> second = pool.submit(() -> {
                        start.await();
                        return b.setTrialState(trial, TrialState.RUNNING, null);
                    });
                    assertTrue(first.get(30, TimeUnit.SECONDS) ^ second.get(30, TimeUnit.SECONDS), "round " + round);
                    assertEquals(TrialState.RUNNING, a.trial(trial).state());
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void killedWorkersRunningTrialIsFoundStaleAndCanBeFailed() throws Exception {
        String url = PostgresServer.freshDatabase();
        try (JdbcStorage s = new JdbcStorage(url)) {
            long study = s.createStudy("killed", List.of(Direction.MINIMIZE));
            Process worker = worker("hang", url, "killed").start();
            long trial;
            try (BufferedReader out = new BufferedReader(
                    new InputStreamReader(worker.getInputStream(), StandardCharsets.UTF_8))) {
                String line = out.readLine();
                while (line != null && !line.startsWith("TRIAL ")) {
                    line = out.readLine();
                }
                assertTrue(line != null, "the worker printed no trial");
                trial = Long.parseLong(line.substring("TRIAL ".length()).trim());
                worker.destroyForcibly();
                worker.waitFor(30, TimeUnit.SECONDS);
            }
            long alive = s.createTrial(study, null);
            s.recordHeartbeat(alive);
            assertEquals(List.of(), s.staleTrials(study, Duration.ofSeconds(60)));
            Thread.sleep(1_200);
            s.recordHeartbeat(alive);
            assertEquals(List.of(trial), s.staleTrials(study, Duration.ofSeconds(1)));
            assertEquals(TrialState.RUNNING, s.trial(trial).state());
            s.setTrialState(trial, TrialState.FAIL, null);
            assertEquals(List.of(), s.staleTrials(study, Duration.ofSeconds(1)));
        }
    }

    /** A JVM running {@link JdbcWorkerMain} on the test classpath. */
    static ProcessBuilder worker(String... args) {
        String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(java, "-cp", classpath, JdbcWorkerMain.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }
}
