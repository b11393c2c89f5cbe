package dev.hpo.sampler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.Direction;
import java.util.List;
import org.junit.jupiter.api.Test;

class SamplersTest {

    private static final List<Direction> ONE = List.of(Direction.MINIMIZE);
    private static final List<Direction> TWO = List.of(Direction.MINIMIZE, Direction.MAXIMIZE);

    @Test
    void everyKnownNameBuildsASampler() {
        for (String name : Samplers.NAMES) {
            assertInstanceOf(Sampler.class, Samplers.byName(name, ONE, 1L), name);
            assertInstanceOf(Sampler.class, Samplers.byName(name, ONE, null), name);
        }
    }

    @Test
    void defaultIsAutoForOneObjectiveAndTpeForSeveral() {
        assertInstanceOf(AutoSampler.class, Samplers.createDefault(ONE, 1L));
        assertInstanceOf(TpeSampler.class, Samplers.createDefault(TWO, 1L));
        assertInstanceOf(TpeSampler.class, Samplers.createDefault(TWO, null));
        assertInstanceOf(AutoSampler.class, Samplers.byName("auto", ONE, null));
    }

    @Test
    void tpeNamesAreKnown() {
        assertInstanceOf(TpeSampler.class, Samplers.byName("tpe", ONE, 3L));
        assertInstanceOf(TpeSampler.class, Samplers.byName("TPE-Independent", ONE, 3L));
    }

    @Test
    void qmcNamesPickTheSequence() {
        assertEquals(QmcSampler.Type.SOBOL, ((QmcSampler) Samplers.byName("qmc", ONE, 1L)).type());
        assertEquals(QmcSampler.Type.SOBOL, ((QmcSampler) Samplers.byName("Sobol", ONE, 1L)).type());
        assertEquals(QmcSampler.Type.HALTON, ((QmcSampler) Samplers.byName("halton", ONE, 1L)).type());
        assertInstanceOf(BruteForceSampler.class, Samplers.byName("brute-force", ONE, 1L));
        assertInstanceOf(BruteForceSampler.class, Samplers.byName("bruteforce", ONE, 1L));
    }

    @Test
    void unknownNameIsRejectedWithTheKnownNames() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Samplers.byName("grid", ONE, 1L));
        assertTrue(e.getMessage().contains("'grid'") && e.getMessage().contains("halton")
                && e.getMessage().contains("tpe-independent"), e.getMessage());
    }
}
