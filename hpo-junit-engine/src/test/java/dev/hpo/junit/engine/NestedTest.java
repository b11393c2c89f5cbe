package dev.hpo.junit.engine;

import static dev.hpo.junit.engine.Engines.hpo;
import static dev.hpo.junit.engine.Engines.study;
import static dev.hpo.junit.engine.Engines.throwable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;

import dev.hpo.FrozenTrial;
import dev.hpo.TrialState;
import dev.hpo.junit.engine.fixtures.lifecycle.InstanceTwins;
import dev.hpo.junit.engine.fixtures.nested.AbstractOuter;
import dev.hpo.junit.engine.fixtures.nested.DisabledOuter;
import dev.hpo.junit.engine.fixtures.nested.ExtendedOuter;
import dev.hpo.junit.engine.fixtures.nested.JupiterOnly;
import dev.hpo.junit.engine.fixtures.nested.Outer;
import dev.hpo.junit.engine.fixtures.nested.Unnested;
import dev.hpo.storage.InMemoryStorage;
import dev.hpo.storage.Storage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Objectives in Jupiter {@code @Nested} classes: discovered, named and run inside their enclosing classes. */
class NestedTest {

    private static final Class<?> INNER = Outer.class.getDeclaredClasses()[indexOf("Inner")];

    private final Storage storage = new InMemoryStorage();

    private static int indexOf(String simpleName) {
        Class<?>[] nested = Outer.class.getDeclaredClasses();
        for (int i = 0; i < nested.length; i++) {
            if (nested[i].getSimpleName().equals(simpleName)) {
                return i;
            }
        }
        throw new IllegalArgumentException(simpleName);
    }

    @BeforeEach
    void clearLogs() {
        Outer.LOG.clear();
        ExtendedOuter.LOG.clear();
    }

    /** Every objective descriptor's study name, with its unique id and tags. */
    private static Map<String, String> objectives(EngineTestKit.Builder kit) {
        Map<String, String> found = new TreeMap<>();
        kit.discover().getEngineDescriptor().accept(d -> {
            if (d instanceof ObjectiveDescriptor o) {
                found.put(o.studyName(), o.getUniqueId() + " " + o.getTags().stream().map(TestTag::getName)
                        .sorted().collect(Collectors.joining(",")));
            }
        });
        return found;
    }

    @Test
    void aClassSelectorFindsTheObjectivesOfItsNestedClassesAtEveryDepthBelowItsOwn() {
        String outer = "[engine:hpo]/[class:" + Outer.class.getName() + "]";
        assertEquals(Map.of(
                "Outer.own", outer + "/[objective:own(int)] outer",
                "Outer.Inner.score", outer + "/[nested-class:Inner]/[objective:score(int)] inner,outer",
                "Outer.Inner.Deeper.score",
                outer + "/[nested-class:Inner]/[nested-class:Deeper]/[objective:score(int)] inner,outer",
                "Outer.Shared.calls", outer + "/[nested-class:Shared]/[objective:calls(int)] outer"),
                objectives(hpo().selectors(selectClass(Outer.class))));
        Set<String> tree = new TreeSet<>();  // display names below their parents'; a class's legacy name
        hpo().selectors(selectClass(Outer.class)).discover().getEngineDescriptor().accept(d -> tree.add(
                d.getParent().map(p -> p.getDisplayName() + " > ").orElse("") + d.getDisplayName()
                        + (d instanceof ObjectiveClassDescriptor ? " " + d.getLegacyReportingName() : "")));
        assertEquals(Set.of("hpo", "hpo > Outer " + Outer.class.getName(), "Outer > own(int)",
                "Outer > Inner " + INNER.getName(), "Inner > score(int)",
                "Inner > Deeper " + INNER.getName() + "$Deeper", "Deeper > score(int)",
                "Outer > Shared " + Outer.class.getName() + "$Shared", "Shared > calls(int)"), tree);
        List<String> children = hpo().selectors(selectClass(Outer.class)).discover().getEngineDescriptor()
                .getChildren().iterator().next().getChildren().stream().map(TestDescriptor::getDisplayName).toList();
        assertEquals("own(int)", children.get(0), "a class's own objectives come before its nested classes");
    }

