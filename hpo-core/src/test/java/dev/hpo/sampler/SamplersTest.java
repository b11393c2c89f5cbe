package dev.hpo.sampler;

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
    void defaultIsTpeForOneObjectiveAndRandomForSeveral() {
        assertInstanceOf(TpeSampler.class, Samplers.createDefault(ONE, 1L));
        assertInstanceOf(RandomSampler.class, Samplers.createDefault(TWO, 1L));
        assertInstanceOf(TpeSampler.class, Samplers.byName("auto", ONE, null));
    }

    @Test
    void tpeNamesAreKnown() {
        assertInstanceOf(TpeSampler.class, Samplers.byName("tpe", ONE, 3L));
        assertInstanceOf(TpeSampler.class, Samplers.byName("TPE-Independent", ONE, 3L));
        assertTrue(Samplers.NAMES.containsAll(List.of("tpe", "tpe-independent")));
    }

    @Test
    void unknownNameListsTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Samplers.byName("tpee", ONE, null));
        assertTrue(e.getMessage().contains("tpe-independent"), e.getMessage());
    }
}
