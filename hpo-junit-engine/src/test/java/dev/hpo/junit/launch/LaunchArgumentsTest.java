package dev.hpo.junit.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LaunchArgumentsTest {

    @Test
    void optionsAreReadInAnyOrder() {
        LaunchArguments a = LaunchArguments.parse(List.of("--run-file", "r.properties", "--classes", "t/classes",
                "--config", "p.properties"));
        assertEquals(new LaunchArguments(Path.of("t/classes"), Path.of("p.properties"), Path.of("r.properties")), a);
    }

    @Test
    void tagExpressionsAndScannedJarsAreOptional() {
        LaunchArguments a = LaunchArguments.parse(List.of("--classes", "c", "--config", "p", "--run-file", "r",
                "--exclude-tags", "gpu | slow", "--scan", "a.jar", "--include-tags", "fast", "--scan", "b.jar"));
        assertEquals(new LaunchArguments(Path.of("c"), Path.of("p"), Path.of("r"), "fast", "gpu | slow",
                List.of(Path.of("a.jar"), Path.of("b.jar"))), a);
        assertEquals(List.of(Path.of("c"), Path.of("a.jar"), Path.of("b.jar")), a.roots());
    }

    @Test
    void missingOptionShowsTheUsage() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LaunchArguments.parse(List.of("--classes", "t")));
        assertTrue(e.getMessage().contains("usage: ForkedLauncher"), e.getMessage());
    }
}
