package dev.hpo.junit.launch;

import dev.hpo.junit.engine.InvalidObjectiveException;
import dev.hpo.junit.engine.NotSelected;
import dev.hpo.junit.engine.StudyWithoutResultException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.StringJoiner;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
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
    static final String REASON = "hpo.reason";
    static final String ENQUEUED = "hpo.enqueued";
    static final String VALUES = "hpo.values";
    /** {@code true} on a FAIL trial that an assumption aborted (the engine's {@code TrialReport}). */
    static final String ABORTED = "hpo.aborted";
    /** The step a pruned trial last reported, whose value its line shows. */
    static final String STEP = "hpo.step";
    /** On a study's objective rather than a trial: why the study ended before its trials were used up. */
    static final String STOPPED = "hpo.stopped";
    /** On the engine: the study of one objective it found (the engine's {@code HpoEngineDescriptor.OBJECTIVE}). */
    static final String OBJECTIVE = "hpo.objective";
    /** A failure's reason is cut to this many characters on the line; the report and the JSON have it whole. */
    static final int REASON_LENGTH = 120;

    private final PrintStream out;
    private final Map<String, List<Integer>> trialsByStudy = new LinkedHashMap<>();
    private final Set<TestIdentifier> trialTests = new HashSet<>();
    private final Map<TestIdentifier, FailedTest> failedTests = new LinkedHashMap<>();
    private final Map<String, Integer> finishedInRun = new HashMap<>();
    private final List<RunRecord.Skip> skipped = new ArrayList<>();
    private final List<String> objectiveStudies = new ArrayList<>();
    private TestPlan testPlan;
    private int objectives;

    private record FailedTest(String path, String testClass, String caseName, Throwable cause) {
    }

    public TrialProgressListener(PrintStream out) {
        this.out = out;
    }

    @Override
    public synchronized void testPlanExecutionStarted(TestPlan plan) {
        this.testPlan = plan;
        int count = 0;
        for (TestIdentifier root : plan.getRoots()) {
            for (TestIdentifier descendant : plan.getDescendants(root)) {
                if (descendant.isTest()) {
                    count++;
                }
            }
        }
        objectives = count;
    }

    /**
     * Remembers why an objective did not run; a class skipped as a whole (a disabled class, as Jupiter skips its
     * container) for each of its objectives, of its {@code @Nested} classes' too, which the engine does not report.
     */
    @Override
    public synchronized void executionSkipped(TestIdentifier test, String reason) {
        if (test.isTest()) {
            skipped.add(NotSelected.isReason(reason) ? new RunRecord.Skip(reason, false)
                    : new RunRecord.Skip(objectiveName(test) + ": " + reason, true));
        } else if (testPlan != null) {
            for (TestIdentifier child : testPlan.getChildren(test)) {
                executionSkipped(child, reason);
            }
        }
    }

    /**
     * The objective as the goal's log names one that did not run, {@code Tuning.slow} ({@code Outer.Inner.slow} in a
     * nested class): a condition's reason, in Jupiter's words, does not name it.
     */
    private static String objectiveName(TestIdentifier test) {
        return test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(m -> m.getClassName().substring(m.getClassName().lastIndexOf('.') + 1).replace('$', '.') + "."
                        + m.getMethodName())
                .orElse(test.getDisplayName());
    }

    @Override
    public synchronized void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
        Map<String, String> kv = entry.getKeyValuePairs();
        if (kv.containsKey(OBJECTIVE)) {
            objectiveStudies.add(kv.get(OBJECTIVE));
            return;
        }
        String study = kv.get(STUDY);
        String trial = kv.get(TRIAL);
        if (study != null && kv.containsKey(STOPPED)) {
            out.println(PREFIX + study + " stopped early: " + kv.get(STOPPED));
            return;
        }
        if (study == null && kv.keySet().stream().noneMatch(k -> k.startsWith("hpo."))) {
            // the objective's own, through Jupiter's TestReporter: shown as Jupiter's console launcher shows them
            StringJoiner line = new StringJoiner(", ", PREFIX + test.getDisplayName() + ": ", "");
            kv.forEach((k, v) -> line.add(k + " = " + v));
            out.println(line);
            return;
        }
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
            failedTests.put(test, new FailedTest(path(test), testClass(test), caseName(test),
                    result.getThrowable().orElse(null)));
        }
    }

    /**
     * The progress line of one finished trial, e.g.
     * {@code [hpo] QuadraticTuning.bowl trial 12/60  value 0.8123  best 0.4410 (#7)}: the trial's position in this run
     * ({@code hpo.finished}, counted here when absent) out of the planned count (omitted when the run has no trial
     * limit), its storage number when that differs (a resumed study), its value or a multi-objective trial's values (or
     * its state when it has none), the study's best so far, and "(enqueued)" for a trial of {@code @Enqueue}'s.
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
        String values = kv.get(VALUES);
        if (state.equalsIgnoreCase("COMPLETE") && value != null && !value.isBlank()) {
            line.append("  value ").append(formatNumber(value));
        } else if (state.equalsIgnoreCase("COMPLETE") && values != null && !values.isBlank()) {
            StringJoiner formatted = new StringJoiner(", ", "  values ", "");
            for (String v : values.split(",")) {
                formatted.add(formatNumber(v));
            }
            line.append(formatted);
        } else {
            line.append("  ").append("true".equals(kv.get(ABORTED)) ? "aborted"
                    : state.equalsIgnoreCase("FAIL") ? "failed" : state.toLowerCase(Locale.ROOT));
            String reason = kv.get(REASON);
            if (reason != null && !reason.isBlank()) {
                line.append(" (").append(reason.length() > REASON_LENGTH
                        ? reason.substring(0, REASON_LENGTH - 1) + "…" : reason).append(')');
            }
            String step = kv.get(STEP);
            if (step != null && !step.isBlank()) {
                line.append(" at step ").append(step.trim());
            }
            if (value != null && !value.isBlank()) {
                line.append(step != null && !step.isBlank() ? ": " : " at ").append(formatNumber(value));
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
        if ("true".equals(kv.get(ENQUEUED))) {
            line.append("  (enqueued)");
        }
        return line.toString();
    }

    /**
     * Four significant digits for ordinary magnitudes, scientific notation for tiny or huge ones: what
     * {@code %.4g} and {@code %.3e} print. The trial's entries carry {@code Double.toString} text, the shortest
     * decimal form of the double, which is what the formatter rounds half up; so the digits of the text are rounded
     * as they are, without {@link String#format} (whose pattern parsing was a quarter of a trial's cost in a fork
     * that has not warmed up yet), and without parsing the double and formatting it again through
     * {@code BigDecimal}, which a cold fork also paid for on every line. Other text is first read as a double and
     * written in that form.
     */
    static String formatNumber(String text) {
        String t = text.trim();
        String formatted = formatDecimal(t);
        if (formatted != null) {
            return formatted;
        }
        double v;
        try {
            v = Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return t;
        }
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        return formatDecimal(Double.toString(v));
    }

    /** {@link #formatNumber} of a plain decimal ({@code -12.5}, {@code 1.0E-5}), or null for other text. */
    private static String formatDecimal(String t) {
        int i = 0;
        int n = t.length();
        boolean negative = i < n && t.charAt(i) == '-';
        if (negative || i < n && t.charAt(i) == '+') {
            i++;
        }
        char[] digits = new char[4];
        int significant = 0;  // significant digits seen (leading zeros skipped)
        int beforePoint = 0;  // of them, before the point
        int zerosAfterPoint = 0;  // leading zeros after the point, before the first significant digit
        boolean point = false;
        boolean roundUp = false;
        boolean anyDigit = false;
        for (; i < n; i++) {
            char c = t.charAt(i);
            if (c == '.' && !point) {
                point = true;
            } else if (c >= '0' && c <= '9') {
                anyDigit = true;
                if (significant == 0 && c == '0') {
                    zerosAfterPoint += point ? 1 : 0;
                    continue;
                }
                if (significant < 4) {
                    digits[significant] = c;
                } else if (significant == 4) {
                    roundUp = c >= '5';  // half up: the first dropped digit decides
                }
                significant++;
                beforePoint += point ? 0 : 1;
            } else {
                break;
            }
        }
        int exponentPart = 0;
        if (i < n && (t.charAt(i) == 'e' || t.charAt(i) == 'E')) {
            int j = i + 1;
            boolean negativeExponent = j < n && t.charAt(j) == '-';
            if (negativeExponent || j < n && t.charAt(j) == '+') {
                j++;
            }
            if (j == n || n - j > 4) {
                return null;
            }
            for (; j < n; j++) {
                char c = t.charAt(j);
                if (c < '0' || c > '9') {
                    return null;
                }
                exponentPart = exponentPart * 10 + (c - '0');
            }
            exponentPart = negativeExponent ? -exponentPart : exponentPart;
            i = n;
        }
        if (!anyDigit || i != n) {
            return null;
        }
        if (significant == 0) {
            return "0";
        }
        for (int k = Math.min(significant, 4); k < 4; k++) {
            digits[k] = '0';
        }
        // the value is 0.d1d2d3d4… · 10^(exponent + 1): exponent is the first significant digit's power of ten
        int exponent = (beforePoint > 0 ? beforePoint - 1 : -zerosAfterPoint - 1) + exponentPart;
        if (exponent > 308 || exponent < -324) {
            return null;  // beyond a double's range: read as one (infinity or zero)
        }
        boolean ordinary = exponent >= -4 && exponent <= 3;  // 1e-4 ≤ |v| < 1e4, before rounding
        if (roundUp) {
            int k = 3;
            while (k >= 0 && digits[k] == '9') {
                digits[k--] = '0';
            }
            if (k >= 0) {
                digits[k]++;
            } else {
                digits[0] = '1';
                exponent++;
            }
        }
        StringBuilder out = new StringBuilder(12);
        if (negative) {
            out.append('-');
        }
        if (ordinary && exponent < 4) {
            if (exponent >= 0) {
                out.append(digits, 0, exponent + 1);
                if (exponent < 3) {
                    out.append('.').append(digits, exponent + 1, 3 - exponent);
                }
            } else {
                out.append("0.");
                for (int k = -1; k > exponent; k--) {
                    out.append('0');
                }
                out.append(digits);
            }
            return out.toString();
        }
        out.append(digits[0]).append('.').append(digits, 1, 3).append(exponent < 0 ? "e-" : "e+");
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

    /** The class a test is in, from its source (a method's or a class's); {@code null} without one. */
    private static String testClass(TestIdentifier test) {
        return test.getSource().map(source -> source instanceof MethodSource m ? m.getClassName()
                : source instanceof ClassSource c ? c.getClassName() : null).orElse(null);
    }

    /**
     * The name surefire 3.5 gives the test case of a method's test in its XML, as its JUnit Platform provider decides
     * it: the legacy reporting name when the method has parameters or the test is an invocation ({@code …[1]}), else
     * the method's name; {@code null} for a test of no method.
     */
    private static String caseName(TestIdentifier test) {
        return test.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(m -> m.getMethodParameterTypes() != null && !m.getMethodParameterTypes().isBlank()
                        || test.getLegacyReportingName().matches(".*\\[\\d+]") ? test.getLegacyReportingName()
                        : m.getMethodName())
                .orElse(null);
    }

    /** What this run found, once the test plan has finished. */
    public synchronized RunRecord record() {
        List<RunRecord.Failure> failures = new ArrayList<>();
        failedTests.forEach((id, f) -> failures.add(new RunRecord.Failure(f.path(),
                f.cause() == null ? "failed without an exception" : describe(f.cause()),
                f.cause() instanceof StudyWithoutResultException noResult ? noResult.study() : null, f.testClass(),
                f.caseName())));
        return new RunRecord(objectives, skipped, trialsByStudy, failures, objectiveStudies);
    }

    /**
     * Prints every non-trial failure for the person reading the build log: a malformed objective as one line with
     * what is wrong and how to fix it, a study without a result as one line too (its trials' lines say why they
     * failed; either stack trace would only show the engine), anything else with its stack trace.
     */
    public synchronized void printFailures() {
        failedTests.forEach((id, f) -> {
            if (f.cause() instanceof InvalidObjectiveException || f.cause() instanceof StudyWithoutResultException) {
                out.println(PREFIX + "FAILED " + f.path() + ": " + f.cause().getMessage());
                return;
            }
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
