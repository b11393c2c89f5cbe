package dev.hpo.junit.engine;

import static dev.hpo.junit.engine.Engines.hpo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.hpo.junit.engine.fixtures.names.Plain;
import dev.hpo.junit.engine.fixtures.names.Sentences;
import dev.hpo.junit.engine.fixtures.names.Shouted;
import dev.hpo.junit.engine.fixtures.names.Shouting;
import dev.hpo.junit.engine.fixtures.names.Underscored_tuning;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
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

    @Test
    void aGenerationAnnotationNamesTheClassItsNestedClassesAndTheirObjectivesAsJupiterDoes() {
        String outer = Underscored_tuning.class.getName();
        assertEquals(Set.of("hpo > Underscored tuning (" + outer + ")",
                        "Underscored tuning > depth of the bowl (double) (depth_of_the_bowl())",
                        "Underscored tuning > a declared name wins (declared_name())",
                        "Underscored tuning > Inner bowl (" + outer + "$Inner_bowl)",
                        "Inner bowl > width of the bowl (double) (width_of_the_bowl())"),
                tree(hpo().selectors(selectClass(Underscored_tuning.class))));
        assertEquals(Set.of("hpo > Sentences (" + Sentences.class.getName() + ")",
                        "Sentences > Sentences -> A bowl (" + Sentences.class.getName() + "$A_bowl)",
                        "Sentences -> A bowl > Sentences -> A bowl -> is shallow (double) (is_shallow())"),
                tree(hpo().selectors(selectClass(Sentences.class))), "composed annotations and enclosing classes");
    }

    @Test
    void theConfiguredDefaultGeneratorNamesClassesWithoutOneOfTheirOwn() {
        EngineTestKit.Builder kit = hpo().configurationParameter(DEFAULT, Shouting.class.getName())
                .selectors(selectClass(Plain.class), selectClass(Underscored_tuning.class));
        Set<String> tree = tree(kit);
        assertEquals(true, tree.containsAll(Set.of("hpo > PLAIN (" + Plain.class.getName() + ")",
                "PLAIN > FLAT_BOWL! (flat_bowl())", "PLAIN > declared (named())",
                "Underscored tuning > depth of the bowl (double) (depth_of_the_bowl())")), tree::toString);
        assertEquals(Set.of("hpo > Plain (" + Plain.class.getName() + ")", "Plain > flat_bowl() (flat_bowl())",
                        "Plain > declared (named())"),
                tree(hpo().configurationParameter(DEFAULT, "no.such.Generator").selectors(selectClass(Plain.class))),
                "a class that cannot be loaded is ignored, as Jupiter ignores it");
    }

    @Test
    void aGeneratorThatFailsOrGivesABlankNameLeavesTheNameToTheNextRule() {
        String shouted = Shouted.class.getName();
        assertEquals(Set.of("hpo > SHOUTED (" + shouted + ")", "SHOUTED > LOUD! (loud())",
                        "SHOUTED > failing() (failing())", "SHOUTED > blank() (blank())"),
                tree(hpo().selectors(selectClass(Shouted.class))));
        assertEquals(Set.of("hpo > SHOUTED (" + shouted + ")", "SHOUTED > LOUD! (loud())",
                        "SHOUTED > failing(double) (failing())", "SHOUTED > blank(double) (blank())"),
                tree(hpo().configurationParameter(DEFAULT, "org.junit.jupiter.api.DisplayNameGenerator$Standard")
                        .selectors(selectClass(Shouted.class))));
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