    @Test
    void aNestedClassMethodOrUniqueIdSelectsItInsideItsEnclosingClass() {
        String inner = "Outer.Inner.score";
        assertEquals(List.of("Outer.Inner.Deeper.score", inner),
                List.copyOf(objectives(hpo().selectors(selectClass(INNER))).keySet()));
        assertEquals(List.of(inner), List.copyOf(objectives(hpo().selectors(selectMethod(INNER, "score", "int")))
                .keySet()));
        assertEquals(List.of(inner), List.copyOf(objectives(hpo().selectors(
                selectNestedMethod(List.of(Outer.class), INNER, "score", "int"))).keySet()), "as IDEs select it");
        assertEquals(List.of("Outer.Inner.Deeper.score", inner), List.copyOf(objectives(hpo().selectors(
                selectNestedClass(List.of(Outer.class), INNER))).keySet()));
        UniqueId id = UniqueId.forEngine("hpo").append("class", Outer.class.getName())
                .append("nested-class", "Inner").append("nested-class", "Deeper");
        assertEquals(List.of("Outer.Inner.Deeper.score"),
                List.copyOf(objectives(hpo().selectors(selectUniqueId(id))).keySet()));
        assertEquals(List.of(inner), List.copyOf(objectives(hpo().selectors(selectUniqueId(
                id.removeLastSegment().append("objective", "score(int)")))).keySet()));
    }

    @Test
    void packageScanningFindsEachNestedObjectiveOnceAndTheClassNameFilterAppliesToTheOutermostClass() {
        String fixtures = Outer.class.getPackageName();
        assertEquals(List.of("AbstractOuter.base", "Concrete.Inner.score", "Concrete.base",
                "DisabledOuter.Inner.score", "ExtendedOuter.Inner.score", "Forgotten.score",
                "OtherConcrete.Inner.score", "OtherConcrete.base",
                "Outer.Inner.Deeper.score", "Outer.Inner.score", "Outer.Shared.calls", "Outer.own",
                "PartlyDisabled.Off.score", "PartlyDisabled.On.score"),
                List.copyOf(objectives(hpo().selectors(selectPackage(fixtures))).keySet()));
        assertEquals(List.of("Outer.Inner.Deeper.score", "Outer.Inner.score", "Outer.Shared.calls", "Outer.own"),
                List.copyOf(objectives(hpo().selectors(selectPackage(fixtures))
                        .filters(ClassNameFilter.includeClassNamePatterns(".*\\.Outer"))).keySet()));
    }

    @Test
    void aNestedTrialRunsInsideEveryEnclosingClassesBeforeEachAndAfterEachOnItsOwnInstances() {
        study(storage).selectors(selectMethod(INNER, "score", "int")).execute()
                .testEvents().assertStatistics(s -> s.succeeded(1 + 2).failed(0));  // the objective and its trials
        List<String> trial = List.of("outer beforeEach", "inner beforeEach", "inner trial", "inner afterEach",
                "outer afterEach");
        List<String> expected = new ArrayList<>(List.of("outer beforeAll"));
        expected.addAll(trial);
        expected.addAll(trial);
        expected.add("outer afterAll");
        assertEquals(expected, Outer.LOG);
        for (FrozenTrial t : storage.trials(storage.findStudy("Outer.Inner.score").orElseThrow())) {
            assertEquals(TrialState.COMPLETE, t.state());
            assertEquals(110 + (Integer) t.params().get("i"), t.value(), "both set-ups reached the objective");
        }
    }

