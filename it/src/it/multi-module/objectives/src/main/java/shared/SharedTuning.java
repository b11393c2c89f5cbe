package shared;

import dev.hpo.junit.IntRange;
import dev.hpo.junit.Objective;
import org.junit.jupiter.api.Tag;

/** An objective shipped in a jar, for the projects that use it to tune. */
@Tag("shared")
public class SharedTuning {

    @Objective(trials = 3, seed = 5)
    public double bowl(@IntRange(min = -5, max = 5) int k) {
        return (k - 2) * (k - 2);
    }
}
