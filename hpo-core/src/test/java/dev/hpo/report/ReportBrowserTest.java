package dev.hpo.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens a generated report in a real headless Chromium: the page's own self-check must report every plot
 * drawn and no script error, and a screenshot is saved to {@code target/report-screenshot.png}.
 * Needs Chromium ({@code apt-get install -y chromium}; CI installs it). {@code HPO_SKIP_BROWSER=1} skips it.
 */
class ReportBrowserTest {

    private static final Path REPORT = Path.of("target", "hpo-browser", "report.html");
    private static String chromium;

    @BeforeAll
    static void findBrowserAndWriteReport() {
        Assumptions.assumeFalse("1".equals(System.getenv("HPO_SKIP_BROWSER")),
                "HPO_SKIP_BROWSER=1: the browser test of the report is skipped");
        chromium = findChromium();
        if (chromium == null) {
            fail("Chromium is needed to check the HTML report in a real browser, but neither /usr/bin/chromium nor "
                    + "'chromium' on the PATH exists. Install it with 'apt-get install -y chromium' (CI's .ci/run "
                    + "does), or set HPO_SKIP_BROWSER=1 to skip this test on a machine without a browser.");
        }
        HtmlReport.write(REPORT, ReportFixtures.single(120), ReportFixtures.multi(150), ReportFixtures.threeWay(60),
                ReportFixtures.terminated(40), ReportFixtures.extremes(60));
    }

    private static String findChromium() {
        if (Files.isExecutable(Path.of("/usr/bin/chromium"))) {
            return "/usr/bin/chromium";
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, "chromium");
            if (!dir.isEmpty() && Files.isExecutable(p)) {
                return p.toString();
            }
        }
        return null;
    }

    @Test
    void everyPlotRendersWithoutScriptErrors(@TempDir Path profile) throws Exception {
        String dom = run(profile, "--virtual-time-budget=5000", "--dump-dom", REPORT.toUri().toString());
        Matcher m = Pattern.compile("data-report-status=\"([^\"]*)\"").matcher(dom);
        assertTrue(m.find(), "the page's self-check did not run; DOM starts with: "
                + dom.substring(0, Math.min(300, dom.length())));
        String html = Files.readString(REPORT);
        int figures = html.split("<figure class=\"plot\"", -1).length - 1;
        assertEquals("ok " + figures + " plots", m.group(1));
        assertFalse(dom.contains("<script>alert"), "a user string became a script element");
    }

    @Test
    void screenshotIsSaved(@TempDir Path profile) throws Exception {
        Path shot = Path.of("target", "report-screenshot.png").toAbsolutePath();
        Files.deleteIfExists(shot);
        run(profile, "--screenshot=" + shot, "--window-size=1280,2000", "--hide-scrollbars",
                REPORT.toUri().toString());
        assertTrue(Files.size(shot) > 10_000, "screenshot " + shot + " is missing or empty");
    }

    private static String run(Path profile, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Path err = profile.resolve("chromium-stderr.log");
        Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            fail("Chromium did not finish within 120 s: " + command);
        }
        if (p.exitValue() != 0) {
            fail("Chromium exited with " + p.exitValue() + ": " + Files.readString(err));
        }
        return new String(out, StandardCharsets.UTF_8);
    }
}
