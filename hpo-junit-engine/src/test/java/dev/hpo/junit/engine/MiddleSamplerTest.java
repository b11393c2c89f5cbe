package dev.hpo.junit.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.hpo.space.CategoricalDistribution;
import dev.hpo.space.FloatDistribution;
import dev.hpo.space.IntDistribution;
import java.util.List;
import org.junit.jupiter.api.Test;

class MiddleSamplerTest {

    @Test
    void middleOfAFloatRangeIsItsCentre() {
        assertEquals(2.5, MiddleSampler.middle(FloatDistribution.of(0, 5)));
    }

    @Test
    void middleOfALogRangeIsTheGeometricMiddle() {
        assertEquals(1e-2, MiddleSampler.middle(FloatDistribution.log(1e-4, 1)), 1e-15);
        assertEquals(100, MiddleSampler.middle(IntDistribution.log(10, 1000)));
    }

    @Test
    void middleOfASteppedRangeIsOnTheGrid() {
        assertEquals(0.2, MiddleSampler.middle(FloatDistribution.stepped(0, 0.5, 0.1)), 1e-12);
        assertEquals(40, MiddleSampler.middle(IntDistribution.stepped(0, 80, 20)));
    }

    @Test
    void middleOfAChoiceIsTheFirstChoice() {
        assertEquals(0, MiddleSampler.middle(CategoricalDistribution.of(List.of("b", "a"))));
    }
}
