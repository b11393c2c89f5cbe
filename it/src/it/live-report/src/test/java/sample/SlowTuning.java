package sample;

import dev.hpo.junit.FloatRange;
import dev.hpo.junit.Objective;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.MediaType;
import org.junit.jupiter.api.TestReporter;

/**
 * Ten trials of 400 ms under a report interval of one second: once the goal has drawn the report, each trial looks
 * at it and notes in {@code target/live.txt} how many completed trials it showed, so that the build can check that the
 * page grew while the study ran. Each trial also publishes its "model" through Jupiter's {@code TestReporter}: the file
 * becomes the trial's artifact, and the goal copies the best trial's to {@code target/hpo/best/SlowTuning.bowl/}.
 */
class SlowTuning {

    @Objective(trials = 10, seed = 7)
    double bowl(@FloatRange(min = -5, max = 5) double x, TestReporter reporter)
            throws IOException, InterruptedException {
        Thread.sleep(400);
        reporter.publishFile("model.txt", MediaType.TEXT_PLAIN_UTF_8, path -> Files.writeString(path, "x=" + x));
        Path report = Path.of("target/hpo/report.html");
        if (Files.exists(report)) {
            String html = Files.readString(report);
            // the table's rows are one JSON block, a row [flags, number, state, ...] per trial
            int start = html.indexOf("class=\"trials-data\">");
            String data = start < 0 ? "" : html.substring(start, html.indexOf("</script>", start));
            long rows = data.split(",\"COMPLETE\"", -1).length - 1;
            Files.writeString(Path.of("target/live.txt"), (html.contains("http-equiv=\"refresh\"") ? "running" : "final")
                    + " " + rows + System.lineSeparator(), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        return (x - 1) * (x - 1);
    }
}
