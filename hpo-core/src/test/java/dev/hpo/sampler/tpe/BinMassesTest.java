package dev.hpo.sampler.tpe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BinMassesTest {

    @Test
    void keptMassIsFoundByGridValueAndPair() {
        BinMasses kept = new BinMasses();
        kept.row(3.0).put(2, -1.5, 0.999);
        BinMasses.Row row = kept.row(3.0);
        assertTrue(row.has(2));
        assertEquals(-1.5, row.value(2));
        assertEquals(0.999, row.factor(2));
        assertFalse(row.has(1));
        assertFalse(kept.row(4.0).has(2));
    }

    @Test
    void renumberingMovesMassesToTheNewPairIndicesAndDropsUnusedPairs() {
        BinMasses kept = new BinMasses();
        BinMasses.Row row = kept.row(1.0);
        row.put(0, -1, 1);
        row.put(1, -2, 1);
        row.put(2, -3, 0.5);
        kept.renumber(new int[] {-1, 1, 0}, 2);
        assertSame(row, kept.row(1.0));
        assertEquals(-3, row.value(0));
        assertEquals(0.5, row.factor(0));
        assertEquals(-2, row.value(1));
        assertFalse(row.has(2));
    }

    @Test
    void clearForgetsEveryMass() {
        BinMasses kept = new BinMasses();
        kept.row(1.0).put(0, -1, 1);
        kept.clear();
        assertFalse(kept.row(1.0).has(0));
    }
}
