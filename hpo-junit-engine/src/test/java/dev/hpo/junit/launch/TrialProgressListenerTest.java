package dev.hpo.junit.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.junit.engine.InvalidObjectiveException;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.launcher.TestIdentifier;

class TrialProgressListenerTest {

    @Test
    void completedTrialLineShowsPositionValueAndBest() {
        assertEquals("[hpo] QuadraticTuning.bowl trial 12/60  value 0.8123  best 0.4410 (#7)",
                TrialProgressListener.progressLine("QuadraticTuning.bowl", 12, 11, Map.of("hpo.state", "COMPLETE",
                        "hpo.value", "0.81234", "hpo.best", "0.441", "hpo.bestTrial", "7", "hpo.trials", "60")));
    }

    @Test
    void malformedObjectiveTakesOneLineAndOtherFailuresTheirStackTrace() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TrialProgressListener listener = new TrialProgressListener(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        listener.executionFinished(test("depth(int)"), TestExecutionResult.failed(
                new InvalidObjectiveException("demo.Trees.depth, parameter 'depth': @IntRange min 30 > max 3")));
        listener.executionFinished(test("broken(double)"),
                TestExecutionResult.failed(new IllegalStateException("boom")));
        listener.printFailures();

        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\\R");
        assertEquals("[hpo] FAILED depth(int): demo.Trees.depth, parameter 'depth': @IntRange min 30 > max 3",
                lines[0]);
        assertEquals("[hpo] FAILED broken(double)", lines[1]);
        assertEquals("java.lang.IllegalStateException: boom", lines[2]);
        assertTrue(lines[3].trim().startsWith("at "), lines[3]);
    }

    @Test
    void aStudyStoppedEarlySaysWhy() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TrialProgressListener listener = new TrialProgressListener(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        listener.reportingEntryPublished(test("bowl(double)"), ReportEntry.from(Map.of("hpo.study", "Q.bowl",
                "hpo.stopped", "20 finished trials without a new best value")));
        assertEquals("[hpo] Q.bowl stopped early: 20 finished trials without a new best value",
                bytes.toString(StandardCharsets.UTF_8).strip());
    }

