package dev.hpo.importance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hpo.space.CategoricalDistribution;
import dev.hpo.space.FloatDistribution;
import dev.hpo.space.IntDistribution;
import java.util.List;
import org.junit.jupiter.api.Test;

/** PED-ANOVA's bins per parameter, counted as Optuna's {@code _get_grids_and_grid_indices_of_trials} counts them. */
class ParamGridTest {

    @Test
    void binsAreOnePerValueWhereTheValuesAreFewAndLog2OfTheRangePlusOneForALogInteger() {
        assertEquals(11, ParamGrid.of(FloatDistribution.stepped(0, 1, 0.1), 50).size());
        assertEquals(50, ParamGrid.of(FloatDistribution.stepped(0, 100, 0.5), 50).size());
        assertEquals(11, ParamGrid.of(IntDistribution.log(1, 1024), 50).size());
        assertEquals(10, ParamGrid.of(IntDistribution.of(1, 10), 50).size());
        assertEquals(50, ParamGrid.of(IntDistribution.of(1, 1000), 50).size());
        assertEquals(50, ParamGrid.of(FloatDistribution.of(0, 1), 50).size());
        assertEquals(3, ParamGrid.of(CategoricalDistribution.of(List.of("a", "b", "c")), 50).size());
    }
}
