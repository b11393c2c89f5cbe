package dev.hpo.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.TrialState;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class GateReportTest {

    private static final Instant T0 = Instant.parse("2026-11-26T00:00:00Z");

    private static FrozenTrial trial(int number, TrialState state, Double value, long millis) {
        return new FrozenTrial(number, number, state, value == null ? null : List.of(value), Map.of("x", 0.5), null,
                null, null, null, T0, T0.plusMillis(millis));
    }

    private static StudyOutcome study(String name, Double threshold, Double best, List<FrozenTrial> run,
            int complete) {
        FrozenTrial bestTrial = best == null ? null : trial(3, TrialState.COMPLETE, best, 10);
        return new StudyOutcome(name, List.of(Direction.MAXIMIZE), threshold == null ? List.of() : List.of(threshold),
                bestTrial, List.of(), complete, 0, run.size() - complete, Duration.ZERO, run, "com.example." + name,
                List.of());
    }

    private static Document parse(Path file) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
    }

    @Test
    void eachStudyIsATestCaseFailedWhenItMissedItsThresholdAndInErrorWhenItHasNoResult(@TempDir Path dir)
            throws Exception {
        List<FrozenTrial> ran = List.of(trial(3, TrialState.COMPLETE, 0.99, 1500), trial(4, TrialState.FAIL, null, 500));
        StudyOutcome passed = study("Tuning.good", 0.98, 0.99, ran, 1);
        StudyOutcome missed = study("Tuning.weak", 0.999, 0.99, ran, 1);
        StudyOutcome broken = study("Tuning.broken", null, null, List.of(trial(0, TrialState.FAIL, null, 5)), 0);
        Path file = GateReport.write(dir.resolve("hpo-reports"), List.of(passed, missed, broken),
                List.of(new ForkRun.Failure("sample.Bad.objective", "@Objective trials = -5 <bad> & worse"),
                        new ForkRun.Failure("hpo > Bad > a declared name", "min 30 > max 2", null, "sample.Bad",
                                "accuracy(int)"),
                        new ForkRun.Failure("hpo > Bad > setUp", "@BeforeAll failed", null, "sample.Bad", null)));
        assertEquals(dir.resolve("hpo-reports").resolve("TEST-hpo.xml"), file);

        Element suite = parse(file).getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        assertEquals("6", suite.getAttribute("tests"));
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("4", suite.getAttribute("errors"));
        assertEquals("4.005", suite.getAttribute("time"), "the run trials' durations: 2 s twice and 5 ms");
        NodeList cases = suite.getElementsByTagName("testcase");
        Element good = (Element) cases.item(0);
        assertEquals("com.example.Tuning", good.getAttribute("classname"));
        assertEquals("Tuning.good", good.getAttribute("name"));
        assertEquals(0, good.getElementsByTagName("failure").getLength() + good.getElementsByTagName("error").getLength());
        assertTrue(good.getElementsByTagName("system-out").item(0).getTextContent().startsWith(
                "best 0.99 at trial #3 (x=0.5); 2 trials this build, 2 in the study (1 complete, 0 pruned, 1 failed);"
                        + " threshold 0.98 (maximize)"));
        Element weak = (Element) ((Element) cases.item(1)).getElementsByTagName("failure").item(0);
        assertEquals("study Tuning.weak: best 0.99 (trial 3) missed threshold 0.999 (maximize)",
                weak.getAttribute("message"));
        Element none = (Element) ((Element) cases.item(2)).getElementsByTagName("error").item(0);
        assertTrue(none.getAttribute("message").startsWith("study Tuning.broken: the only trial of this build failed"),
                none.getAttribute("message"));
        assertEquals("no completed trial; 1 trial this build, 1 in the study (0 complete, 0 pruned, 1 failed)",
                ((Element) cases.item(2)).getElementsByTagName("system-out").item(0).getTextContent());
        Element malformed = (Element) cases.item(3);
        assertEquals("sample.Bad.objective", malformed.getAttribute("name"));
        assertEquals("@Objective trials = -5 <bad> & worse",
                ((Element) malformed.getElementsByTagName("error").item(0)).getAttribute("message"));
        Element filed = (Element) cases.item(4);
        assertEquals("sample.Bad", filed.getAttribute("classname"), "filed under its class, as surefire does");
        assertEquals("accuracy(int)", filed.getAttribute("name"), "named as surefire names a method's case");
        Element ofNoMethod = (Element) cases.item(5);
        assertEquals("sample.Bad", ofNoMethod.getAttribute("classname"));
        assertEquals("setUp", ofNoMethod.getAttribute("name"), "its own display name, when it has no method");
    }

    @Test
    void aStudyAnAssumptionSkippedIsASkippedTestCase(@TempDir Path dir) throws Exception {
        FrozenTrial aborted = new FrozenTrial(0, 0, TrialState.FAIL, null, Map.of("x", 0.5), null, null, null,
                Map.of(StudyOutcome.ABORTED_ATTR, "Assumption failed: no GPU"), T0, T0.plusMillis(5));
        Element suite = parse(GateReport.write(dir, List.of(study("Tuning.gpu", 0.9, null, List.of(aborted), 0)),
                List.of())).getDocumentElement();
        assertEquals(List.of("1", "0", "0", "1"), List.of(suite.getAttribute("tests"),
                suite.getAttribute("failures"), suite.getAttribute("errors"), suite.getAttribute("skipped")));
        Element skipped = (Element) suite.getElementsByTagName("skipped").item(0);
        assertEquals("an assumption failed in trial 0: Assumption failed: no GPU", skipped.getAttribute("message"));
    }
}