    @Test
    void aStudyOfTheOuterClassRunsItsOwnObjectiveFirstThenTheNestedOnes() {
        study(storage).selectors(selectClass(Outer.class)).execute()
                .testEvents().assertStatistics(s -> s.succeeded(2 + 3 + 2 + 4).failed(0));
        List<String> trials = Outer.LOG.stream().filter(e -> e.contains("trial")).toList();
        assertEquals("outer trial", trials.get(0));  // the nested classes follow in the order reflection gives them
        assertEquals(List.of("deeper trial", "inner trial", "inner trial", "shared trial true 100",
                "shared trial true 100", "shared trial true 100"), trials.subList(1, trials.size()).stream().sorted()
                .toList());
        assertEquals("outer beforeAll", Outer.LOG.get(0));
        assertEquals("outer afterAll", Outer.LOG.get(Outer.LOG.size() - 1));
        assertEquals(1, Collections.frequency(Outer.LOG, "shared beforeAll"));
        FrozenTrial deeper = storage.trials(storage.findStudy("Outer.Inner.Deeper.score").orElseThrow()).get(0);
        assertEquals(1110 + (Integer) deeper.params().get("i"), deeper.value());
        List<Double> calls = storage.trials(storage.findStudy("Outer.Shared.calls").orElseThrow()).stream()
                .map(FrozenTrial::value).toList();
        assertEquals(List.of(1.0, 2.0, 3.0), calls, "a per-class nested class keeps one instance for its trials");
    }

    @Test
    void aSmokeRunRunsEveryNestedObjectiveOnce() {
        hpo().selectors(selectClass(Outer.class)).execute().testEvents()
                .assertStatistics(s -> s.succeeded(4).failed(0));
        assertEquals(List.of("outer beforeEach", "inner beforeEach", "deeper beforeEach", "deeper trial"),
                Outer.LOG.subList(Outer.LOG.indexOf("deeper trial") - 3, Outer.LOG.indexOf("deeper trial") + 1));
    }

    @Test
    void anEnclosingClassesExtensionRunsForNestedTrialsWithEveryInstance() {
        study(storage).selectors(selectClass(ExtendedOuter.class)).execute()
                .testEvents().assertStatistics(s -> s.succeeded(1 + 2).failed(0));
        String each = "beforeEach [ExtendedOuter, Inner] enclosing 1 [ExtendedOuter]";
        assertEquals(List.of("beforeAll ExtendedOuter", "beforeAll Inner", each, each), ExtendedOuter.LOG);
        for (FrozenTrial t : storage.trials(storage.findStudy("ExtendedOuter.Inner.score").orElseThrow())) {
            assertEquals(40.0 + (Integer) t.params().get("i"), t.value(), "the constructor got the resolved seed");
        }
    }

    @Test
    void aDisabledEnclosingClassDisablesItsNestedObjectives() {
        EngineExecutionResults results = study(storage).selectors(selectClass(DisabledOuter.class)).execute();
        results.allEvents().assertThatEvents().haveExactly(1,
                event(container(DisabledOuter.class), skippedWithReason("not today")));
        results.allEvents().assertStatistics(s -> s.skipped(1));
        results.testEvents().assertThatEvents().isEmpty();
        results = study(storage).selectors(selectClass(DisabledOuter.PartlyDisabled.class)).execute();
        results.allEvents().assertThatEvents().haveExactly(1, event(container("nested-class:Off"),
                skippedWithReason("class " + DisabledOuter.PartlyDisabled.class.getName() + "$Off is @Disabled")));
        results.allEvents().assertStatistics(s -> s.skipped(1));
        assertEquals(1, storage.trials(storage.findStudy("PartlyDisabled.On.score").orElseThrow()).size());
        assertTrue(storage.findStudy("PartlyDisabled.Off.score").isEmpty());
    }

