package dev.hpo.junit.engine;

import static dev.hpo.junit.engine.Engines.hpo;
import static dev.hpo.junit.engine.Engines.throwable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.hpo.junit.engine.fixtures.conditions.Conditional;
import dev.hpo.junit.engine.fixtures.conditions.JupiterTwins;
import dev.hpo.junit.engine.fixtures.conditions.NotOnThisOs;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
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
    void eachConditionEnablesOrSkipsItsObjectiveWithJupitersReason() {
        EngineExecutionResults results = hpo().selectors(selectClass(Conditional.class)).execute();
        String os = System.getProperty("os.name");
        String arch = System.getProperty("os.arch");
        // the operating-system fixtures skip one side or the other, wherever the test runs
        Map<String, String> expected = new TreeMap<>();
        if (os.startsWith("Linux")) {
            expected.put("notOnLinux", "Disabled on operating system: " + os + " ==> no GPU driver");
        } else {
            expected.put("onLinux", "Disabled on operating system: " + os);
        }
        if (!arch.contains("sparc")) {
            expected.put("onSparc", "Disabled on architecture: " + arch);
        }
        expected.putAll(Map.of(
                "onJava8", "Disabled on JRE version: " + System.getProperty("java.version"),
                "unlessTuning", "System property [hpo.test.tune] with value [yes] matches regular expression [yes]",
                "withVariable", "Environment variable [HPO_NO_SUCH_VARIABLE] does not exist",
                "ifNotTuning", "@DisabledIf(\"dev.hpo.junit.engine.fixtures.conditions.Conditional#tuning\")"
                        + " evaluated to true",
                "slowByName", "@DisabledIf(\"namedSlow\") evaluated to true"));
        assertEquals(expected, skipped(results));
        // onLinux or notOnLinux, fromJava17, whenTuning, ifTuning (and onSparc on SPARC)
        results.testEvents().succeeded().assertThatEvents().hasSize(arch.contains("sparc") ? 5 : 4);
        assertEquals("@EnabledIf(\"missing\"): Conditional has no method missing() without parameters or with an"
                + " ExtensionContext", throwable(results.testEvents().failed().list().get(0)).getMessage());
    }

    @Test
    void withoutThePropertyTheOtherSideRuns() {
        System.clearProperty(PROPERTY);
        Map<String, String> skipped = skipped(hpo().selectors(selectClass(Conditional.class)).execute());
        assertEquals("System property [hpo.test.tune] does not exist", skipped.get("whenTuning"));
        assertEquals("@EnabledIf(\"tuning\") evaluated to false", skipped.get("ifTuning"));
        assertEquals(null, skipped.get("unlessTuning"));
        assertEquals(null, skipped.get("ifNotTuning"));
    }

    /**
     * The same annotations on a Jupiter test and on an objective give the same reason, word for word: the annotation's
     * own for {@code @Disabled("off")}, Jupiter's wording for the others, with the element as Java prints it for a
     * {@code @Disabled} without one.
     */
    @Test
    void eachReasonIsJupitersForTheSameAnnotation() {
        Map<String, String> jupiter = new TreeMap<>();
        for (Event e : EngineTestKit.engine("junit-jupiter").selectors(selectClass(JupiterTwins.class)).execute()
                .testEvents().skipped().list()) {
            Method test = ((MethodSource) e.getTestDescriptor().getSource().orElseThrow()).getJavaMethod();
            String name = test.getName().substring(0, test.getName().length() - "Test".length());
            Method objective = ReflectionSupport.findMethod(JupiterTwins.class, name, int.class).orElseThrow();
            jupiter.put(name, e.getPayload(String.class).orElseThrow()
                    .replace(test.toString(), objective.toString()));
        }
        assertEquals(15, jupiter.size(), jupiter.toString());
        assertEquals("off", jupiter.get("disabledWithValue"));
        assertEquals("static int " + JupiterTwins.class.getName() + ".disabled(int) is @Disabled",
                jupiter.get("disabled"));
        assertEquals(jupiter, skipped(hpo().selectors(selectClass(JupiterTwins.class)).execute()));
    }

    /** Jupiter skips a disabled class's container, hpo each of its objectives: with the class's reason. */
    @Test
    void aDisabledClassGivesJupitersReason() {
        Event jupiter = EngineTestKit.engine("junit-jupiter").selectors(selectClass(JupiterTwins.Off.class)).execute()
                .containerEvents().skipped().list().get(0);
        assertEquals("class " + JupiterTwins.Off.class.getName() + " is @Disabled",
                jupiter.getPayload(String.class).orElseThrow());
        assertEquals(Map.of("off", jupiter.getPayload(String.class).orElseThrow()),
                skipped(hpo().selectors(selectClass(JupiterTwins.Off.class)).execute()));
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
        assertEquals(Set.of("onJava8", "unlessTuning", "withVariable"), skipped(results).keySet());
        results.testEvents().failed().assertThatEvents().isEmpty();
    }

    /** The skipped tests' method names and reasons. */
    private static Map<String, String> skipped(EngineExecutionResults results) {
        Map<String, String> skipped = new TreeMap<>();
        for (Event e : results.testEvents().skipped().list()) {
            String method = ((MethodSource) e.getTestDescriptor().getSource().orElseThrow()).getMethodName();
            skipped.put(method, e.getPayload(String.class).orElseThrow());
        }
        return skipped;
    }
}
