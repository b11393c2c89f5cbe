package dev.hpo.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hpo.FrozenTrial;
import dev.hpo.Study;
import dev.hpo.TrialState;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
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
    private static final Path TABLE = Path.of("target", "hpo-browser", "table.html");
    private static final int TABLE_TRIALS = 1_000;
    private static Study tableStudy;
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
        tableStudy = ReportFixtures.table(TABLE_TRIALS);
        HtmlReport.write(TABLE, tableStudy, ReportFixtures.terminated(40));
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

    /**
     * Drives the trials table of a 1,000-trial study as a person would (clicks on headers and page buttons, typing
     * in the filter) with a script appended to the page, which writes what each page showed into the DOM; the
     * orders are checked here against the study.
     */
    @Test
    void theTableSortsPagesAndFiltersEveryTrial(@TempDir Path profile) throws Exception {
        Path driven = profile.resolve("table-driven.html");
        String driver;
        try (var in = ReportBrowserTest.class.getResourceAsStream("table-driver.js")) {
            driver = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Files.writeString(driven, Files.readString(TABLE).replace("</body>", "<script>" + driver + "</script></body>"));
        String dom = run(profile, "--virtual-time-budget=10000", "--dump-dom", driven.toUri().toString());
        Matcher status = Pattern.compile("data-report-status=\"([^\"]*)\"").matcher(dom);
        assertTrue(status.find() && status.group(1).startsWith("ok "), "self-check: " + (status.find(0)
                ? status.group(1) : "did not run"));
        Matcher check = Pattern.compile("data-table-check=\"([^\"]*)\"").matcher(dom);
        assertTrue(check.find(), "the driver did not run");
        JsonNode result = new ObjectMapper().readTree(check.group(1).replace("&quot;", "\"").replace("&amp;", "&")
                .replace("&lt;", "<").replace("&gt;", ">"));
        assertEquals("[]", result.get("errors").toString(), "script errors");

        List<FrozenTrial> trials = tableStudy.trials();
        List<Integer> byNumber = trials.stream().map(FrozenTrial::number).toList();
        assertEquals(byNumber.subList(0, 100), numbers(result.get("opened")), "the first page, in trial order");
        assertEquals(byNumber, numbers(result.get("pagedInTrialOrder")), "paging reaches every trial, the last too");

        // by value: numeric order of what is shown, ties in trial order, trials without a value last
        Comparator<FrozenTrial> byValue = Comparator.comparing((FrozenTrial t) -> t.values() == null)
                .thenComparingDouble(t -> t.values() == null ? 0 : t.values().get(0))
                .thenComparingInt(FrozenTrial::number);
        assertEquals(trials.stream().sorted(byValue).map(FrozenTrial::number).toList(),
                numbers(result.get("byValue")), "sorted by value over all pages");
        assertEquals(Html.number(trials.stream().filter(t -> t.values() != null)
                .mapToDouble(t -> t.values().get(0)).max().orElseThrow()), result.get("byValueLastShown").asText(),
                "the last page ends at the largest value");

        // by a numeric parameter, descending (a second click): as shown, four digits, ties in trial order
        Comparator<FrozenTrial> byXDescending = Comparator.comparingDouble((FrozenTrial t) ->
                -Double.parseDouble(Html.number((double) t.params().get("x")))).thenComparingInt(FrozenTrial::number);
        assertEquals(trials.stream().sorted(byXDescending).map(FrozenTrial::number).toList(),
                numbers(result.get("byXDescending")), "sorted by parameter x, descending, over all pages");

        // by a categorical parameter: each choice's trials together, in trial order
        List<Integer> byKernel = numbers(result.get("byKernel"));
        assertEquals(TABLE_TRIALS, byKernel.size());
        List<Object> groups = new ArrayList<>();
        for (int n : byKernel) {
            Object choice = trials.get(n).params().get(ReportFixtures.KERNEL);
            if (groups.isEmpty() || !groups.get(groups.size() - 1).equals(choice)) {
                groups.add(choice);
            }
        }
        assertEquals(3, groups.size(), "each choice once, together: " + groups);
        for (int i = 1; i < byKernel.size(); i++) {
            boolean sameChoice = trials.get(byKernel.get(i)).params().get(ReportFixtures.KERNEL)
                    .equals(trials.get(byKernel.get(i - 1)).params().get(ReportFixtures.KERNEL));
            assertTrue(!sameChoice || byKernel.get(i) > byKernel.get(i - 1), "trial order within a choice");
        }
        assertTrue(result.get("kernelText").asText().contains("<script>"), "a hostile choice is text in a cell");

        // the filter: trials whose row contains the text, over all pages
        List<Integer> failed = trials.stream().filter(t -> t.state() == TrialState.FAIL).map(FrozenTrial::number)
                .toList();
        assertEquals(failed, numbers(result.get("filteredFail")), "filter 'fail' keeps the failed trials");
        assertTrue(failed.size() > 10, "the fixture fails some trials");
        assertEquals(TABLE_TRIALS, result.get("allRowsAtOnce").asInt(), "'all rows' shows every trial at once");
        assertEquals("[[100,true],[40,false]]", result.get("views").toString(),
                "a page of 100 rows with a pager; a study of 40 trials shows them all, without one, as before");
    }

    /**
     * A running study's page reloads itself every few seconds: the table comes back sorted, filtered and paged as the
     * reader left it (kept in the tab's session storage), and a click is remembered for the next reload.
     */
    @Test
    void aReloadedTableKeepsItsSortAndPage(@TempDir Path profile) throws Exception {
        Path page = profile.resolve("table-reloaded.html");
        String key = "'hpo-trials:' + location.pathname + ':0'";
        Files.writeString(page, Files.readString(TABLE)
                .replace("</head>", "<script>sessionStorage.setItem(" + key + ", JSON.stringify({sort: 'value',"
                        + " ascending: false, page: 2, pageSize: 25, filter: ''}));</script></head>")
                .replace("</body>", "<script>(function () {"
                        + "var root = document.querySelector('div.trials-view');"
                        + "var shown = Array.prototype.map.call(root.querySelector('tbody').rows,"
                        + " function (tr) { return Number(tr.cells[0].textContent); });"
                        + "var sorted = root.querySelector('th[aria-sort]');"
                        + "var result = {shown: shown,"
                        + " sorted: sorted.textContent + ' ' + sorted.getAttribute('aria-sort'),"
                        + " size: root.querySelector('select').value};"
                        + "root.querySelectorAll('th')[0].click();"
                        + "result.saved = JSON.parse(sessionStorage.getItem(" + key + "));"
                        + "document.body.setAttribute('data-table-check', JSON.stringify(result));"
                        + "})();</script></body>"));
        String dom = run(profile, "--virtual-time-budget=10000", "--dump-dom", page.toUri().toString());
        Matcher check = Pattern.compile("data-table-check=\"([^\"]*)\"").matcher(dom);
        assertTrue(check.find(), "the check did not run");
        JsonNode result = new ObjectMapper().readTree(check.group(1).replace("&quot;", "\"").replace("&amp;", "&"));
        Comparator<FrozenTrial> byValueDescending = Comparator.comparing((FrozenTrial t) -> t.values() == null)
                .thenComparingDouble(t -> t.values() == null ? 0 : -t.values().get(0))
                .thenComparingInt(FrozenTrial::number);
        assertEquals(tableStudy.trials().stream().sorted(byValueDescending).map(FrozenTrial::number).toList()
                .subList(50, 75), numbers(result.get("shown")), "the third page of 25, by value descending");
        assertEquals("value descending", result.get("sorted").asText());
        assertEquals("25", result.get("size").asText());
        assertEquals("{\"sort\":\"#\",\"ascending\":true,\"page\":0,\"pageSize\":25,\"filter\":\"\"}",
                result.get("saved").toString(), "a click is kept for the next reload");
    }

    private static List<Integer> numbers(JsonNode array) {
        List<Integer> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asInt()));
        return out;
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
