package dev.hpo.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialState;
import dev.hpo.storage.JournalStorage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grid studies Optuna 5 began in a journal and left half done ({@code grid/optuna-grid.log}, written by
 * {@code hpo-bench/optuna/grid_journal.py}) are finished by hpo's GridSampler: every point evaluated exactly once,
 * Optuna's trials included, because both number the grid alike.
 */
class GridSamplerJournalTest {

    private static Path journal(Path dir) throws IOException {
        Path journal = dir.resolve("optuna-grid.log");
        try (InputStream in = GridSamplerJournalTest.class.getResourceAsStream("grid/optuna-grid.log")) {
            Files.copy(in, journal);
        }
        return journal;
    }

    /** Seed 7, 14 trials finished by Optuna (complete, pruned, failed) and one a dead Optuna worker left running. */
    @Test
    void finishesTheGridOptunaBeganEachPointOnce(@TempDir Path dir) throws IOException {
        List<FrozenTrial> trials = finish(journal(dir), "grid", new GridSampler(GridJournal.SPACE, 7));
        assertEquals(15, trials.stream().filter(t -> t.number() < 15).count());
        assertEquals(TrialState.RUNNING, trials.get(14).state(), "Optuna's dead worker's trial stays as it was");
        assertEquals(36 + 1, trials.size(), "36 points, and the running trial Optuna left");
        assertEquals(Map.of("x", 5, "kernel", "rbf", "c", 1.0), trials.get(7).params(), "Optuna's trial 7");
        assertEquals(TrialState.FAIL, trials.get(7).state());
    }

    /** Optuna without a seed numbers with seed 0, and so does hpo's GridSampler without one. */
    @Test
    void finishesAnUnseededOptunaGridWithoutASeed(@TempDir Path dir) throws IOException {
        List<FrozenTrial> trials = finish(journal(dir), "grid-default", new GridSampler(GridJournal.SPACE));
        assertEquals(36, trials.size());
    }

    /**
     * Continues the study to its end and checks that every grid point was finished by exactly one trial, whose
     * parameters are the point its grid id means, and that trial k took grid id k while k was below the grid size
     * and its id free; returns the study's trials.
     */
    private static List<FrozenTrial> finish(Path journal, String name, GridSampler sampler) {
        try (Study study = Study.builder().storage(new JournalStorage(journal)).name(name).loadIfExists(true)
                .sampler(sampler).build()) {
            int optunas = study.trials().size();
            study.optimize(GridJournal::objective, 100);
            List<FrozenTrial> trials = study.trials();
            Map<Object, Integer> finishedPerPoint = new HashMap<>();
            for (FrozenTrial t : trials) {
                if (t.state().isFinished()) {
                    int id = ((Number) t.systemAttrs().get(GridSampler.GRID_ID_ATTR)).intValue();
                    assertEquals(sampler.point(id), t.params(), "trial " + t.number());
                    finishedPerPoint.merge(t.params(), 1, Integer::sum);
                }
            }
            assertEquals(36, finishedPerPoint.size(), "every point finished");
            assertTrue(finishedPerPoint.values().stream().allMatch(n -> n == 1), "each once: " + finishedPerPoint);
            assertTrue(trials.size() > optunas, "hpo went on");
            for (FrozenTrial t : trials.subList(optunas, Math.min(36, trials.size()))) {
                assertEquals(t.number(), ((Number) t.systemAttrs().get(GridSampler.GRID_ID_ATTR)).intValue());
            }
            return trials;
        }
    }
}
