package dev.hpo.maven;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * What the forked launcher reports about its run (the file {@code dev.hpo.junit.launch.RunRecord} writes): how
 * many objectives discovery found and why any were skipped, which studies ran with which trial numbers, and the
 * tests that failed outside any trial. It tells the goal which studies of the storage belong to this build; their
 * results are read from the storage.
 *
 * @param objectives objectives discovered by the hpo engine, valid or malformed
 * @param skipped why each skipped objective did not run (the {@code hpo.objectives} filter, {@code @Disabled}); a
 *        launcher of an older engine version does not write it, and then it is empty
 * @param disabled those of {@code skipped} that a condition turned off ({@code @Disabled}, {@code @EnabledOnOs}, an
 *        extension's) rather than the {@code hpo.objectives} filter: on purpose, not a mistake. The launcher marks them
 *        ({@code skipped.<i>.disabled}, their reasons in Jupiter's words after the objective's name:
 *        {@code "Tuning.slow: too slow"}); one of an older engine version words them {@code "Tuning.slow is @Disabled:
 *        too slow"} or {@code "Tuning.gpu is @EnabledOnOs, and this is Linux on amd64"}
 * @param trialsByStudy study name to the trial numbers this run finished
 * @param failures failed tests that were not trials (malformed objectives, engine errors)
 * @param objectiveStudies the study of every objective the engine found, run or not (left out by the
 *        {@code objectives} filter or a tag filter, disabled), prefix included; empty from an older engine version
 */
public record ForkRun(int objectives, List<String> skipped, List<String> disabled,
        Map<String, List<Integer>> trialsByStudy,
        List<Failure> failures, List<String> objectiveStudies) {

    /**
     * A test that failed outside any trial.
     *
     * @param study the study whose run produced no result, when that is why its objective failed (the goal judges
     *        that study itself); {@code null} for other failures, and from a launcher of an older engine version
     * @param testClass the class of the failed test, where {@code TEST-hpo.xml} files it; {@code null} when it has
     *        none, and from a launcher of an older engine version
     * @param caseName the name surefire's XML would give the test's case ({@code depth(int)}), which
     *        {@code TEST-hpo.xml} gives it too; {@code null} for a test of no method, and from a launcher of an older
     *        engine version
     */
    public record Failure(String test, String message, String study, String testClass, String caseName) {

        /** A failure of no study's and of no known class. */
        public Failure(String test, String message) {
            this(test, message, null, null, null);
        }

        public Failure(String test, String message, String study) {
            this(test, message, study, null, null);
        }
    }

    public ForkRun {
        skipped = List.copyOf(skipped);
        disabled = List.copyOf(disabled);
        Map<String, List<Integer>> copy = new LinkedHashMap<>();
        trialsByStudy.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        trialsByStudy = Collections.unmodifiableMap(copy);
        failures = List.copyOf(failures);
        objectiveStudies = List.copyOf(objectiveStudies);
    }

    /** Whether every objective found was skipped, so no study ran and nothing failed. */
    public boolean allSkipped() {
        return objectives > 0 && skipped.size() == objectives && failures.isEmpty();
    }

    /**
     * Whether every objective found was skipped because it is {@code @Disabled} or not enabled here, or, for those the
     * {@code objectives} filter let through, every one of them was: on purpose, not a mistake, as surefire passes a
     * build whose selected tests are all disabled. The engine applies the filter before any condition (as Jupiter asks
     * no condition of a test a filter removed), so a disabled objective the filter leaves out is recorded as not
     * selected, and the disabled ones are those it selected; a filter naming what matches no objective is the goal's
     * to report ({@link StudyFilter#unmatched}), from {@link #objectiveStudies}. A record without those (an older
     * engine's, which asked conditions first) counts only an all-disabled run.
     */
    public boolean allDisabled() {
        return allSkipped() && (disabled.size() == skipped.size()
                || !disabled.isEmpty() && !objectiveStudies.isEmpty());
    }

    public List<String> studies() {
        return List.copyOf(trialsByStudy.keySet());
    }

    /** Reads a run file; throws {@link IOException} when it is missing or malformed. */
    public static ForkRun read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        }
        try {
            int objectives = Integer.parseInt(required(p, "objectives", file));
            List<String> skipped = new ArrayList<>();
            List<String> disabled = new ArrayList<>();
            int s = Integer.parseInt(p.getProperty("skipped", "0"));
            for (int i = 0; i < s; i++) {
                String reason = required(p, "skipped." + i, file);
                skipped.add(reason);
                if (Boolean.parseBoolean(p.getProperty("skipped." + i + ".disabled"))
                        || reason.contains(" is @Disabled") || reason.contains(" is @Enabled")) {  // an older engine's
                    disabled.add(reason);
                }
            }
            Map<String, List<Integer>> studies = new LinkedHashMap<>();
            int n = Integer.parseInt(required(p, "studies", file));
            for (int i = 0; i < n; i++) {
                String name = required(p, "study." + i + ".name", file);
                String numbers = p.getProperty("study." + i + ".trials", "");
                List<Integer> trials = new ArrayList<>();
                if (!numbers.isBlank()) {
                    Arrays.stream(numbers.split(",")).map(String::trim).map(Integer::valueOf).forEach(trials::add);
                }
                studies.put(name, trials);
            }
            List<Failure> failures = new ArrayList<>();
            int f = Integer.parseInt(required(p, "failures", file));
            for (int i = 0; i < f; i++) {
                failures.add(new Failure(required(p, "failure." + i + ".test", file),
                        p.getProperty("failure." + i + ".message", ""), p.getProperty("failure." + i + ".study"),
                        p.getProperty("failure." + i + ".class"), p.getProperty("failure." + i + ".name")));
            }
            List<String> objectiveStudies = new ArrayList<>();
            int o = Integer.parseInt(p.getProperty("objectiveStudies", "0"));
            for (int i = 0; i < o; i++) {
                objectiveStudies.add(required(p, "objectiveStudy." + i, file));
            }
            return new ForkRun(objectives, skipped, disabled, studies, failures, objectiveStudies);
        } catch (NumberFormatException e) {
            throw new IOException("malformed run file " + file + ": " + e.getMessage(), e);
        }
    }

    private static String required(Properties p, String key, Path file) throws IOException {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IOException("run file " + file + " has no key '" + key + "'");
        }
        return v;
    }
}
