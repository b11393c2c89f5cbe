package dev.hpo.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The classpath of the forked JVM: the project's test classpath (its classes, its JUnit, the hpo engine and its
 * other dependencies) plus {@code junit-platform-launcher} at the project's own JUnit Platform version, when the
 * project does not already have a launcher. Built from what Maven resolved, so the fork runs the same JUnit as
 * the project's tests.
 *
 * @param entries classpath entries in order
 * @param platformVersion the JUnit Platform version of the project (the version of junit-platform-commons)
 */
public record ForkClasspath(List<Path> entries, String platformVersion) {

    static final String PLATFORM_GROUP = "org.junit.platform";
    static final String COMMONS = PLATFORM_GROUP + ":junit-platform-commons";
    static final String LAUNCHER = PLATFORM_GROUP + ":junit-platform-launcher";
    static final String ENGINE = "dev.hpo:hpo-junit-engine";

    public ForkClasspath {
        entries = List.copyOf(entries);
    }

    /**
     * Builds the fork's classpath.
     *
     * @param testClasspath the project's test classpath in Maven's order (output directories and dependency files)
     * @param dependencies the project's resolved dependencies, with coordinates
     * @throws MissingDependencyException when the project has no JUnit Platform or no hpo engine
     */
    public static ForkClasspath of(List<Path> testClasspath, List<Jar> dependencies, LauncherResolver resolver) {
        return of(testClasspath, dependencies, resolver, List.of(), List.of());
    }

    /**
     * Builds the fork's classpath without the dependencies {@code excludes} names ({@code groupId:artifactId}) and
     * with {@code additional} entries at its end, as surefire's {@code classpathDependencyExcludes} and
     * {@code additionalClasspathElements} change a test JVM's.
     *
     * @throws MissingDependencyException when the project has no JUnit Platform or no hpo engine, or the excludes
     *         remove one
     */
    public static ForkClasspath of(List<Path> testClasspath, List<Jar> dependencies, LauncherResolver resolver,
            Collection<String> excludes, List<Path> additional) {
        Set<String> excluded = new HashSet<>();
        for (String key : excludes) {
            String k = key.strip();
            if (k.equals(COMMONS) || k.equals(ENGINE)) {
                throw new MissingDependencyException("classpathDependencyExcludes removes " + k + ", which the goal"
                        + " needs to run objectives; drop it from the list");
            }
            excluded.add(k);
        }
        List<Path> classpath = new ArrayList<>(testClasspath);
        List<Jar> kept = new ArrayList<>();
        for (Jar j : dependencies) {
            if (excluded.contains(j.key())) {
                classpath.remove(j.file());
            } else {
                kept.add(j);
            }
        }
        classpath.addAll(additional);
        return build(classpath, kept, resolver, excluded);
    }

    /** {@code excluded}: keys of dependencies the launcher's own must not bring back. */
    private static ForkClasspath build(List<Path> testClasspath, List<Jar> dependencies, LauncherResolver resolver,
            Set<String> excluded) {
        Optional<Jar> commons = find(dependencies, COMMONS);
        if (commons.isEmpty()) {
            throw new MissingDependencyException("JUnit is required: hpo runs objectives on the JUnit Platform, and"
                    + " the test classpath has no junit-platform-commons. Add a JUnit Jupiter test dependency"
                    + " (org.junit.jupiter:junit-jupiter, 5.10 or later) to the project.");
        }
        if (find(dependencies, ENGINE).isEmpty()) {
            throw new MissingDependencyException("the hpo engine is not on the test classpath: add the test"
                    + " dependency dev.hpo:hpo-junit-engine to the project (see the README's snippet); the goal"
                    + " runs the objectives through it.");
        }
        String version = commons.get().version();
        Set<Path> entries = new LinkedHashSet<>(testClasspath);
        if (find(dependencies, LAUNCHER).isEmpty()) {
            Set<String> present = new HashSet<>(excluded);
            for (Jar j : dependencies) {
                present.add(j.key());
            }
            for (Jar j : resolver.resolveLauncher(version)) {
                if (!present.contains(j.key())) {
                    entries.add(j.file());
                }
            }
        }
        return new ForkClasspath(new ArrayList<>(entries), version);
    }

    private static Optional<Jar> find(List<Jar> jars, String key) {
        return jars.stream().filter(j -> j.key().equals(key)).findFirst();
    }

    /** The project lacks a dependency the goal needs; the message says which one to add. */
    public static final class MissingDependencyException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public MissingDependencyException(String message) {
            super(message);
        }
    }
}
