package dev.hpo.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForkCommandTest {

    @TempDir
    Path dir;

    @Test
    void argLineKeepsQuotedPartsTogether() {
        assertEquals(List.of("-Xmx1g", "-Dname=a b", "-ea"), ForkCommand.splitArgLine("  -Xmx1g \"-Dname=a b\"  -ea "));
    }

    @Test
    void argLineWithUnbalancedQuoteNamesTheParameter() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> ForkCommand.splitArgLine("-Dx='open"));
        assertEquals("invalid value '-Dx='open' for parameter argLine (hpo.argLine): allowed is JVM options with"
                + " balanced quotes", e.getMessage());
    }

    @Test
    void commandRunsTheForkedLauncherWithSystemPropertiesAndClasspathInAnArgumentFile() throws Exception {
        ForkCommand c = new ForkCommand(Path.of("/jdk/bin/java"), List.of("-Xmx1g", "-Ddata=argLine"),
                Map.of("data", "/data sets/\"digits\"", "empty", ""),
                List.of(dir.resolve("test classes"), dir.resolve("a.jar")), dir.resolve("test classes"),
                Map.of("hpo.mode", "study", "hpo.trials", "5"), dir.resolve("fork"), List.of("--exclude-tags", "gpu"));
        List<String> command = c.prepare();
        assertEquals(List.of("/jdk/bin/java", "-Xmx1g", "-Ddata=argLine", "@" + c.argumentFile(),
                ForkCommand.MAIN_CLASS, "--classes", dir.resolve("test classes").toString(), "--config",
                c.parametersFile().toString(),
                "--run-file", c.runFile().toString(), "--exclude-tags", "gpu"), command);
        String args = Files.readString(c.argumentFile());
        assertEquals("\"-Ddata=/data sets/\\\"digits\\\"\"\n\"-Dempty=\"\n-cp\n\"" + dir.resolve("test classes") + ":"
                + dir.resolve("a.jar") + "\"\n", args, "after argLine's options, so that they win; quoted");
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(c.parametersFile())) {
            p.load(r);
        }
        assertEquals("study", p.getProperty("hpo.mode"));
        assertEquals("5", p.getProperty("hpo.trials"));
    }

    @Test
    void prepareRemovesTheRunFileOfAnEarlierBuild() throws Exception {
        ForkCommand c = new ForkCommand(Path.of("java"), List.of(), Map.of(), List.of(), dir, Map.of(),
                dir.resolve("fork"), List.of());
        Files.createDirectories(c.runFile().getParent());
        Files.writeString(c.runFile(), "objectives=1");
        c.prepare();
        assertFalse(Files.exists(c.runFile()));
    }

    @Test
    void lateReplacedPropertiesTakeTheProjectsValuesAsSurefiresDo() {
        Properties project = new Properties();
        project.setProperty("argLine", "-javaagent:/repo/jacoco.jar=destfile=/p/target/jacoco.exec");
        assertEquals("-javaagent:/repo/jacoco.jar=destfile=/p/target/jacoco.exec -Xmx1g @{unset}",
                ForkCommand.lateProperties("@{argLine} -Xmx1g @{unset}", project));
        assertEquals("-Xmx1g", ForkCommand.lateProperties("-Xmx1g", project));
        assertEquals(null, ForkCommand.lateProperties(null, project));
    }

    @Test
    void debugWaitsForADebuggerOnPort5005OrUsesTheGivenOptions() {
        assertEquals(List.of(), ForkCommand.debugOptions(null));
        assertEquals(List.of(), ForkCommand.debugOptions(" false "));
        assertEquals(List.of("-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=5005"),
                ForkCommand.debugOptions("true"), "what a bare -Dhpo.debug sets");
        assertEquals(List.of("-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=8000", "-Xmx1g"),
                ForkCommand.debugOptions("-agentlib:jdwp=transport=dt_socket,server=y,suspend=n,address=8000 -Xmx1g"));
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> ForkCommand.debugOptions("-Dname='open"));
        assertTrue(e.getMessage().contains("'-Dname='open'") && e.getMessage().contains("debug (hpo.debug)"),
                e.getMessage());
    }

    /** {@code java} would take the word for its main class, and the fork would die saying it cannot find it. */
    @Test
    void aDebugValueThatIsNeitherASwitchNorJvmOptionsIsRefused() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> ForkCommand.debugOptions("yes"));
        assertEquals("invalid value 'yes' for parameter debug (hpo.debug): allowed is true, false, or JVM options"
                + " starting with - and with balanced quotes", e.getMessage());
        assertEquals(List.of("-agentlib:jdwp=transport=dt_socket,server=y,suspend=y,address=5005"),
                ForkCommand.debugOptions("TRUE"));
    }
}
