package dev.hpo.junit.engine;

import static dev.hpo.junit.engine.Engines.hpo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.ClassNameFilter.excludeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClasspathRoots;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectIteration;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectModule;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.hpo.junit.engine.fixtures.Bowl;
import dev.hpo.junit.engine.fixtures.NotAnObjective;
import dev.hpo.junit.engine.fixtures.Tagged;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.testkit.engine.EngineTestKit;

class DiscoveryTest {

    private static final String FIXTURES = "dev.hpo.junit.engine.fixtures";

    private static Set<String> objectives(EngineTestKit.Builder kit) {
        Set<String> names = new TreeSet<>();
        kit.discover().getEngineDescriptor().accept(d -> {
            if (d instanceof ObjectiveDescriptor o) {
                names.add(o.method().getDeclaringClass().getSimpleName() + "." + o.method().getName());
            }
        });
        return names;
    }

    private static List<TestDescriptor> descriptors(EngineTestKit.Builder kit) {
        List<TestDescriptor> all = new ArrayList<>();
        kit.discover().getEngineDescriptor().accept(all::add);
        return all;
    }

    @Test
    void classSelectorFindsEveryObjectiveOfTheClass() {
        assertEquals(Set.of("Tagged.quick", "Tagged.slow"), objectives(hpo().selectors(selectClass(Tagged.class))));
    }

    @Test
    void methodSelectorFindsOneObjective() {
        assertEquals(Set.of("Tagged.slow"), objectives(hpo().selectors(selectMethod(Tagged.class, "slow", "int"))));
    }

    @Test
    void classWithoutObjectivesIsNotDiscovered() {
        assertEquals(1, descriptors(hpo().selectors(selectClass(NotAnObjective.class))).size());
    }

    @Test
    void packageSelectorFindsTheObjectiveClassesOfThePackageAndItsSubpackages() {
        Set<String> found = objectives(hpo().selectors(selectPackage(FIXTURES)));
        assertTrue(found.containsAll(Set.of("Bowl.bowl", "Kinds.everything", "Tagged.quick", "Malformed.fine",
                "FirstShared.first")), found.toString());
        assertFalse(found.stream().anyMatch(n -> n.startsWith("NotAnObjective")), found.toString());
    }

