package dev.hpo.junit.engine;

import static dev.hpo.junit.engine.Engines.hpo;
import static dev.hpo.junit.engine.Engines.throwable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.hpo.junit.engine.fixtures.conditions.Conditional;
import dev.hpo.junit.engine.fixtures.conditions.NotOnThisOs;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.Event;

/** Jupiter's built-in conditions ({@code @EnabledOnOs}, {@code @EnabledIf}, …) on objectives and their classes. */
class ConditionsTest {

    private static final String PROPERTY = "hpo.test.tune";

    @BeforeEach
    void withTheProperty() {
        System.setProperty(PROPERTY, "yes");
    }

    @AfterEach
    void clearProperty() {
        System.clearProperty(PROPERTY);
    }

    @Test
    void eachConditionEnablesOrSkipsItsObjectiveWithAReason() {
        EngineExecutionResults results = hpo().selectors(selectClass(Conditional.class)).execute();
        Map<String, String> skipped = new TreeMap<>();
        for (Event e : results.testEvents().skipped().list()) {
            skipped.put(e.getTestDescriptor().getDisplayName(), e.getPayload(String.class).orElseThrow());
        }
        String arch = System.getProperty("os.arch");
        String here = "and this is " + System.getProperty("os.name") + " on " + arch;
        String java = "and this is Java " + Runtime.version().feature();
        // the operating-system fixtures skip one side or the other, wherever the test runs
        Map<String, String> expected = new TreeMap<>();
        if (System.getProperty("os.name").startsWith("Linux")) {
            expected.put("notOnLinux()", "Conditional.notOnLinux is @DisabledOnOs, " + here + ": no GPU driver");
        } else {
            expected.put("onLinux()", "Conditional.onLinux is @EnabledOnOs, " + here);
        }
        if (!arch.contains("sparc")) {
            expected.put("onSparc()", "Conditional.onSparc is @EnabledOnOs, " + here);
        }
        expected.putAll(Map.of(
                "onJava8()", "Conditional.onJava8 is @EnabledOnJre, " + java,
                "unlessTuning()", "Conditional.unlessTuning is @DisabledIfSystemProperty, system property"
                        + " hpo.test.tune is 'yes', matching 'yes'",
                "withVariable()", "Conditional.withVariable is @EnabledIfEnvironmentVariable, environment variable"
                        + " HPO_NO_SUCH_VARIABLE is not set, not matching '.*'",
                "ifNotTuning()", "Conditional.ifNotTuning is @DisabledIf,"
                        + " dev.hpo.junit.engine.fixtures.conditions.Conditional#tuning() is true",
                "slowByName()", "Conditional.slowByName is @DisabledIf, namedSlow() is true"));
        assertEquals(expected, skipped);
        // onLinux or notOnLinux, fromJava17, whenTuning, ifTuning (and onSparc on SPARC)
        results.testEvents().succeeded().assertThatEvents().hasSize(arch.contains("sparc") ? 5 : 4);
        assertEquals("@EnabledIf(\"missing\"): Conditional has no method missing() without parameters or with an"
                + " ExtensionContext", throwable(results.testEvents().failed().list().get(0)).getMessage());
    }

    @Test
    void withoutThePropertyTheOtherSideRuns() {
        System.clearProperty(PROPERTY);
        EngineExecutionResults results = hpo().selectors(selectClass(Conditional.class)).execute();
        Map<String, String> skipped = new TreeMap<>();
        for (Event e : results.testEvents().skipped().list()) {
            skipped.put(e.getTestDescriptor().getDisplayName(), e.getPayload(String.class).orElseThrow());
        }
        assertEquals("Conditional.whenTuning is @EnabledIfSystemProperty, system property hpo.test.tune is not set,"
                + " not matching 'y.*'", skipped.get("whenTuning()"));
        assertEquals("Conditional.ifTuning is @EnabledIf, tuning() is false", skipped.get("ifTuning()"));
        assertEquals(null, skipped.get("unlessTuning()"));
        assertEquals(null, skipped.get("ifNotTuning()"));
    }

    @Test
    void aDisabledClassSkipsItsObjectivesWithoutRunningBeforeAll() {
        EngineExecutionResults results = hpo().selectors(selectClass(NotOnThisOs.class)).execute();
        results.testEvents().assertStatistics(s -> s.skipped(1).started(0));
        results.containerEvents().assertStatistics(s -> s.failed(0));
    }

    @Test
    void deactivatedConditionsDoNotApply() {
        EngineExecutionResults results = hpo().selectors(selectClass(Conditional.class))
                .configurationParameter("junit.jupiter.conditions.deactivate", "org.junit.*OnOsCondition, *IfCondition")
                .execute();
        Map<String, String> skipped = new TreeMap<>();
        for (Event e : results.testEvents().skipped().list()) {
            skipped.put(e.getTestDescriptor().getDisplayName(), e.getPayload(String.class).orElseThrow());
        }
        assertEquals(java.util.Set.of("onJava8()", "unlessTuning()", "withVariable()"), skipped.keySet());
        results.testEvents().failed().assertThatEvents().isEmpty();
    }
}