    @Test
    void aNestedClassOfAnAbstractClassRunsInsideEachConcreteSubclassAsAStudyOfItsOwn() {
        assertEquals(List.of("AbstractOuter.base"), List.copyOf(objectives(hpo().selectors(
                selectClass(AbstractOuter.class))).keySet()),
                "its static objective; its nested ones need a subclass's instance, as in Jupiter");
        String concrete = "[engine:hpo]/[class:" + AbstractOuter.Concrete.class.getName() + "]/[nested-class:Inner]";
        assertEquals(concrete + "/[objective:score(int)] ", objectives(hpo().selectors(
                selectClass(AbstractOuter.Concrete.class))).get("Concrete.Inner.score"));
        assertEquals(List.of("Concrete.Inner.score"), List.copyOf(objectives(hpo().selectors(
                selectUniqueId(UniqueId.parse(concrete)))).keySet()));
        study(storage).selectors(selectClass(AbstractOuter.Concrete.class),
                selectClass(AbstractOuter.OtherConcrete.class)).execute().testEvents()
                .assertStatistics(s -> s.succeeded(2 * (2 + 3)).failed(0));  // each: base, then Inner.score
        for (String study : List.of("Concrete.Inner.score", "OtherConcrete.Inner.score")) {
            int offset = study.startsWith("Other") ? 200 : 100;
            for (FrozenTrial t : storage.trials(storage.findStudy(study).orElseThrow())) {
                assertEquals(offset + (Integer) t.params().get("i"), t.value(), "the subclass's instance: " + study);
            }
        }
    }

    @Test
    void anInnerClassWithoutNestedIsMalformedSayingHowToFixIt() {
        EngineExecutionResults results = hpo().selectors(selectClass(Unnested.Forgotten.class)).execute();
        results.testEvents().assertStatistics(s -> s.failed(1));
        String message = throwable(results.testEvents().failed().list().get(0)).getMessage();
        assertTrue(message.contains("instance method of an inner class; annotate the class @Nested"), message);
        List<TestDescriptor> none = new ArrayList<>();
        hpo().selectors(selectClass(Unnested.class)).discover().getEngineDescriptor().accept(none::add);
        assertEquals(1, none.size(), "the enclosing class has no objective of its own or in a @Nested class");
    }

    /** Discovery asked the nested class about itself until the stack overflowed, failing the hpo engine's discovery. */
    @Test
    void aJupiterClassWithNestedTestsAndNoObjectiveIsLeftToJupiter() {
        List<TestDescriptor> found = new ArrayList<>();
        hpo().selectors(selectClass(JupiterOnly.class), selectClass(JupiterOnly.class.getName() + "$Inner")).discover()
                .getEngineDescriptor().accept(found::add);
        assertEquals(1, found.size(), "the engine's descriptor alone: " + found);
        EngineExecutionResults results = hpo().selectors(selectClass(JupiterOnly.class)).execute();
        results.allEvents().failed().assertThatEvents().isEmpty();
        results.testEvents().assertThatEvents().isEmpty();
    }

    /**
     * The instance callbacks (pre-construct, constructor parameter resolvers, post-process, pre-destroy) registered on
     * a {@code @Nested} class are called for its own instance only, those of its outer class for both, in the order
     * Jupiter calls them, under either class's lifecycle, in smoke and study mode.
     */
    @Test
    void aNestedClassesInstanceCallbacksSeeOnlyItsOwnInstanceAsInJupiter() {
        for (Class<?> twins : List.of(InstanceTwins.PerMethod.class, InstanceTwins.NestedPerClass.class,
                InstanceTwins.OuterPerClass.class)) {
            List<String> jupiter = Engines.logged(InstanceTwins.LOG,
                    EngineTestKit.engine("junit-jupiter").selectors(selectClass(twins)));
            assertTrue(jupiter.contains("OuterRecording post-process " + twins.getSimpleName())
                    && !jupiter.contains("NestedRecording post-process " + twins.getSimpleName()), jupiter.toString());
            for (EngineTestKit.Builder mode : List.of(hpo(), study(storage))) {
                assertEquals(jupiter, Engines.logged(InstanceTwins.LOG, mode.selectors(selectClass(twins))),
                        twins.getSimpleName());
            }
        }
    }
}