    @Test
    void classpathRootSelectorFindsTheObjectivesUnderTheRoot() throws URISyntaxException {
        Path root = Path.of(Bowl.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Set<String> found = objectives(hpo().selectors(selectClasspathRoots(Set.of(root)))
                .filters(org.junit.platform.engine.discovery.PackageNameFilter.includePackageNames(FIXTURES)));
        assertTrue(found.containsAll(Set.of("Bowl.bowl", "Sleepy.nap")), found.toString());
    }

    @Test
    void moduleSelectorScansTheModuleForObjectiveClasses() {
        // the tests run on the class path, so the only modules are the JDK's: they hold no objective
        assertEquals(1, descriptors(hpo().selectors(selectModule("java.logging"))).size());
    }

    @Test
    void classNameFilterExcludesMatchingClasses() {
        Set<String> found = objectives(hpo().selectors(selectPackage(FIXTURES))
                .filters(excludeClassNamePatterns(".*Tagged")));
        assertTrue(found.contains("Bowl.bowl"));
        assertFalse(found.contains("Tagged.quick"), found.toString());
    }

    @Test
    void uniqueIdSelectorOfAClassFindsItsObjectives() {
        UniqueId id = UniqueId.forEngine("hpo").append("class", Tagged.class.getName());
        assertEquals(Set.of("Tagged.quick", "Tagged.slow"), objectives(hpo().selectors(selectUniqueId(id))));
    }

    @Test
    void uniqueIdSelectorOfAnObjectiveFindsIt() {
        UniqueId id = UniqueId.forEngine("hpo").append("class", Tagged.class.getName())
                .append("objective", "slow(int)");
        assertEquals(Set.of("Tagged.slow"), objectives(hpo().selectors(selectUniqueId(id))));
    }

    @Test
    void iterationSelectorOfAnObjectiveSelectsTheObjective() {
        assertEquals(Set.of("Tagged.slow"), objectives(hpo().selectors(
                selectIteration(selectMethod(Tagged.class, "slow", "int"), 2, 3))));
    }

    @Test
    void uniqueIdSelectorOfATrialSelectsItsObjective() {
        UniqueId id = UniqueId.forEngine("hpo").append("class", Bowl.class.getName())
                .append("objective", "bowl(double,int)").append("trial", "3");
        assertEquals(Set.of("Bowl.bowl"), objectives(hpo().selectors(selectUniqueId(id))));
    }

    @Test
    void uniqueIdOfAnotherEngineIsIgnored() {
        UniqueId id = UniqueId.forEngine("junit-jupiter").append("class", Bowl.class.getName());
        assertEquals(Set.of(), objectives(hpo().selectors(selectUniqueId(id))));
    }

    @Test
    void tagFilterOnTheMethodTagSelectsThatObjective() {
        assertEquals(Set.of("Tagged.slow"), objectives(hpo().selectors(selectPackage(FIXTURES))
                .filters(TagFilter.includeTags("slow"))));
    }

    @Test
    void classTagAppliesToItsObjectives() {
        assertEquals(Set.of("Tagged.quick", "Tagged.slow"), objectives(hpo().selectors(selectPackage(FIXTURES))
                .filters(TagFilter.includeTags("tuning"))));
    }

    @Test
    void excludedTagRemovesTheObjective() {
        assertEquals(Set.of("Tagged.quick"), objectives(hpo().selectors(selectClass(Tagged.class))
                .filters(TagFilter.excludeTags("slow"))));
    }

    @Test
    void objectiveDeclaresThatItMayRegisterTrialsAndReportsUnderItsMethod() {
        ObjectiveDescriptor bowl = (ObjectiveDescriptor) descriptors(hpo().selectors(selectClass(Bowl.class)))
                .stream().filter(d -> d instanceof ObjectiveDescriptor).findFirst().orElseThrow();
        assertTrue(bowl.mayRegisterTests());
        assertEquals("bowl(double, int)", bowl.getDisplayName());
        assertEquals("bowl(double, int)", bowl.getLegacyReportingName());
        MethodSource source = (MethodSource) bowl.getSource().orElseThrow();
        assertEquals(Bowl.class.getName(), source.getClassName());
        assertEquals("bowl", source.getMethodName());
        assertEquals("[engine:hpo]/[class:" + Bowl.class.getName() + "]/[objective:bowl(double,int)]",
                bowl.getUniqueId().toString());
    }

    @Test
    void classDescriptorReportsUnderTheFullClassName() {
        TestDescriptor type = descriptors(hpo().selectors(selectClass(Bowl.class))).stream()
                .filter(d -> d instanceof ObjectiveClassDescriptor).findFirst().orElseThrow();
        assertEquals("Bowl", type.getDisplayName());
        assertEquals(Bowl.class.getName(), type.getLegacyReportingName());
    }

    @Test
    void discoveryIsTheSameInEveryModeAndNeverOpensTheStorage() {
        EngineTestKit.Builder plain = hpo().selectors(selectPackage(FIXTURES));
        EngineTestKit.Builder configured = EngineTestKit.engine(new HpoTestEngine(url -> {
            throw new AssertionError("discovery opened storage " + url);
        })).selectors(selectPackage(FIXTURES)).configurationParameter("hpo.mode", "study")
                .configurationParameter("hpo.storage", "journal:nowhere.log");
        List<String> a = descriptors(plain).stream().map(d -> d.getUniqueId().toString()).toList();
        List<String> b = descriptors(configured).stream().map(d -> d.getUniqueId().toString()).toList();
        assertEquals(a, b);
    }
}
