package dev.hpo.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hpo.Direction;
import dev.hpo.FrozenTrial;
import dev.hpo.TrialState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StepSummaryTest {

    private static StudyOutcome study(String name, Double threshold, double best, int complete) {
        FrozenTrial trial = new FrozenTrial(4, 4, TrialState.COMPLETE, List.of(best), Map.of("kernel", "rbf|linear"),
                null, null, null, null, null, null);
        return new StudyOutcome(name, List.of(Direction.MAXIMIZE), threshold == null ? List.of() : List.of(threshold),
                complete == 0 ? null : trial, List.of(), complete, 1, 0, Duration.ofSeconds(3), List.of(), null,
                List.of());
    }

    @Test
    void theSummaryTableInMarkdownWithEachStudysVerdict(@TempDir Path dir) throws Exception {
        String md = StepSummary.markdown("app_1", List.of(study("Tuning.good", 0.9, 0.95, 5),
                study("Tuning.weak", 0.99, 0.95, 5), study("Tuning.free", null, 0.95, 5),
                study("Tuning.none", 0.9, 0.95, 0)));
        assertEquals("""
                ### hpo:optimize: app\\_1

                | study | gate | direction | best | trial | complete | pruned | failed | time | best parameters |
                |---|---|---|---|---|---|---|---|---|---|
                | Tuning.good | ✅ reached 0.9 (maximize) | maximize | 0.95 | #4 | 5 | 1 | 0 | 3.0 s | kernel=rbf\\|linear |
                | Tuning.weak | ❌ missed 0.99 (maximize) | maximize | 0.95 | #4 | 5 | 1 | 0 | 3.0 s | kernel=rbf\\|linear |
                | Tuning.free | no threshold | maximize | 0.95 | #4 | 5 | 1 | 0 | 3.0 s | kernel=rbf\\|linear |
                | Tuning.none | ❌ no result | maximize | - | - | 0 | 1 | 0 | 3.0 s | - |

                """, md);
        Path file = dir.resolve("summary.md");
        StepSummary.append(file, "earlier step\n");
        StepSummary.append(file, md);
        assertEquals("earlier step\n" + md, Files.readString(file));
    }
}
