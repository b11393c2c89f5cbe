package dev.hpo.bench;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialPruned;
import dev.hpo.artifact.ArtifactStore;
import dev.hpo.artifact.Artifacts;
import dev.hpo.artifact.FileSystemArtifactStore;
import dev.hpo.sampler.TpeSampler;
import dev.hpo.storage.Storage;
import dev.hpo.storage.Storages;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The journal both ways with Python Optuna, for the README's claim that the two share a file: {@code write FILE}
 * writes two studies the way a build does (every kind of distribution, an enqueued trial, pruned and failed trials,
 * intermediate values, attributes, an artifact per trial in {@code FILE.artifacts/}, two objectives),
 * {@code hpo-bench/optuna/journal_roundtrip.py FILE} checks them with Optuna and appends trials of its own, and
 * {@code read FILE} prints every trial as hpo reads it back.
 */
public final class JournalRoundTrip {

    private JournalRoundTrip() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 1) {
            args = args[0].trim().split("\\s+");  // -Dbench.args="write FILE" comes as one argument
        }
        if (args.length != 2 || !List.of("write", "read").contains(args[0])) {
            throw new IllegalArgumentException("usage: JournalRoundTrip write|read FILE");
        }
        Path file = Path.of(args[1]);
        if (args[0].equals("write")) {
            Files.deleteIfExists(file);
        }
        try (Storage storage = Storages.open("journal:" + file)) {
            if (args[0].equals("write")) {
                write(storage, new FileSystemArtifactStore(Path.of(file + ".artifacts")));
            }
            for (String name : List.of("mixed", "two")) {
                Study study = Study.load(storage, name);
                System.out.println("study " + name + " " + study.directions() + " " + study.userAttrs());
                for (FrozenTrial t : study.trials()) {
                    System.out.println("  " + t.number() + " " + t.state() + " " + t.values() + " "
                            + new TreeMap<>(t.params()) + " " + t.userAttrs() + " " + t.intermediateValues()
                            + (Artifacts.list(t).isEmpty() ? "" : " " + Artifacts.list(t).get(0).filename()));
                }
            }
        }
    }

    private static void write(Storage storage, ArtifactStore artifacts) throws Exception {
        Study mixed = Study.builder().name("mixed").storage(storage).sampler(new TpeSampler(1)).build();
        mixed.setUserAttr("owner", "hpo");
        mixed.enqueueTrial(Map.of("x", 0.5, "n", 4, "kind", "b"));
        mixed.optimize(t -> {
            double x = t.suggestFloat("x", -2, 2);
            double lr = t.suggestFloat("lr", 1e-4, 1, true);
            int n = t.suggestInt("n", 1, 16, true);
            double q = t.suggestFloat("q", 0, 1, 0.25);
            int k = t.suggestInt("k", 0, 10, 2);
            String kind = t.suggestCategorical("kind", List.of("a", "b", "c"));
            t.setUserAttr("note", "trial " + t.number());
            Path note = Files.writeString(Files.createTempDirectory("hpo-artifact").resolve("trial-" + t.number()
                    + ".txt"), "trial " + t.number() + " x=" + x + "\n");
            Artifacts.upload(t, note, artifacts);
            for (int step = 0; step < 3; step++) {
                t.report(step, x * x + step);
            }
            if (t.number() == 3) {
                throw new TrialPruned();
            }
            if (t.number() == 4) {
                throw new IllegalStateException("a failed trial");
            }
            return x * x + lr + n + q + k + kind.length();
        }, 12);
        Study two = Study.builder().name("two").storage(storage).directions(Direction.MINIMIZE, Direction.MAXIMIZE)
                .build();
        two.optimizeMulti(t -> {
            double x = t.suggestFloat("x", 0, 1);
            return new double[] {x, x * x};
        }, 5);
    }
}
