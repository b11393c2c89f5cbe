package dev.hpo.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DistributionTest {

    @Test
    void floatRejectsLowAboveHigh() {
        var e = assertThrows(IllegalArgumentException.class, () -> FloatDistribution.of(2, 1));
        assertTrue(e.getMessage().contains("low 2.0 > high 1.0"), e.getMessage());
    }

    @Test
    void floatLogNeedsPositiveLow() {
        var e = assertThrows(IllegalArgumentException.class, () -> FloatDistribution.log(0, 1));
        assertTrue(e.getMessage().contains("low > 0"), e.getMessage());
    }

    @Test
    void floatStepMustDivideRange() {
        var e = assertThrows(IllegalArgumentException.class, () -> FloatDistribution.stepped(0, 1, 0.3));
        assertEquals("step 0.3 does not divide the range [0.0, 1.0]; choose a high of 0.9 or another step",
                e.getMessage(), "the suggestion in short, not 3 * 0.3 = 0.8999999999999999");
        e = assertThrows(IllegalArgumentException.class, () -> FloatDistribution.stepped(0.1, 1, 0.2));
        assertTrue(e.getMessage().endsWith("choose a high of 0.9 or another step"), e.getMessage());
        assertEquals(11, FloatDistribution.stepped(0, 0.5, 0.05).gridSize());
    }

    @Test
    void floatLogAndStepExcludeEachOther() {
        assertThrows(IllegalArgumentException.class, () -> new FloatDistribution(1, 2, true, 0.5));
    }

    @Test
    void floatRoundSnapsToGridAndClamps() {
        FloatDistribution d = FloatDistribution.stepped(0, 1, 0.25);
        assertEquals(0.5, d.round(0.55), 1e-12);
        assertEquals(1.0, d.round(7), 1e-12);
        assertTrue(d.contains(0.75));
        assertFalse(d.contains(0.7));
    }

    @Test
    void intValidatesStepAndLog() {
        assertThrows(IllegalArgumentException.class, () -> IntDistribution.stepped(0, 10, 3));
        assertThrows(IllegalArgumentException.class, () -> new IntDistribution(1, 8, true, 2));
        var e = assertThrows(IllegalArgumentException.class, () -> IntDistribution.log(0, 8));
        assertTrue(e.getMessage().contains("low >= 1"), e.getMessage());
    }

    @Test
    void intExternalIsIntegerWhenBoundsFitAnInt() {
        assertEquals(Integer.valueOf(4), IntDistribution.of(0, 10).toExternal(4.0));
        assertEquals(Long.valueOf(4), IntDistribution.of(0, 10_000_000_000L).toExternal(4.0));
    }

    @Test
    void intContainsOnlyGridValues() {
        IntDistribution d = IntDistribution.stepped(0, 20, 2);
        assertTrue(d.contains(4));
        assertFalse(d.contains(5));
        assertFalse(d.contains(4.5));
        assertEquals(11, d.size());
        assertEquals(20, d.round(99));
    }

    @Test
    void categoricalRejectsEmptyAndDuplicateChoices() {
        assertThrows(IllegalArgumentException.class, () -> CategoricalDistribution.of(List.of()));
        assertThrows(IllegalArgumentException.class, () -> CategoricalDistribution.of(List.of("a", "a")));
    }

    @Test
    void categoricalMapsChoicesToIndicesIncludingNullAndNumbers() {
        CategoricalDistribution d = CategoricalDistribution.of(Arrays.asList("a", null, 1, true));
        assertEquals(1.0, d.toInternal(null));
        assertEquals(2.0, d.toInternal(1.0));
        assertEquals(true, d.toExternal(3));
        assertThrows(IllegalArgumentException.class, () -> d.toInternal("zzz"));
    }

    @Test
    void jsonRoundTripsEveryKindInOptunaForm() {
        List<Distribution> all = List.of(FloatDistribution.of(-5, 5), FloatDistribution.log(1e-5, 1),
                FloatDistribution.stepped(0, 1, 0.1), IntDistribution.log(8, 256), IntDistribution.stepped(0, 20, 2),
                CategoricalDistribution.of(Arrays.asList("relu", null, 1.5, true)));
        for (Distribution d : all) {
            assertEquals(d, DistributionJson.fromJson(DistributionJson.toJson(d)), d.toString());
        }
        assertEquals("{\"name\": \"IntDistribution\", \"attributes\": {\"log\": true, \"step\": 1, \"low\": 8, \"high\": 256}}",
                DistributionJson.toJson(IntDistribution.log(8, 256)));
    }

    @Test
    void jsonReadsLegacyOptunaNames() {
        assertEquals(FloatDistribution.log(0.1, 1), DistributionJson.fromJson(
                "{\"name\": \"LogUniformDistribution\", \"attributes\": {\"low\": 0.1, \"high\": 1.0}}"));
        assertEquals(IntDistribution.stepped(0, 10, 2), DistributionJson.fromJson(
                "{\"name\": \"IntUniformDistribution\", \"attributes\": {\"low\": 0, \"high\": 10, \"step\": 2}}"));
    }

    @Test
    void rangesAreEqualExactlyWhenEveryComponentIs() {
        List<FloatDistribution> floats = List.of(FloatDistribution.of(0, 1), FloatDistribution.of(0, 2),
                FloatDistribution.of(-1, 1), FloatDistribution.log(0.1, 1), FloatDistribution.stepped(0, 1, 0.5),
                FloatDistribution.stepped(0, 1, 0.25), new FloatDistribution(-0.0, 1, false, null));
        for (int i = 0; i < floats.size(); i++) {
            for (int j = 0; j < floats.size(); j++) {
                FloatDistribution a = floats.get(i);
                FloatDistribution copy = new FloatDistribution(a.low(), a.high(), a.log(), a.step());
                assertEquals(i == j, a.equals(floats.get(j)), a + " vs " + floats.get(j));
                assertEquals(a, copy);
                assertEquals(a.hashCode(), copy.hashCode());
            }
        }
        List<IntDistribution> ints = List.of(IntDistribution.of(0, 10), IntDistribution.of(0, 11),
                new IntDistribution(1, 10, true, 1), new IntDistribution(0, 10, false, 2));
        for (int i = 0; i < ints.size(); i++) {
            for (int j = 0; j < ints.size(); j++) {
                IntDistribution a = ints.get(i);
                assertEquals(i == j, a.equals(ints.get(j)), a + " vs " + ints.get(j));
                assertEquals(a.hashCode(), new IntDistribution(a.low(), a.high(), a.log(), a.step()).hashCode());
            }
        }
        assertNotEquals(FloatDistribution.of(0, 1), IntDistribution.of(0, 1));
    }

    private enum Kernel { RBF, LINEAR }

    @Test
    void categoricalChoicesAreEqualAsAStorageGivesThemBack() {
        assertEquals(CategoricalDistribution.of(List.of(1, 2)), CategoricalDistribution.of(List.of(1L, 2L)));
        assertEquals(CategoricalDistribution.of(List.of(1, 2)).hashCode(),
                CategoricalDistribution.of(List.of((short) 1, (byte) 2)).hashCode());
        assertEquals(CategoricalDistribution.of(List.of("a", "b")), CategoricalDistribution.of(List.of('a', 'b')));
        assertEquals(CategoricalDistribution.of(List.of("RBF", "LINEAR")),
                CategoricalDistribution.of(List.of(Kernel.RBF, Kernel.LINEAR)));
        assertEquals(CategoricalDistribution.of(List.of(0.1, 0.5)), CategoricalDistribution.of(List.of(0.1f, 0.5f)));
        assertNotEquals(CategoricalDistribution.of(List.of(1, 2)), CategoricalDistribution.of(List.of(1.0, 2.0)),
                "JSON tells 1 from 1.0");
        IllegalArgumentException same = assertThrows(IllegalArgumentException.class,
                () -> CategoricalDistribution.of(List.of(1, 1L)));
        assertTrue(same.getMessage().contains("equal once stored as JSON"), same.getMessage());
        assertTrue(CategoricalDistribution.of(Arrays.asList(null, true, 3, 2.5, "s", Kernel.RBF, 'c')).storable());
        assertFalse(CategoricalDistribution.of(List.of("a", new Object())).storable());
    }

    @Test
    void aValueThatDoesNotFitSaysWhetherItIsOutsideOffTheStepsOrNotWhole() {
        assertTrue(message(() -> IntDistribution.of(1, 5).toInternal(2.5)).contains("2.5 is not a whole number"));
        assertTrue(message(() -> IntDistribution.of(1, 5).toInternal(9)).contains("9 is outside int"));
        assertTrue(message(() -> IntDistribution.stepped(0, 10, 5).toInternal(3)).contains("3 is off the steps"));
        assertTrue(message(() -> FloatDistribution.stepped(0, 1, 0.1).toInternal(0.33)).contains("off the steps"));
        assertTrue(message(() -> FloatDistribution.of(0, 1).toInternal(5.0)).contains("5.0 is outside float"));
    }

    private static String message(org.junit.jupiter.api.function.Executable call) {
        return assertThrows(IllegalArgumentException.class, call).getMessage();
    }
}
