package dev.hpo.maven;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which {@code java} runs the forked JVM, in surefire's order: the {@code jvm} parameter (an executable, or a JDK
 * home), else the JDK toolchain the {@code jdkToolchain} parameter asks for, else the JDK of the build's toolchain
 * (maven-toolchains-plugin), else the JVM running Maven. A project whose
 * tests are compiled for a newer Java than Maven's own thus runs its objectives on the JDK its toolchain names.
 *
 * @param executable the {@code java} executable
 * @param source where it came from, for the build log
 */
record ForkJava(Path executable, String source) {

    /**
     * @param jvm the {@code jvm} parameter, or {@code null}
     * @param toolchainJava the toolchain's {@code java}, or {@code null} when there is no JDK toolchain
     * @param toolchainSource which toolchain that is, for the build log
     * @param mavenJavaHome {@code java.home} of the JVM running Maven
     * @throws InvalidParameterException when {@code jvm} names neither a {@code java} executable nor a JDK home
     */
    static ForkJava resolve(String jvm, String toolchainJava, String toolchainSource, Path mavenJavaHome) {
        if (jvm != null && !jvm.isBlank()) {
            Path given = Path.of(jvm.strip());
            Path executable = Files.isDirectory(given) ? given.resolve("bin").resolve(javaName()) : given;
            if (!Files.isRegularFile(executable) || !Files.isExecutable(executable)) {
                throw new InvalidParameterException("jvm", "hpo.jvm", jvm,
                        "the path of a java executable or of a JDK home (with bin/" + javaName() + ")");
            }
            return new ForkJava(executable, "the jvm parameter");
        }
        if (toolchainJava != null) {
            return new ForkJava(Path.of(toolchainJava), toolchainSource);
        }
        return new ForkJava(mavenJavaHome.resolve("bin").resolve(javaName()), "the JVM running Maven");
    }

    private static String javaName() {
        return System.getProperty("os.name", "").startsWith("Windows") ? "java.exe" : "java";
    }
}
