package dev.hpo.importance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.hpo.Direction;
import dev.hpo.Study;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportancesTest {

    @Test
    void defaultEvaluatorIsPedAnova() {
        assertInstanceOf(PedAnovaImportance.class, Importances.defaultEvaluator());
    }

    @Test
    void ofStudyUsesTheDefaultEvaluator() {
        var study = SyntheticStudies.dominantX(50, Direction.MINIMIZE);
        assertEquals(new PedAnovaImportance().evaluate(study), Importances.of(study));
    }

    @Test
    void aStudyWithOneCompletedTrialGetsEqualSharesAsInOptuna() {
        Study study = Study.builder().build();
        study.optimize(t -> t.suggestFloat("x", 0, 1) + t.suggestInt("n", 0, 3), 1);
        assertEquals(Map.of("n", 0.5, "x", 0.5), Importances.of(study));
    }
}
