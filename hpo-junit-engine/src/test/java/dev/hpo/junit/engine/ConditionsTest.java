package dev.hpo.junit.engine;

import static dev.hpo.junit.engine.Engines.hpo;
import static dev.hpo.junit.engine.Engines.throwable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.hpo.junit.engine.fixtures.conditions.BrokenClassCondition;
import dev.hpo.junit.engine.fixtures.conditions.Conditional;
import dev.hpo.junit.engine.fixtures.conditions.JupiterTwins;
import dev.hpo.junit.engine.fixtures.conditions.LifecycleTwins;
import dev.hpo.junit.engine.fixtures.conditions.NotOnThisOs;
import dev.hpo.junit.engine.fixtures.conditions.OrderTwins;
import dev.hpo.storage.InMemoryStorage;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Jupiter's built-in conditions ({@code @EnabledOnOs}, {@code @EnabledIf}, …) on objectives and their classes. */
class ConditionsTest {

    private static final String PROPERTY = "hpo.test.tune";
    private static final String JRE = "Disabled on JRE version: " + System.getProperty("java.version") + " ==> ";

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

    /**
     * A disabled class is skipped as a whole, as Jupiter skips its container: the class node, with Jupiter's reason,
     * and none of its objectives.
     */
    @Test
    void aDisabledClassIsSkippedAsJupiterSkipsItsContainer() {
        Map<String, String> jupiter = skippedNodes(jupiter().selectors(selectClass(JupiterTwins.Off.class)).execute());
        assertEquals(Map.of("JupiterTwins$Off", "class " + JupiterTwins.Off.class.getName() + " is @Disabled"),
                jupiter);
        EngineExecutionResults hpo = hpo().selectors(selectClass(JupiterTwins.Off.class)).execute();
        assertEquals(jupiter, skippedNodes(hpo));
        hpo.testEvents().assertThatEvents().isEmpty();
        // discovery, which asks no condition, finds the class and its children in both engines
        for (EngineTestKit.Builder engine : List.of(jupiter(), hpo())) {
            TestDescriptor root = engine.selectors(selectClass(JupiterTwins.Off.class)).discover()
                    .getEngineDescriptor();
            assertEquals(1, root.getChildren().size(), root.getChildren().toString());
            assertEquals(1, root.getChildren().iterator().next().getChildren().size());
        }
    }

    /**
     * Of several conditions that disable a method, the reason is the first in the order Jupiter registers them: its
     * {@code @Disabled} first, then as declared, the class's before the method's, extensions' among built-in ones.
     */
    @Test
    void ofSeveralDisablingConditionsTheFirstJupiterRegistersGivesTheReason() {
        Map<String, String> jupiter = skippedNodes(jupiter().selectors(selectClass(OrderTwins.class)).execute());
        assertEquals(Map.of("OrderTwins#ifThenJre", "if, declared first",
                "OrderTwins#jreThenIf", JRE + "jre, declared first",
                "OrderTwins#classRegisteredFirst", "System property [java.version] with value ["
                        + System.getProperty("java.version") + "] matches regular expression [.+] ==> registered by the"
                        + " class",
                "OrderTwins#disabledAlwaysFirst", "@Disabled, declared last",
                "OrderTwins#extensionThenJre", "refused by an extension",
                "OrderTwins#jreThenExtension", JRE + "jre, declared first"), jupiter);
        assertEquals(jupiter, skippedNodes(hpo().selectors(selectClass(OrderTwins.class)).execute()));
        assertEquals(jupiter, skippedNodes(Engines.study(new InMemoryStorage())
                .selectors(selectClass(OrderTwins.class)).execute()));
    }

