package sample;

import dev.hpo.junit.FloatRange;
import dev.hpo.junit.Objective;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.condition.DisabledForJreRange;
import org.junit.jupiter.api.condition.DisabledIf;
import org.junit.jupiter.api.condition.JRE;

/**
 * Objectives under the conditions of their Jupiter twin ConditionsJupiterTest: the first condition declared gives the
 * reason, and the disabled @Nested class is skipped as a whole, as Jupiter does. What runs is written to
 * target/conditions-calls.txt.
 */
class ConditionsTuningTest {

    static boolean yes() {
        return true;
    }

    static void record(String line) throws IOException {
        Files.writeString(Path.of("target", "conditions-calls.txt"), line + "\n", StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    @Objective(trials = 3)
    static double always(@FloatRange(min = 0, max = 1) double x) throws IOException {
        record("always x=" + x);
        return x;
    }

    @Objective(trials = 3)
    @DisabledIf(value = "yes", disabledReason = "method: if, declared first")
    @DisabledForJreRange(min = JRE.JAVA_8, disabledReason = "method: jre, declared second")
    static double twice(@FloatRange(min = 0, max = 1) double x) throws IOException {
        record("twice x=" + x);
        return x;
    }

    @Nested
    @DisabledIf(value = "sample.ConditionsTuningTest#yes", disabledReason = "class: if, declared first")
    @DisabledForJreRange(min = JRE.JAVA_8, disabledReason = "class: jre, declared second")
    class Off {

        @BeforeEach
        void setUp() throws IOException {
            record("Off beforeEach");
        }

        @Objective(trials = 3)
        double never(@FloatRange(min = 0, max = 1) double x) throws IOException {
            record("never x=" + x);
            return x;
        }
    }
}
