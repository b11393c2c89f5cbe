package dev.hpo.sampler;

import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.Trial;
import dev.hpo.TrialPruned;
import dev.hpo.storage.JournalStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The grid studies of {@code hpo-bench/optuna/grid_journal.py}, which {@link GridSamplerJournalTest} finishes after
 * Optuna began them: the space as the script gave it to Optuna, in its order, and the script's objective (some points
 * pruned, some failing). As a main, the reverse: {@code GridJournal FILE} begins the same two studies in a journal
 * with hpo's GridSampler and leaves them half done — {@code grid} (seed 7, 14 trials finished, one left running as by
 * a worker that died) and {@code grid-default} (no seed, 5 trials) — and {@code hpo-bench/optuna/grid_continue.py
 * FILE} finishes them with Optuna's GridSampler, checking that every point is evaluated exactly once.
 *
 * <p>Run from the repository root, after {@code mvn -q -o -pl hpo-core -am test-compile dependency:build-classpath
 * -Dmdep.includeScope=test -Dmdep.outputFile=target/test.cp}: {@code java -cp
 * hpo-core/target/test-classes:hpo-core/target/classes:$(cat hpo-core/target/test.cp) dev.hpo.sampler.GridJournal
 * hpo-bench/target/grid-journal.log}.
 */
public final class GridJournal {

    static final Map<String, List<?>> SPACE = Map.of("x", List.of(3, 1, 2, 5),
            "kernel", List.of("rbf", "linear", "poly"), "c", List.of(0.1, 1.0, 10.0));

    private GridJournal() {
    }

    static double objective(Trial t) {
        int x = t.suggestInt("x", 1, 5);
        String kernel = t.suggestCategorical("kernel", List.of("rbf", "linear", "poly"));
        double c = t.suggestFloat("c", 0.01, 100, true);
        if (kernel.equals("poly") && c == 10.0) {
            throw new TrialPruned();
        }
        if (x == 5) {
            throw new IllegalStateException("x=5 fails, on purpose");
        }
        return x * c + kernel.length();
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            throw new IllegalArgumentException("usage: GridJournal FILE");
        }
        Path file = Path.of(args[0]);
        Files.deleteIfExists(file);
        JournalStorage storage = new JournalStorage(file);
        try (Study grid = Study.builder().storage(storage).name("grid").sampler(new GridSampler(SPACE, 7)).build();
             Study unseeded = Study.builder().storage(storage).name("grid-default").sampler(new GridSampler(SPACE))
                     .build()) {
            grid.optimize(GridJournal::objective, 14);
            grid.ask();  // a worker that died: running for ever
            unseeded.optimize(GridJournal::objective, 5);
            for (Study s : List.of(grid, unseeded)) {
                System.out.println(s.name());
                for (FrozenTrial t : s.trials()) {
                    System.out.println("  " + t.number() + " " + t.state() + " "
                            + t.systemAttrs().get(GridSampler.GRID_ID_ATTR) + " " + t.params());
                }
            }
        }
    }
}
