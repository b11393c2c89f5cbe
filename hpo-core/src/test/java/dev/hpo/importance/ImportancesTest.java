package dev.hpo.importance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.hpo.Direction;
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
}
