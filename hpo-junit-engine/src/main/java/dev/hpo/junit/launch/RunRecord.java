package dev.hpo.junit.launch;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * What one forked run found, written for {@code hpo:optimize} to read after the fork exits: which studies ran
 * (so the goal knows which studies of a shared storage belong to this build), which trial numbers this run
 * finished, how many objectives discovery found and why those that did not run were skipped (the
 * {@code hpo.objectives} filter, {@code @Disabled} and other conditions), and the tests that failed outside any
 * trial (malformed objectives, engine errors).
 * Trial results are not here: the goal reads them from the storage.
 *
 * <p>The file is a {@code .properties} file (keys {@value #OBJECTIVES}, {@value #SKIPPED}, {@code skipped.<i>},
 * {@code skipped.<i>.disabled} ({@code true} for a skip that is no filter's),
 * {@value #STUDIES}, {@code study.<i>.name}, {@code study.<i>.trials} as comma-separated trial numbers,
 * {@value #FAILURES}, {@code failure.<i>.test}, {@code failure.<i>.message}, {@code failure.<i>.study} for a study
 * without a result, {@code failure.<i>.class}, {@code failure.<i>.name} for a test of a method,
 * {@value #OBJECTIVE_STUDIES}, {@code objectiveStudy.<i>}); the goal's {@code dev.hpo.maven.ForkRun} reads the same
 * keys.
 *
 * @param objectives objectives the hpo engine discovered, valid or malformed (0: no objective found)
 * @param skipped why each skipped objective did not run, e.g. {@code study A.b is not among hpo.objectives = C.d}
 *        or {@code Tuning.slow: too slow for CI}
 * @param trialsByStudy study name to the numbers of the trials this run finished, in finishing order
 * @param failures tests that failed outside any trial
 * @param objectiveStudies the study of every objective discovery found, run or not (filtered out, disabled), prefix
 *        included: the goal writes the outputs of those the storage holds, and checks its filter against them
 */
public record RunRecord(int objectives, List<Skip> skipped, Map<String, List<Integer>> trialsByStudy,
        List<Failure> failures, List<String> objectiveStudies) {

    static final String OBJECTIVES = "objectives";
    static final String SKIPPED = "skipped";
    static final String STUDIES = "studies";
    static final String FAILURES = "failures";
    static final String OBJECTIVE_STUDIES = "objectiveStudies";

    /**
     * A failed test that was not a trial: its path of display names and what it threw.
     *
     * @param study the study whose run produced no result, when that is why the objective failed; else {@code null}
     * @param testClass the class the test is in (its source), where a JUnit XML report files it; {@code null} when
     *        it has none (an engine's own failure)
     * @param caseName the name surefire's XML gives the test case of a method's test, so that the goal's report names
     *        it alike: the legacy reporting name ({@code depth(int)}, whatever the display name) when the method has
     *        parameters, else the method's name; {@code null} for a test of no method
     */
    public record Failure(String test, String message, String study, String testClass, String caseName) {
    }

    /**
     * Why one objective did not run.
     *
     * @param reason a sentence that names the objective: the {@code hpo.objectives} filter's reason, or the objective
     *        then the reason its condition gave, in Jupiter's words ({@code Tuning.slow: too slow for CI})
     * @param disabled whether a condition turned the objective off ({@code @Disabled}, {@code @EnabledOnOs}, an
     *        extension's), which is on purpose, rather than the filter, which a build can get wrong
     */
    public record Skip(String reason, boolean disabled) {
    }

    public RunRecord {
        skipped = List.copyOf(skipped);
        Map<String, List<Integer>> copy = new LinkedHashMap<>();
        trialsByStudy.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        trialsByStudy = java.util.Collections.unmodifiableMap(copy);
        failures = List.copyOf(failures);
        objectiveStudies = List.copyOf(objectiveStudies);
    }

    /** Writes the record, creating parent directories. */
    public void write(Path file) throws IOException {
        Properties p = new Properties();
        p.setProperty(OBJECTIVES, Integer.toString(objectives));
        p.setProperty(SKIPPED, Integer.toString(skipped.size()));
        for (int i = 0; i < skipped.size(); i++) {
            p.setProperty(SKIPPED + "." + i, skipped.get(i).reason());
            if (skipped.get(i).disabled()) {
                p.setProperty(SKIPPED + "." + i + ".disabled", "true");
            }
        }
        p.setProperty(STUDIES, Integer.toString(trialsByStudy.size()));
        List<String> names = new ArrayList<>(trialsByStudy.keySet());
        for (int i = 0; i < names.size(); i++) {
            p.setProperty("study." + i + ".name", names.get(i));
            p.setProperty("study." + i + ".trials", trialsByStudy.get(names.get(i)).stream()
                    .map(String::valueOf).collect(Collectors.joining(",")));
        }
        p.setProperty(FAILURES, Integer.toString(failures.size()));
        for (int i = 0; i < failures.size(); i++) {
            p.setProperty("failure." + i + ".test", failures.get(i).test());
            p.setProperty("failure." + i + ".message", failures.get(i).message());
            if (failures.get(i).study() != null) {
                p.setProperty("failure." + i + ".study", failures.get(i).study());
            }
            if (failures.get(i).testClass() != null) {
                p.setProperty("failure." + i + ".class", failures.get(i).testClass());
            }
            if (failures.get(i).caseName() != null) {
                p.setProperty("failure." + i + ".name", failures.get(i).caseName());
            }
        }
        p.setProperty(OBJECTIVE_STUDIES, Integer.toString(objectiveStudies.size()));
        for (int i = 0; i < objectiveStudies.size(); i++) {
            p.setProperty("objectiveStudy." + i, objectiveStudies.get(i));
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            p.store(w, "hpo forked run: studies and failures of this run (results are in the storage)");
        }
    }
}
