package dev.hpo.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.TrialState;
import dev.hpo.space.FloatDistribution;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL a running trial's writes wait in memory until the storage's next request or
 * {@link JdbcStorage#FLUSH_DELAY}; these check what each worker sees meanwhile.
 */
class PostgresWaitingWritesTest {

    @Test
    void aWorkerReadsItsOwnWaitingParameterAtOnce() {
        try (JdbcStorage s = new JdbcStorage(PostgresServer.freshDatabase())) {
            long study = s.createStudy("own", List.of(Direction.MINIMIZE));
            FrozenTrial t = s.createRunningTrial(study);
            s.setTrialParam(t.id(), "x", 0.25, FloatDistribution.of(0, 1));
            s.setTrialIntermediateValue(t.id(), 2, 0.5);
            FrozenTrial read = s.trial(t.id());
            assertEquals(Map.of("x", 0.25), read.params());
            assertEquals(0.5, read.intermediateValues().get(2));
        }
    }

    @Test
    void anotherWorkerSeesAWaitingParameterOnceTheTimerSendsIt() throws InterruptedException {
        String url = PostgresServer.freshDatabase();
        try (JdbcStorage writer = new JdbcStorage(url); JdbcStorage reader = new JdbcStorage(url)) {
            long study = writer.createStudy("timer", List.of(Direction.MINIMIZE));
            FrozenTrial t = writer.createRunningTrial(study);
            writer.setTrialParam(t.id(), "x", 0.75, FloatDistribution.of(0, 1));
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (reader.trial(t.id()).params().isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(JdbcStorage.FLUSH_DELAY_MILLIS / 4);
            }
            assertEquals(Map.of("x", 0.75), reader.trial(t.id()).params());
        }
    }

    @Test
    void waitingParametersGoInWithTheTellThatFinishesTheTrial() {
        String url = PostgresServer.freshDatabase();
        try (JdbcStorage writer = new JdbcStorage(url); JdbcStorage reader = new JdbcStorage(url)) {
            long study = writer.createStudy("tell", List.of(Direction.MINIMIZE));
            FrozenTrial t = writer.createRunningTrial(study);
            writer.setTrialParam(t.id(), "x", 0.5, FloatDistribution.of(0, 1));
            writer.setTrialParam(t.id(), "y", 0.125, FloatDistribution.of(0, 1));
            writer.setTrialState(t.id(), TrialState.COMPLETE, List.of(1.0));
            FrozenTrial read = reader.trial(t.id());
            assertEquals(TrialState.COMPLETE, read.state());
            assertEquals(Map.of("x", 0.5, "y", 0.125), read.params());
        }
    }

    @Test
    void waitingWritesOfATrialAnotherWorkerFailedAreDroppedAndTheTellFails() {
        String url = PostgresServer.freshDatabase();
        try (JdbcStorage worker = new JdbcStorage(url); JdbcStorage other = new JdbcStorage(url)) {
            long study = worker.createStudy("stale", List.of(Direction.MINIMIZE));
            FrozenTrial t = worker.createRunningTrial(study);
            other.setTrialState(t.id(), TrialState.FAIL, null);
            worker.setTrialParam(t.id(), "x", 0.5, FloatDistribution.of(0, 1));
            assertThrows(IllegalStateException.class,
                    () -> worker.setTrialState(t.id(), TrialState.COMPLETE, List.of(1.0)));
            FrozenTrial read = other.trial(t.id());
            assertEquals(TrialState.FAIL, read.state());
            assertTrue(read.params().isEmpty(), read.params().toString());
            assertThrows(IllegalStateException.class,
                    () -> worker.setTrialParam(t.id(), "y", 0.5, FloatDistribution.of(0, 1)));
        }
    }
}