    /** The same for a class and for a {@code @Nested} class, whose enclosing class registers a condition first. */
    @Test
    void ofSeveralConditionsDisablingAClassTheFirstJupiterRegistersGivesTheReason() {
        Class<?>[] classes = {OrderTwins.IfThenJre.class, OrderTwins.JreThenIf.class,
            OrderTwins.ExtensionThenJre.class, OrderTwins.JreThenExtension.class, OrderTwins.Enclosing.class};
        Map<String, String> jupiter = skippedNodes(jupiter().selectors(classSelectors(classes)).execute());
        assertEquals(Map.of("OrderTwins$IfThenJre", "if, first", "OrderTwins$JreThenIf", JRE + "jre, first",
                "OrderTwins$ExtensionThenJre", "refused by an extension",
                "OrderTwins$JreThenExtension", JRE + "jre, first",
                "OrderTwins$Enclosing$Inner", "System property [java.version] with value ["
                        + System.getProperty("java.version") + "] matches regular expression [.+] ==> registered by the"
                        + " enclosing class"), jupiter);
        for (EngineTestKit.Builder mode : List.of(hpo(), Engines.study(new InMemoryStorage()))) {
            EngineExecutionResults hpo = mode.selectors(classSelectors(classes)).execute();
            assertEquals(jupiter, skippedNodes(hpo));
            assertEquals(List.of("runs"), hpo.testEvents().started().list().stream()
                    .map(e -> ((MethodSource) e.getTestDescriptor().getSource().orElseThrow()).getMethodName())
                    .distinct().toList(), "only the enclosing class's objective (and its trials) started");
            hpo.allEvents().failed().assertThatEvents().isEmpty();
        }
    }

    /** In smoke and study mode alike: the class is skipped, its objectives are not reported, its @BeforeAll not run. */
    @Test
    void aDisabledClassIsSkippedWithoutRunningBeforeAllInEveryMode() {
        for (EngineTestKit.Builder mode : List.of(hpo(), Engines.study(new InMemoryStorage()))) {
            EngineExecutionResults results = mode.selectors(selectClass(NotOnThisOs.class)).execute();
            results.testEvents().assertThatEvents().isEmpty();
            results.containerEvents().assertStatistics(s -> s.skipped(1).failed(0));
            assertEquals(Map.of("NotOnThisOs", "Disabled on operating system: " + System.getProperty("os.name")),
                    skippedNodes(results));
        }
    }

    /** A class's condition that cannot be evaluated fails the class, as Jupiter fails its container. */
    @Test
    void aClassConditionThatCannotBeEvaluatedFailsTheClass() {
        EngineExecutionResults results = hpo().selectors(selectClass(BrokenClassCondition.class)).execute();
        results.testEvents().assertThatEvents().isEmpty();
        assertEquals("@EnabledIf(\"missing\"): BrokenClassCondition has no method missing() without parameters or"
                + " with an ExtensionContext", throwable(results.containerEvents().failed().list().stream()
                        .filter(e -> e.getTestDescriptor().getSource().orElseThrow() instanceof ClassSource)
                        .findFirst().orElseThrow()).getMessage());
    }

    /**
     * Jupiter asks each condition once per node; so does hpo: a class's {@code @BeforeAll} does not ask the conditions
     * of its objectives or of its {@code @Nested} classes beforehand, in smoke and study mode.
     */
    @Test
    void eachConditionIsAskedOncePerNodeAsJupiterAsksIt() {
        List<String> jupiter = conditionCalls(Engines.logged(LifecycleTwins.LOG,
                jupiter().selectors(selectClass(LifecycleTwins.Counted.class))));
        assertEquals(List.of("condition direct", "condition Inner", "condition score"), jupiter);
        for (EngineTestKit.Builder mode : List.of(hpo(), Engines.study(new InMemoryStorage()))) {
            assertEquals(jupiter, conditionCalls(Engines.logged(LifecycleTwins.LOG,
                    mode.selectors(selectClass(LifecycleTwins.Counted.class)))));
        }
    }

