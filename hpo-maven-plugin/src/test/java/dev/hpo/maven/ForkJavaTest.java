package dev.hpo.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ForkJavaTest {

    private static final Path HOME = Path.of(System.getProperty("java.home"));
    private static final Path JAVA = HOME.resolve("bin").resolve("java");

    @Test
    void theJvmParameterWinsAsAnExecutableOrAJdkHome() {
        assertEquals(new ForkJava(JAVA, "the jvm parameter"), ForkJava.resolve(JAVA.toString(), "/toolchain/java",
                "t", Path.of("/elsewhere")));
        assertEquals(new ForkJava(JAVA, "the jvm parameter"), ForkJava.resolve(HOME.toString(), null,
                "t", Path.of("/elsewhere")));
    }

    @Test
    void thenTheToolchainThenMavensOwnJvm() {
        assertEquals(new ForkJava(Path.of("/toolchain/java"), "the build's JDK toolchain"),
                ForkJava.resolve(null, "/toolchain/java", "the build's JDK toolchain", HOME));
        assertEquals(new ForkJava(JAVA, "the JVM running Maven"), ForkJava.resolve(" ", null, "t", HOME));
    }

    @Test
    void aJvmThatIsNoJavaIsAnInvalidParameterNamingIt() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> ForkJava.resolve("/no/such/jdk", null, "t", HOME));
        assertEquals("invalid value '/no/such/jdk' for parameter jvm (hpo.jvm): allowed is the path of a java"
                + " executable or of a JDK home (with bin/java)", e.getMessage());
    }
}
