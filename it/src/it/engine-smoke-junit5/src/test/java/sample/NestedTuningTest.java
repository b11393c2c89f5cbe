package sample;

import dev.hpo.junit.FloatRange;
import dev.hpo.junit.Objective;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;

/** An objective in a @Nested class, on an instance inside one of this class, set up by both @BeforeEach methods. */
class NestedTuningTest {

    double offset;

    @BeforeEach
    void setUp() {
        offset = 10;
    }

    @Nested
    class Shifted {

        double scale;

        @BeforeEach
        void setUp() {
            scale = 2;
        }

        @Objective(trials = 5)
        @DisplayName("a shifted bowl")
        double bowl(@FloatRange(min = -4, max = 6) double x) throws IOException {
            Files.writeString(Path.of("target", "nested-calls.txt"), "x=" + x + " offset=" + offset + " scale=" + scale
                    + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return scale * (x - 1) * (x - 1) + offset;
        }
    }
}
