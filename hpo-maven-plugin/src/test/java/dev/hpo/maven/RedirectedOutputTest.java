package dev.hpo.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RedirectedOutputTest {

    @Test
    void onlyTheObjectivesOwnLinesAreRedirected() {
        for (String hpo : List.of("[hpo] Tuning.accuracy trial 1/20  value 0.9", "[hpo:started] 3 Tuning.accuracy",
                "WARNING: study Tuning.accuracy: trial 3 failed", "SEVERE: bad tag expression")) {
            assertFalse(RedirectedOutput.isObjectiveOutput(hpo), hpo);
        }
        for (String own : List.of("epoch 3 loss 0.41", "", "   at sample.Tuning.accuracy(Tuning.java:12)")) {
            assertTrue(RedirectedOutput.isObjectiveOutput(own), own);
        }
    }

    @Test
    void eachRunReplacesThePreviousRunsFile(@TempDir Path dir) throws IOException {
        try (RedirectedOutput first = RedirectedOutput.in(dir.resolve("reports"))) {
            assertTrue(first.write("epoch 1").isEmpty());
            assertTrue(first.write("epoch 2").isEmpty());
            assertEquals(2, first.lines());
        }
        Path file = dir.resolve("reports").resolve(RedirectedOutput.FILE_NAME);
        assertEquals(List.of("epoch 1", "epoch 2"), Files.readAllLines(file));
        try (RedirectedOutput second = RedirectedOutput.in(dir.resolve("reports"))) {
            assertFalse(Files.exists(file), "a run without output leaves no stale file");
            assertEquals(0, second.lines());
        }
    }

    @Test
    void aFileThatCannotBeWrittenSaysSoAndTakesNothing(@TempDir Path dir) throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("reports"), "a file where the directory should be");
        try (RedirectedOutput output = RedirectedOutput.in(notADirectory)) {
            assertTrue(output.write("epoch 1").isPresent());
            assertEquals(0, output.lines());
        }
    }
}