    @Test
    void anEntryTheObjectivePublishedTakesALine() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        TrialProgressListener listener = new TrialProgressListener(new PrintStream(bytes, true, StandardCharsets.UTF_8));
        listener.reportingEntryPublished(test("bowl()[3] x=1.5"), ReportEntry.from("epochs", "12"));
        assertEquals("[hpo] bowl()[3] x=1.5: epochs = 12", bytes.toString(StandardCharsets.UTF_8).strip());
    }

    private static TestIdentifier test(String name) {
        return TestIdentifier.from(new AbstractTestDescriptor(UniqueId.forEngine("hpo").append("objective", name), name) {
            @Override
            public Type getType() {
                return TestDescriptor.Type.TEST;
            }
        });
    }

    @Test
    void resumedStudyShowsTheStorageNumberOfTheTrial() {
        assertEquals("[hpo] S.m trial 1/6 #6  value 12.44  best 1.822 (#3)",
                TrialProgressListener.progressLine("S.m", 1, 6, Map.of("hpo.value", "12.44", "hpo.best", "1.822",
                        "hpo.bestTrial", "3", "hpo.trials", "6")));
    }

    @Test
    void aMultiObjectiveTrialShowsEveryValueAndNoBest() {
        assertEquals("[hpo] S.m trial 2/8  values 0.01000, 12.30",
                TrialProgressListener.progressLine("S.m", 2, 1, Map.of("hpo.values", "0.01, 12.3",
                        "hpo.trials", "8")));
    }

    @Test
    void anEnqueuedTrialSaysSo() {
        assertEquals("[hpo] S.m trial 1/6  value 12.44  best 12.44 (#0)  (enqueued)",
                TrialProgressListener.progressLine("S.m", 1, 0, Map.of("hpo.value", "12.44", "hpo.best", "12.44",
                        "hpo.bestTrial", "0", "hpo.trials", "6", "hpo.enqueued", "true")));
    }

    @Test
    void prunedTrialShowsItsStateAndLastValue() {
        assertEquals("[hpo] S.m trial 3/10  pruned at step 4: 0.9000  best 0.5000 (#1)",
                TrialProgressListener.progressLine("S.m", 3, 2, Map.of("hpo.state", "PRUNED", "hpo.value", "0.9",
                        "hpo.step", "4", "hpo.best", "0.5", "hpo.bestTrial", "1", "hpo.trials", "10")));
        assertEquals("[hpo] S.m trial 3/10  pruned at 0.9000  best 0.5000 (#1)",
                TrialProgressListener.progressLine("S.m", 3, 2, Map.of("hpo.state", "PRUNED", "hpo.value", "0.9",
                        "hpo.best", "0.5", "hpo.bestTrial", "1", "hpo.trials", "10")), "a goal reading an older engine");
    }

    @Test
    void runWithoutTrialLimitOmitsThePlannedCount() {
        assertEquals("[hpo] S.m trial 4  failed",
                TrialProgressListener.progressLine("S.m", 4, 3, Map.of("hpo.state", "FAIL", "hpo.trials", "-1")));
    }

    @Test
    void trialAnAssumptionAbortedSaysAbortedRatherThanFailed() {
        assertEquals("[hpo] S.m trial 1/10  aborted (org.opentest4j.TestAbortedException: Assumption failed: no GPU)",
                TrialProgressListener.progressLine("S.m", 1, 0, Map.of("hpo.state", "FAIL", "hpo.aborted", "true",
                        "hpo.reason", "org.opentest4j.TestAbortedException: Assumption failed: no GPU",
                        "hpo.trials", "10")));
    }

    @Test
    void failedTrialSaysWhyCutToOneShortLine() {
        assertEquals("[hpo] S.m trial 3/10  failed (java.lang.IllegalStateException: diverged)  best 0.5000 (#1)",
                TrialProgressListener.progressLine("S.m", 3, 2, Map.of("hpo.state", "FAIL", "hpo.reason",
                        "java.lang.IllegalStateException: diverged", "hpo.best", "0.5", "hpo.bestTrial", "1",
                        "hpo.trials", "10")));
        String line = TrialProgressListener.progressLine("S.m", 3, 2, Map.of("hpo.state", "FAIL", "hpo.reason",
                "x".repeat(500), "hpo.trials", "10"));
        assertEquals("[hpo] S.m trial 3/10  failed (" + "x".repeat(119) + "…)", line);
    }

    @Test
    void tinyAndHugeValuesUseScientificNotation() {
        assertEquals("1.235e-07", TrialProgressListener.formatNumber("1.2345e-7"));
        assertEquals("3.000e+09", TrialProgressListener.formatNumber("3e9"));
    }

    @Test
    void textThatIsNotAPlainDecimalIsReadAsADoubleFirst() {
        assertEquals("8.000", TrialProgressListener.formatNumber("0x1p3"));
        assertEquals("2.500", TrialProgressListener.formatNumber(" 2.5 "));
        assertEquals("0", TrialProgressListener.formatNumber("-0.0"));
        assertEquals("NaN", TrialProgressListener.formatNumber("NaN"));
        assertEquals("-Infinity", TrialProgressListener.formatNumber("-Infinity"));
        assertEquals("diverged", TrialProgressListener.formatNumber("diverged"));
        assertEquals("1.000e+300", TrialProgressListener.formatNumber("1e300"));
        assertEquals("9.999e-300", TrialProgressListener.formatNumber("9.99949e-300"));
        assertEquals("Infinity", TrialProgressListener.formatNumber("1e400"));
        assertEquals("0", TrialProgressListener.formatNumber("1e-400"));
    }

    @Test
    void numbersReadAsFormatterWouldPrintThem() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 20_000; i++) {
            double v = (random.nextBoolean() ? 1 : -1) * random.nextDouble() * Math.pow(10, random.nextInt(-12, 13));
            if (i % 5 == 0) {
                v = Math.round(v * 1e4) / 1e4; // short decimals, where half-up rounding ties happen
            }
            if (v == 0) {
                continue;
            }
            String text = Double.toString(v);
            double a = Math.abs(v);
            String expected = a >= 1e-4 && a < 1e4 ? String.format(Locale.ROOT, "%.4g", v)
                    : String.format(Locale.ROOT, "%.3e", v);
            assertEquals(expected, TrialProgressListener.formatNumber(text), text);
        }
    }

    @Test
    void boundaryValuesReadAsFormatterWouldPrintThem() {
        for (String text : new String[] {"9999.96", "9999.94", "0.0001", "0.00009999996", "1e4", "-2.5", "0.00125",
                "1.0005", "123.45", "99.995"}) {
            double v = Double.parseDouble(text);
            double a = Math.abs(v);
            String expected = a >= 1e-4 && a < 1e4 ? String.format(Locale.ROOT, "%.4g", v)
                    : String.format(Locale.ROOT, "%.3e", v);
            assertEquals(expected, TrialProgressListener.formatNumber(text), text);
        }
    }
}
