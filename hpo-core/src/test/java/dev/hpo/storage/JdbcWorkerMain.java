package dev.hpo.storage;

import dev.hpo.Study;
import dev.hpo.Trial;
import dev.hpo.sampler.RandomSampler;

/**
 * A worker process for the multi-process tests: {@code optimize URL STUDY TRIALS} runs trials of a study;
 * {@code hang URL STUDY} starts one trial, records a heartbeat, prints {@code TRIAL <id>} and waits to be killed.
 */
public final class JdbcWorkerMain {

    private JdbcWorkerMain() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        try (JdbcStorage storage = new JdbcStorage(args[1])) {
            Study study = Study.load(storage, args[2]);
            if (mode.equals("optimize")) {
                Study s = Study.builder().storage(storage).name(args[2]).loadIfExists(true)
                        .sampler(new RandomSampler()).build();
                s.optimize(t -> t.suggestFloat("x", -1, 1) * t.suggestFloat("x", -1, 1), Integer.parseInt(args[3]));
                System.out.println("DONE");
            } else if (mode.equals("hang")) {
                Trial trial = study.ask();
                storage.recordHeartbeat(trial.id());
                System.out.println("TRIAL " + trial.id());
                System.out.flush();
                Thread.sleep(600_000);
            } else {
                throw new IllegalArgumentException("unknown mode " + mode);
            }
        }
    }
}
