package dev.hpo.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.Direction;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamplersTest {

    private static final List<Direction> MIN = List.of(Direction.MINIMIZE);

    @Test
    void everyKnownNameBuildsASampler() {
        for (String name : Samplers.NAMES) {
            assertInstanceOf(Sampler.class, Samplers.byName(name, MIN, 1L), name);
            assertInstanceOf(Sampler.class, Samplers.byName(name, MIN, null), name);
        }
    }

    @Test
    void qmcNamesPickTheSequence() {
        assertEquals(QmcSampler.Type.SOBOL, ((QmcSampler) Samplers.byName("qmc", MIN, 1L)).type());
        assertEquals(QmcSampler.Type.SOBOL, ((QmcSampler) Samplers.byName("Sobol", MIN, 1L)).type());
        assertEquals(QmcSampler.Type.HALTON, ((QmcSampler) Samplers.byName("halton", MIN, 1L)).type());
        assertInstanceOf(BruteForceSampler.class, Samplers.byName("brute-force", MIN, 1L));
        assertInstanceOf(BruteForceSampler.class, Samplers.byName("bruteforce", MIN, 1L));
    }

    @Test
    void unknownNameIsRejectedWithTheKnownNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Samplers.byName("grid", MIN, 1L));
        assertTrue(e.getMessage().contains("'grid'") && e.getMessage().contains("halton"), e.getMessage());
    }
}
