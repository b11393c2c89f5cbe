package sample;

import dev.hpo.Trial;
import dev.hpo.artifact.ArtifactStore;
import dev.hpo.artifact.Artifacts;
import dev.hpo.junit.FloatRange;
import dev.hpo.junit.IntRange;
import dev.hpo.junit.Objective;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Six trials per build, kept in the PostgreSQL database named by -Dhpo.storage, each with a "model" file that the
 * artifact store keeps in the same database.
 */
class PostgresTuning {

    @Objective(trials = 6)
    double bowl(@FloatRange(min = -5, max = 5) double x, @IntRange(min = -5, max = 5) int k, Trial trial,
            ArtifactStore artifacts) throws IOException {
        Path model = Files.createTempDirectory("model").resolve("model.txt");
        Files.writeString(model, "trial " + trial.number());
        Artifacts.upload(trial, model, artifacts);
        return (x - 1) * (x - 1) + (k + 2) * (k + 2);
    }
}
