package dev.hpo.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForkClasspathTest {

    private static final Jar COMMONS = jar("org.junit.platform", "junit-platform-commons", "1.14.4");
    private static final Jar ENGINE_API = jar("org.junit.platform", "junit-platform-engine", "1.14.4");
    private static final Jar HPO = jar("dev.hpo", "hpo-junit-engine", "0.1.0");
    private static final Jar OPENTEST = jar("org.opentest4j", "opentest4j", "1.3.0");

    private static Jar jar(String g, String a, String v) {
        return new Jar(g, a, v, Path.of("/repo", a + "-" + v + ".jar"));
    }

    private static List<Path> classpathOf(List<Jar> jars) {
        List<Path> out = new ArrayList<>(List.of(Path.of("/p/target/test-classes"), Path.of("/p/target/classes")));
        jars.forEach(j -> out.add(j.file()));
        return out;
    }

    @Test
    void launcherIsResolvedAtTheVersionOfTheProjectsPlatformCommons() {
        List<String> asked = new ArrayList<>();
        LauncherResolver resolver = version -> {
            asked.add(version);
            return List.of(jar("org.junit.platform", "junit-platform-launcher", version), ENGINE_API, OPENTEST);
        };
        List<Jar> deps = List.of(COMMONS, ENGINE_API, HPO, OPENTEST);
        ForkClasspath cp = ForkClasspath.of(classpathOf(deps), deps, resolver);
        assertEquals(List.of("1.14.4"), asked);
        assertEquals("1.14.4", cp.platformVersion());
        assertEquals(Path.of("/repo/junit-platform-launcher-1.14.4.jar"), cp.entries().get(cp.entries().size() - 1));
        assertEquals(classpathOf(deps).size() + 1, cp.entries().size(), "only the launcher itself is added");
    }

    @Test
    void aLauncherAlreadyOnTheTestClasspathIsUsedAsItIs() {
        Jar launcher = jar("org.junit.platform", "junit-platform-launcher", "1.14.4");
        List<Jar> deps = List.of(COMMONS, ENGINE_API, launcher, HPO);
        ForkClasspath cp = ForkClasspath.of(classpathOf(deps), deps, v -> {
            throw new AssertionError("nothing to resolve");
        });
        assertEquals(classpathOf(deps), cp.entries());
    }

    @Test
    void excludedDependenciesLeaveTheClasspathAndAdditionalElementsJoinItsEnd() {
        Jar binding = jar("org.slf4j", "slf4j-simple", "2.0.17");
        List<Jar> deps = List.of(COMMONS, ENGINE_API, binding, HPO, OPENTEST);
        ForkClasspath cp = ForkClasspath.of(classpathOf(deps), deps,
                v -> List.of(jar("org.junit.platform", "junit-platform-launcher", v), binding),
                List.of(" org.slf4j:slf4j-simple "), List.of(Path.of("/p/extra")));
        List<Path> expected = new ArrayList<>(classpathOf(List.of(COMMONS, ENGINE_API, HPO, OPENTEST)));
        expected.add(Path.of("/p/extra"));
        expected.add(Path.of("/repo/junit-platform-launcher-1.14.4.jar"));
        assertEquals(expected, cp.entries(), "nor does the launcher's resolution bring the excluded one back");
        ForkClasspath.MissingDependencyException e = assertThrows(ForkClasspath.MissingDependencyException.class,
                () -> ForkClasspath.of(classpathOf(deps), deps, v -> List.of(), List.of("dev.hpo:hpo-junit-engine"),
                        List.of()));
        assertEquals("classpathDependencyExcludes removes dev.hpo:hpo-junit-engine, which the goal needs to run"
                + " objectives; drop it from the list", e.getMessage());
    }

    @Test
    void projectWithoutJUnitFailsSayingJUnitIsRequired() {
        List<Jar> deps = List.of(HPO);
        ForkClasspath.MissingDependencyException e = assertThrows(ForkClasspath.MissingDependencyException.class,
                () -> ForkClasspath.of(classpathOf(deps), deps, v -> List.of()));
        assertTrue(e.getMessage().startsWith("JUnit is required"), e.getMessage());
    }

    @Test
    void projectWithoutTheHpoEngineIsToldToAddIt() {
        List<Jar> deps = List.of(COMMONS, ENGINE_API);
        ForkClasspath.MissingDependencyException e = assertThrows(ForkClasspath.MissingDependencyException.class,
                () -> ForkClasspath.of(classpathOf(deps), deps, v -> List.of()));
        assertTrue(e.getMessage().contains("dev.hpo:hpo-junit-engine"), e.getMessage());
    }
}
