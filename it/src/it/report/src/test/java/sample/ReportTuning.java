package sample;

import dev.hpo.Trial;
import dev.hpo.artifact.ArtifactStore;
import dev.hpo.artifact.Artifacts;
import dev.hpo.junit.FloatRange;
import dev.hpo.junit.Objective;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Four trials, then the outputs are rebuilt from the journal (with those of {@link TradeOffTuning}, two objectives).
 * The bowl's centre is loaded by {@code @BeforeAll} and its scale set by {@code @BeforeEach}, so a trial fails unless
 * the fork ran both; the disabled objective and the one enabled only with a system property would fail the build if
 * they ran. Every trial saves its "model" in its own
 * {@code @TempDir} and uploads it as an artifact; the goal copies the best one's to
 * {@code target/hpo/best/ReportTuning.bowl/}. {@code @BeforeEach} publishes the trial's name through Jupiter's
 * {@code TestReporter}, and each directory's path goes to {@code target/tempdirs.txt} so that the build can check that
 * none is left.
 */
class ReportTuning {

    private static double[] centre;
    private double scale;

    @BeforeAll
    static void loadCentre() {
        centre = new double[] {1, -2};
    }

    @BeforeEach
    void setScale(TestInfo info, TestReporter reporter) {
        scale = 1;
        reporter.publishEntry("scale", scale + " for " + info.getDisplayName());
    }

    @Objective(trials = 4)
    double bowl(@FloatRange(min = -5, max = 5) double x, @FloatRange(min = -5, max = 5) double y, Trial trial,
            ArtifactStore artifacts, @TempDir Path dir) throws IOException {
        if (scale != 1) {
            throw new IllegalStateException("@BeforeEach did not run");
        }
        Files.writeString(Path.of("target/tempdirs.txt"), dir + System.lineSeparator(), StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
        Path model = dir.resolve("model.txt");
        Files.writeString(model, "trained at x=" + x + ", y=" + y);
        Artifacts.upload(trial, model, artifacts);
        return (x - centre[0]) * (x - centre[0]) + (y - centre[1]) * (y - centre[1]);
    }

    @Disabled("never in CI")
    @Objective(trials = 4)
    double slow(@FloatRange(min = -5, max = 5) double x) {
        throw new IllegalStateException("a @Disabled objective ran");
    }

    @EnabledIfSystemProperty(named = "sample.gpu", matches = "true")
    @Objective(trials = 4)
    double gpu(@FloatRange(min = -5, max = 5) double x) {
        throw new IllegalStateException("an objective whose condition is not met ran");
    }
}
