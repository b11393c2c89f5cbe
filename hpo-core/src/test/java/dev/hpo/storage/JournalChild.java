package dev.hpo.storage;

import dev.hpo.OptimizeOptions;
import dev.hpo.Study;
import dev.hpo.sampler.RandomSampler;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/**
 * A worker process for the multi-process journal tests: joins study {@code args[2]} in journal {@code args[1]}
 * and, by mode {@code args[0]}:
 * <ul>
 *   <li>{@code run N}: runs N trials of a cheap objective, printing {@code told <number>} after each tell returned;
 *       with N = -1 it runs until killed;</li>
 *   <li>{@code hang}: starts one trial with heartbeats every 100 ms, prints {@code running <number>} and waits to
 *       be killed.</li>
 * </ul>
 */
public final class JournalChild {

    /**
     * The lock grace period, from system property {@code hpo.test.lockGrace} (a Duration): the kill test shortens
     * it so that a lock left by a killed child does not stall the next one for Optuna's 30 s.
     */
    static Duration lockGrace() {
        return Duration.parse(System.getProperty("hpo.test.lockGrace", JournalStorage.LOCK_GRACE.toString()));
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        JournalStorage storage = new JournalStorage(Path.of(args[1]), JournalStorage.Durability.ASYNC,
                lockGrace(), Clock.systemUTC());
        Study.Builder builder = Study.builder().name(args[2]).storage(storage).loadIfExists(true)
                .sampler(new RandomSampler(ProcessHandle.current().pid()));
        if (mode.equals("hang")) {
            builder.heartbeatInterval(Duration.ofMillis(100));
        }
        try (Study study = builder.build()) {
            if (mode.equals("hang")) {
                study.optimize(trial -> {
                    trial.suggestFloat("x", 0, 1);
                    System.out.println("running " + trial.number());
                    System.out.flush();
                    Thread.sleep(Long.MAX_VALUE);
                    return 0;
                }, 1);
                return;
            }
            int n = Integer.parseInt(args[3]);
            OptimizeOptions.Builder options = OptimizeOptions.builder().callback((s, t) -> {
                System.out.println("told " + t.number());
                System.out.flush();
            });
            if (n < 0) {
                options.timeout(Duration.ofMinutes(5));
            } else {
                options.trials(n);
            }
            study.optimize(trial -> {
                double x = trial.suggestFloat("x", -10, 10);
                int k = trial.suggestInt("k", 1, 100);
                trial.report(0, x);
                return x * x + k;
            }, options.build());
        }
        storage.close();
    }
}
