package sample;

import dev.hpo.Trial;
import dev.hpo.artifact.ArtifactStore;
import dev.hpo.artifact.Artifacts;
import dev.hpo.junit.FloatRange;
import dev.hpo.junit.Objective;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;

/**
 * Four trials, then the outputs are rebuilt from the journal. The bowl's centre is loaded by {@code @BeforeAll} and
 * its scale set by {@code @BeforeEach}, so a trial fails unless the fork ran both; the disabled objective would fail
 * the build if it ran. Every trial saves its "model" as an artifact; the goal copies the best one's to
 * {@code target/hpo/best/ReportTuning.bowl/}.
 */
class ReportTuning {

    private static double[] centre;
    private double scale;

    @BeforeAll
    static void loadCentre() {
        centre = new double[] {1, -2};
    }

    @BeforeEach
    void setScale() {
        scale = 1;
    }

    @Objective(trials = 4)
    double bowl(@FloatRange(min = -5, max = 5) double x, @FloatRange(min = -5, max = 5) double y, Trial trial,
            ArtifactStore artifacts) throws IOException {
        if (scale != 1) {
            throw new IllegalStateException("@BeforeEach did not run");
        }
        Path model = Files.createTempDirectory("model").resolve("model.txt");
        Files.writeString(model, "trained at x=" + x + ", y=" + y);
        Artifacts.upload(trial, model, artifacts);
        return (x - centre[0]) * (x - centre[0]) + (y - centre[1]) * (y - centre[1]);
    }

    @Disabled("never in CI")
    @Objective(trials = 4)
    double slow(@FloatRange(min = -5, max = 5) double x) {
        throw new IllegalStateException("a @Disabled objective ran");
    }
}
