package dev.hpo.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.FrozenTrial;
import dev.hpo.RetryFailedTrialCallback;
import dev.hpo.Study;
import dev.hpo.TrialState;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Real JVMs on one journal file: killed writers, concurrent writers, dead workers found by their heartbeat. */
class JournalProcessesTest {

    @TempDir
    Path dir;

    /** A child JVM on the test classpath whose output lines arrive in a queue. */
    private static final class Child {
        final Process process;
        final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

        Child(Duration lockGrace, String... args) throws IOException {
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                    .toString(), "-cp", System.getProperty("java.class.path"), "-XX:TieredStopAtLevel=1",
                    "-Dhpo.test.lockGrace=" + lockGrace, JournalChild.class.getName()));
            command.addAll(List.of(args));
            process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            Thread reader = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        lines.add(line);
                    }
                } catch (IOException e) {
                    lines.add("reader failed: " + e);
                }
                lines.add("EOF");
            });
            reader.setDaemon(true);
            reader.start();
        }

        String next(long seconds) throws InterruptedException {
            String line = lines.poll(seconds, TimeUnit.SECONDS);
            if (line == null) {
                throw new AssertionError("child printed nothing for " + seconds + " s");
            }
            return line;
        }

        void kill() throws InterruptedException {
            process.destroyForcibly();
            assertTrue(process.waitFor(10, TimeUnit.SECONDS));
        }
    }

    /** Long enough that no live writer, however starved of CPU, is taken for dead (the machine is shared). */
    private static final Duration KILL_TEST_LOCK_GRACE = Duration.ofSeconds(2);

    private static JournalStorage open(Path journal) {
        return new JournalStorage(journal, JournalStorage.Durability.ASYNC, KILL_TEST_LOCK_GRACE, Clock.systemUTC());
    }

    @Test
    void killedWriterLosesNoTrialWhoseTellReturned() throws Exception {
        Path journal = dir.resolve("kill.log");
        SplittableRandom random = new SplittableRandom(42);
        Set<Integer> told = new HashSet<>();
        for (int round = 0; round < 3; round++) {
            Child child = new Child(KILL_TEST_LOCK_GRACE, "run", journal.toString(), "kill", "-1");
            assertTrue(child.next(30).startsWith("told "), "child started");
            long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100 + random.nextInt(400));
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
            child.kill();
            String line;
            while (!(line = child.next(10)).equals("EOF")) {
                if (line.startsWith("told ")) {
                    told.add(Integer.parseInt(line.substring(5)));
                }
            }
        }
        assertFalse(told.isEmpty());
        try (JournalStorage storage = open(journal)) {
            List<FrozenTrial> trials = storage.trials(storage.findStudy("kill").orElseThrow());
            for (int number : told) {
                assertEquals(TrialState.COMPLETE, trials.get(number).state(), "trial " + number + " was told");
            }
        }
    }

    @Test
    void fourJvmsShareOneJournalWithUniqueTrialNumbers() throws Exception {
        Path journal = dir.resolve("four.log");
        try (JournalStorage storage = open(journal)) {
            storage.createStudy("four", List.of(dev.hpo.Direction.MINIMIZE));
        }
        List<Child> children = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            children.add(new Child(JournalStorage.LOCK_GRACE, "run", journal.toString(), "four", "100"));
        }
        for (Child c : children) {
            assertTrue(c.process.waitFor(120, TimeUnit.SECONDS), "child finished");
            assertEquals(0, c.process.exitValue());
        }
        try (JournalStorage storage = open(journal)) {
            List<FrozenTrial> trials = storage.trials(storage.findStudy("four").orElseThrow());
            assertEquals(400, trials.size());
            Set<Long> ids = new HashSet<>();
            for (int i = 0; i < 400; i++) {
                assertEquals(i, trials.get(i).number());
                assertEquals(TrialState.COMPLETE, trials.get(i).state());
                assertEquals(2, trials.get(i).params().size());
                ids.add(trials.get(i).id());
            }
            assertEquals(400, ids.size());
        }
    }

    @Test
    void killedWorkersRunningTrialFailsThroughItsHeartbeatAndIsRetried() throws Exception {
        Path journal = dir.resolve("heartbeat.log");
        Child child = new Child(JournalStorage.LOCK_GRACE, "hang", journal.toString(), "hb");
        String line = child.next(30);
        assertTrue(line.startsWith("running "), line);
        int number = Integer.parseInt(line.substring(8));
        Thread.sleep(250);
        child.kill();
        try (Study study = Study.builder().name("hb").storage(open(journal)).loadIfExists(true)
                .heartbeatInterval(Duration.ofMillis(50)).gracePeriod(Duration.ofMillis(300))
                .failedTrialCallback(new RetryFailedTrialCallback(1)).build()) {
            assertEquals(TrialState.RUNNING, study.trials().get(number).state());
            Thread.sleep(400);
            study.optimize(trial -> trial.suggestFloat("x", 0, 1), 1);
            List<FrozenTrial> trials = study.trials();
            FrozenTrial dead = trials.get(number);
            assertEquals(TrialState.FAIL, dead.state());
            assertTrue(String.valueOf(dead.systemAttrs().get(Study.FAIL_REASON_ATTR)).contains("heartbeat"));
            FrozenTrial retry = trials.get(number + 1);
            assertEquals(TrialState.COMPLETE, retry.state());
            assertEquals(dead.params(), retry.params());
            assertEquals(OptionalInt.of(number), RetryFailedTrialCallback.retriedTrialNumber(retry));
            study.storage().close();
        }
    }
}