    /**
     * An objective {@code hpo.objectives} leaves out costs nothing, as a test a discovery filter removed costs nothing
     * in Jupiter: its method's extensions are not made and none of its conditions is asked, nor those of a
     * {@code @Nested} class left without objectives, while what is selected runs as its Jupiter twin does (but for
     * when the test instance is made: Jupiter makes it before asking a method's conditions, hpo for each trial).
     */
    @Test
    void anObjectiveTheFilterLeavesOutMakesNoExtensionAndAsksNoCondition() {
        // the study selected, its Jupiter twin, the objective left out
        Map<String, List<String>> studies = Map.of("Counted.direct", List.of("directTest", "score"),
                "Counted.Inner.score", List.of("scoreTest", "direct"));
        studies.forEach((study, twins) -> {
            List<String> jupiter = withoutInstances(Engines.logged(LifecycleTwins.LOG, jupiter()
                    .selectors(selectClass(LifecycleTwins.Counted.class)).filters(Engines.onlyTestsOf(twins.get(0)))));
            assertFalse(jupiter.contains("condition " + twins.get(1)), jupiter.toString());
            for (EngineTestKit.Builder mode : List.of(hpo(), Engines.study(new InMemoryStorage()))) {
                LifecycleTwins.LOG.clear();
                EngineExecutionResults results = mode.selectors(selectClass(LifecycleTwins.Counted.class))
                        .configurationParameter("hpo.objectives", study).execute();
                assertEquals(jupiter, withoutInstances(LifecycleTwins.LOG), study);
                assertEquals(1, results.testEvents().skipped().filter(e -> e.getPayload(String.class)
                        .filter(NotSelected::isReason).isPresent()).count(), "the other is reported as not selected");
            }
        });
    }

    /** A disabled objective the filter leaves out is reported as not selected: the filter removes it first. */
    @Test
    void aDisabledObjectiveTheFilterLeavesOutIsNotSelected() {
        EngineExecutionResults results = hpo().selectors(selectClass(JupiterTwins.class))
                .configurationParameter("hpo.objectives", "JupiterTwins.disabled").execute();
        Map<String, String> skipped = skipped(results);
        assertEquals("static int " + JupiterTwins.class.getName() + ".disabled(int) is @Disabled",
                skipped.remove("disabled"));
        assertEquals("study JupiterTwins.disabledWithValue is not among hpo.objectives = JupiterTwins.disabled",
                skipped.get("disabledWithValue"));
        assertTrue(skipped.values().stream().allMatch(NotSelected::isReason), skipped.toString());
    }

    private static List<String> conditionCalls(List<String> log) {
        return log.stream().filter(e -> e.startsWith("condition ")).toList();
    }

    /** The log without the post-processing of test instances, which Jupiter and hpo make at different times. */
    private static List<String> withoutInstances(List<String> log) {
        return log.stream().filter(e -> !e.startsWith("post-process ")).toList();
    }

    @Test
    void deactivatedConditionsDoNotApply() {
        EngineExecutionResults results = hpo().selectors(selectClass(Conditional.class))
                .configurationParameter("junit.jupiter.conditions.deactivate", "org.junit.*OnOsCondition, *IfCondition")
                .execute();
        assertEquals(Set.of("onJava8", "unlessTuning", "withVariable"), skipped(results).keySet());
        results.testEvents().failed().assertThatEvents().isEmpty();
    }

    private static DiscoverySelector[] classSelectors(Class<?>... classes) {
        return Arrays.stream(classes).map(DiscoverySelectors::selectClass).toArray(DiscoverySelector[]::new);
    }

    private static EngineTestKit.Builder jupiter() {
        return EngineTestKit.engine("junit-jupiter");
    }

    /**
     * The reasons of the skipped containers and tests, by their source: {@code Outer$Inner} for a class,
     * {@code Outer#method} for a method, a Jupiter twin's without its {@code Test} suffix.
     */
    private static Map<String, String> skippedNodes(EngineExecutionResults results) {
        Map<String, String> skipped = new TreeMap<>();
        for (Event e : results.allEvents().skipped().list()) {
            TestSource source = e.getTestDescriptor().getSource().orElseThrow();
            String key = source instanceof MethodSource m
                    ? simpleName(m.getClassName()) + "#" + m.getMethodName().replaceAll("Test$", "")
                    : simpleName(((ClassSource) source).getClassName());
            skipped.put(key, e.getPayload(String.class).orElseThrow());
        }
        return skipped;
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
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
