package dev.hpo.junit.launch;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Turns the hpo engine's per-trial report entries into one progress line each (the goal relays the fork's
 * output to the Maven log) and remembers what the {@link RunRecord} needs: the studies and trial numbers of this
 * run, and the tests that failed without being a trial. A failed trial is part of a study (the storage records it
 * as FAIL and the study goes on); a failed test without trial entries is a malformed objective or an engine error,
 * which fails the build.
 */
public final class TrialProgressListener implements TestExecutionListener {

    /** Prefix of every line this listener prints; the goal recognises progress lines by it. */
    public static final String PREFIX = "[hpo] ";

    static final String STUDY = "hpo.study";
    static final String TRIAL = "hpo.trial";
    static final String STATE = "hpo.state";
    static final String VALUE = "hpo.value";
    static final String BEST = "hpo.best";
    static final String BEST_TRIAL = "hpo.bestTrial";
    static final String PLANNED = "hpo.trials";
    static final String FINISHED = "hpo.finished";

    private static final MathContext FOUR_DIGITS = new MathContext(4, RoundingMode.HALF_UP);

    private final PrintStream out;
    private final Map<String, List<Integer>> trialsByStudy = new LinkedHashMap<>();
    private final Set<TestIdentifier> trialTests = new HashSet<>();
    private final Map<TestIdentifier, FailedTest> failedTests = new LinkedHashMap<>();
    private final Map<String, Integer> finishedInRun = new HashMap<>();
    private TestPlan testPlan;
    private int objectives;

    private record FailedTest(String path, Throwable cause) {
    }

    public TrialProgressListener(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan plan) {
        this.testPlan = plan;
        int count = 0;
        for (TestIdentifier root : plan.getRoots()) {
            count += plan.getDescendants(root).size();
        }
        objectives = count;
    }

    @Override
    public synchronized void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
        Map<String, String> kv = entry.getKeyValuePairs();
        String study = kv.get(STUDY);
        String trial = kv.get(TRIAL);
        if (study == null || trial == null) {
            return;
        }
        trialTests.add(test);
        failedTests.remove(test);
        Integer number = parseInt(trial);
        List<Integer> numbers = trialsByStudy.computeIfAbsent(study, s -> new ArrayList<>());
        if (number != null) {
            numbers.add(number);
        }
        int counted = finishedInRun.merge(study, 1, Integer::sum);
        Integer reported = kv.containsKey(FINISHED) ? parseInt(kv.get(FINISHED)) : null;
        int ordinal = reported != null ? reported : counted;
        out.println(progressLine(study, ordinal, number, kv));
    }

    @Override
    public synchronized void executionFinished(TestIdentifier test, TestExecutionResult result) {
        if (result.getStatus() == TestExecutionResult.Status.FAILED && !trialTests.contains(test)) {
            failedTests.put(test, new FailedTest(path(test), result.getThrowable().orElse(null)));
        }
    }

    /**
     * The progress line of one finished trial, e.g.
     * {@code [hpo] QuadraticTuning.bowl trial 12/60  value 0.8123  best 0.4410 (#7)}: the trial's position in
     * this run ({@code hpo.finished}, counted here when absent) out of the planned count (omitted when the run has
     * no trial limit), its storage number when that differs (a resumed study), its value (or
     * its state when it has none) and the study's best so far.
     */
    static String progressLine(String study, int ordinal, Integer number, Map<String, String> kv) {
        StringBuilder line = new StringBuilder(PREFIX).append(study).append(" trial ").append(ordinal);
        Integer planned = kv.containsKey(PLANNED) ? parseInt(kv.get(PLANNED)) : null;
        if (planned != null && planned > 0) {
            line.append('/').append(planned);
        }
        if (number != null && number != ordinal - 1) {
            line.append(" #").append(number);
        }
        String state = kv.getOrDefault(STATE, "COMPLETE").trim();
        String value = kv.get(VALUE);
        if (state.equalsIgnoreCase("COMPLETE") && value != null && !value.isBlank()) {
            line.append("  value ").append(formatNumber(value));
        } else {
            line.append("  ").append(state.equalsIgnoreCase("FAIL") ? "failed" : state.toLowerCase(Locale.ROOT));
            if (value != null && !value.isBlank()) {
                line.append(" at ").append(formatNumber(value));
            }
        }
        String best = kv.get(BEST);
        if (best != null && !best.isBlank()) {
            line.append("  best ").append(formatNumber(best));
            String bestTrial = kv.get(BEST_TRIAL);
            if (bestTrial != null && !bestTrial.isBlank()) {
                line.append(" (#").append(bestTrial.trim()).append(')');
            }
        }
        return line.toString();
    }

    /**
     * Four significant digits for ordinary magnitudes, scientific notation for tiny or huge ones: what
     * {@code %.4g} and {@code %.3e} print, without {@link String#format}, whose pattern parsing was a quarter of a
     * trial's cost in a fork that has not warmed up yet.
     */
    static String formatNumber(String text) {
        double v;
        try {
            v = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            return text.trim();
        }
        if (Double.isNaN(v) || Double.isInfinite(v) || v == 0) {
            return v == 0 ? "0" : Double.toString(v);
        }
        double a = Math.abs(v);
        // Formatter rounds the shortest decimal form of the double half-up; BigDecimal.valueOf starts from it too.
        BigDecimal rounded = BigDecimal.valueOf(v).round(FOUR_DIGITS);
        int exponent = rounded.precision() - rounded.scale() - 1;
        if (a >= 1e-4 && a < 1e4 && exponent < 4) {
            return rounded.setScale(3 - exponent, RoundingMode.UNNECESSARY).toPlainString();
        }
        StringBuilder digits = new StringBuilder(rounded.unscaledValue().abs().toString());
        while (digits.length() < 4) {
            digits.append('0');
        }
        StringBuilder out = new StringBuilder(10);
        if (v < 0) {
            out.append('-');
        }
        out.append(digits.charAt(0)).append('.').append(digits, 1, 4).append(exponent < 0 ? "e-" : "e+");
        int magnitude = Math.abs(exponent);
        if (magnitude < 10) {
            out.append('0');
        }
        return out.append(magnitude).toString();
    }

    private static Integer parseInt(String s) {
        try {
            return Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private String path(TestIdentifier test) {
        List<String> names = new ArrayList<>();
        Optional<TestIdentifier> current = Optional.of(test);
        while (current.isPresent()) {
            TestIdentifier t = current.get();
            names.add(0, t.getDisplayName());
            current = testPlan == null ? Optional.empty() : testPlan.getParent(t);
        }
        return String.join(" > ", names);
    }

    /** What this run found, once the test plan has finished. */
    public synchronized RunRecord record() {
        List<RunRecord.Failure> failures = new ArrayList<>();
        failedTests.forEach((id, f) -> failures.add(new RunRecord.Failure(f.path(),
                f.cause() == null ? "failed without an exception" : describe(f.cause()))));
        return new RunRecord(objectives, trialsByStudy, failures);
    }

    /** Prints the stack trace of every non-trial failure, for the person reading the build log. */
    public synchronized void printFailures() {
        failedTests.forEach((id, f) -> {
            out.println(PREFIX + "FAILED " + f.path());
            if (f.cause() != null) {
                StringWriter trace = new StringWriter();
                f.cause().printStackTrace(new PrintWriter(trace));
                out.print(trace);
            }
        });
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return message == null || message.isBlank() ? t.getClass().getName() : message;
    }
}
