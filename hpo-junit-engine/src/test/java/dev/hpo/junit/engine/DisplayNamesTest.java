package dev.hpo.junit.engine;

import static dev.hpo.junit.engine.Engines.hpo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.hpo.junit.engine.fixtures.names.Plain;
import dev.hpo.junit.engine.fixtures.names.Sentences;
import dev.hpo.junit.engine.fixtures.names.Shouted;
import dev.hpo.junit.engine.fixtures.names.Signatures;
import dev.hpo.junit.engine.fixtures.names.Shouting;
import dev.hpo.junit.engine.fixtures.names.Underscored_tuning;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Display names of objective classes and objectives from Jupiter's display name generators. */
class DisplayNamesTest {

    private static final String DEFAULT = JupiterDisplayNames.GENERATOR_DEFAULT;

    /** Every descriptor below the engine as "parent > name (legacy reporting name)". */
    private static Set<String> tree(EngineTestKit.Builder kit) {
        Set<String> tree = new TreeSet<>();
        kit.discover().getEngineDescriptor().getChildren().forEach(top -> top.accept(d -> tree.add(
                d.getParent().map(p -> p.getDisplayName() + " > ").orElse("") + d.getDisplayName() + " ("
                        + d.getLegacyReportingName() + ")")));
        return tree;
    }

    /** Every method's descriptor as method name to "display name (legacy reporting name)". */
    private static Map<String, String> methods(EngineTestKit.Builder kit) {
        Map<String, String> names = new TreeMap<>();
        kit.discover().getEngineDescriptor().accept(d -> d.getSource().filter(MethodSource.class::isInstance)
                .map(s -> ((MethodSource) s).getMethodName())
                .ifPresent(m -> names.put(m, d.getDisplayName() + " (" + d.getLegacyReportingName() + ")")));
        return names;
    }

    /**
     * Without a generator an objective has the names Jupiter gives a test method of its signature by default: its
     * display name (unless declared) and its legacy reporting name, which surefire's XML names a method with
     * parameters by, are the method's name and the simple names of its parameter types.
     */
    @Test
    void withoutAGeneratorAnObjectiveIsNamedAsJupiterNamesATestOfItsSignature() {
        Map<String, String> jupiter = methods(EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(Signatures.Jupiter.class)));
        assertEquals(Map.of("bowl", "bowl(double, int) (bowl(double, int))",
                "defined", "defined(Trial) (defined(Trial))",
                "everyKind", "everyKind(float, long, String, Kernel, boolean, TestInfo)"
                        + " (everyKind(float, long, String, Kernel, boolean, TestInfo))",
                "declared", "a declared name (declared(double))"), jupiter);
        assertEquals(jupiter, methods(hpo().selectors(selectClass(Signatures.class))));
    }

    /** A static member class is named as Jupiter names it, {@code Signatures$Member}, its package left out. */
    @Test
    void withoutAGeneratorAStaticMemberClassIsNamedAsJupiterNamesIt() {
        Set<String> jupiter = tree(EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(Signatures.Member.class)));
        assertEquals(Set.of("JUnit Jupiter > Signatures$Member (" + Signatures.Member.class.getName() + ")",
                "Signatures$Member > test() (test())"), jupiter);
        assertEquals(Set.of("hpo > Signatures$Member (" + Signatures.Member.class.getName() + ")",
                "Signatures$Member > objective(double) (objective(double))"),
                tree(hpo().selectors(selectClass(Signatures.Member.class))));
    }

    @Test
    void aGenerationAnnotationNamesTheClassItsNestedClassesAndTheirObjectivesAsJupiterDoes() {
        String outer = Underscored_tuning.class.getName();
        assertEquals(Set.of("hpo > Underscored tuning (" + outer + ")",
                        "Underscored tuning > depth of the bowl (double) (depth_of_the_bowl(double))",
                        "Underscored tuning > a declared name wins (declared_name(double))",
                        "Underscored tuning > Inner bowl (" + outer + "$Inner_bowl)",
                        "Inner bowl > width of the bowl (double) (width_of_the_bowl(double))"),
                tree(hpo().selectors(selectClass(Underscored_tuning.class))));
        assertEquals(Set.of("hpo > Sentences (" + Sentences.class.getName() + ")",
                        "Sentences > Sentences -> A bowl (" + Sentences.class.getName() + "$A_bowl)",
                        "Sentences -> A bowl > Sentences -> A bowl -> is shallow (double) (is_shallow(double))"),
                tree(hpo().selectors(selectClass(Sentences.class))), "composed annotations and enclosing classes");
    }

    @Test
    void theConfiguredDefaultGeneratorNamesClassesWithoutOneOfTheirOwn() {
        EngineTestKit.Builder kit = hpo().configurationParameter(DEFAULT, Shouting.class.getName())
                .selectors(selectClass(Plain.class), selectClass(Underscored_tuning.class));
        Set<String> tree = tree(kit);
        assertEquals(true, tree.containsAll(Set.of("hpo > PLAIN (" + Plain.class.getName() + ")",
                "PLAIN > FLAT_BOWL! (flat_bowl(double))", "PLAIN > declared (named(double))",
                "Underscored tuning > depth of the bowl (double) (depth_of_the_bowl(double))")), tree::toString);
        assertEquals(Set.of("hpo > Plain (" + Plain.class.getName() + ")",
                        "Plain > flat_bowl(double) (flat_bowl(double))", "Plain > declared (named(double))"),
                tree(hpo().configurationParameter(DEFAULT, "no.such.Generator").selectors(selectClass(Plain.class))),
                "a class that cannot be loaded is ignored, as Jupiter ignores it");
    }

    @Test
    void aGeneratorThatFailsOrGivesABlankNameLeavesTheNameToTheNextRule() {
        String shouted = Shouted.class.getName();
        assertEquals(Set.of("hpo > SHOUTED (" + shouted + ")", "SHOUTED > LOUD! (loud(double))",
                        "SHOUTED > failing(double) (failing(double))", "SHOUTED > blank(double) (blank(double))"),
                tree(hpo().selectors(selectClass(Shouted.class))));
        assertEquals(Set.of("hpo > SHOUTED (" + shouted + ")", "SHOUTED > LOUD! (loud(double))",
                        "SHOUTED > failing(double) (failing(double))", "SHOUTED > blank(double) (blank(double))"),
                tree(hpo().configurationParameter(DEFAULT, "org.junit.jupiter.api.DisplayNameGenerator$Standard")
                        .selectors(selectClass(Shouted.class))), "Jupiter's own standard generator names them alike");
    }

    @Test
    void aStudyRunsUnderTheGeneratedNamesAndItsTrialsKeepTheirs() {
        var results = Engines.study(new dev.hpo.storage.InMemoryStorage())
                .selectors(selectClass(Underscored_tuning.class)).execute();
        results.testEvents().assertStatistics(stats -> stats.succeeded(9).failed(0));  // 3 objectives, 6 trials
        Set<String> names = new TreeSet<>();
        results.testEvents().succeeded().stream().forEach(e -> names.add(e.getTestDescriptor().getDisplayName()
                .replaceAll(" x=.*", "")));
        assertEquals(Set.of("a declared name wins", "depth of the bowl (double)", "width of the bowl (double)",
                "declared_name()[0]", "declared_name()[1]", "depth_of_the_bowl()[0]", "depth_of_the_bowl()[1]",
                "width_of_the_bowl()[0]", "width_of_the_bowl()[1]"), names);
    }
}
