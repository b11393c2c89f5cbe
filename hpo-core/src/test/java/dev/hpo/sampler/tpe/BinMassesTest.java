package dev.hpo.sampler.tpe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BinMassesTest {

    @Test
    void keptMassIsFoundByItsKernelAndValue() {
        BinMasses kept = new BinMasses();
        kept.put(0.25, 0.01, 3.0, -1.5, 0.999);
        int at = kept.find(0.25, 0.01, 3.0);
        assertEquals(-1.5, kept.value(at));
        assertEquals(0.999, kept.factor(at));
    }

    @Test
    void massOfAnotherSigmaMuOrValueIsNotFound() {
        BinMasses kept = new BinMasses();
        kept.put(0.25, 0.01, 3.0, -1.5, 1);
        assertEquals(-1, kept.find(0.25, Math.nextUp(0.01), 3.0));
        assertEquals(-1, kept.find(Math.nextUp(0.25), 0.01, 3.0));
        assertEquals(-1, kept.find(0.25, 0.01, 4.0));
    }

    @Test
    void manyMassesAreKeptThroughGrowthAndTheTableStartsAfreshWhenFull() {
        BinMasses kept = new BinMasses();
        for (int i = 0; i < 8192; i++) {
            kept.put(i * 0.5, 0.02, 1.0, -i, 1);
        }
        for (int i = 0; i < 8192; i++) {
            assertEquals(-i, kept.value(kept.find(i * 0.5, 0.02, 1.0)));
        }
        kept.put(-1, 0.02, 1.0, 7, 1);
        assertEquals(-1, kept.find(0, 0.02, 1.0));
        assertEquals(7, kept.value(kept.find(-1, 0.02, 1.0)));
    }
}
