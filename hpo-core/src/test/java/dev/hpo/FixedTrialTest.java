package dev.hpo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hpo.sampler.TpeSampler;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Trial#fixed}: an objective run outside a study, every suggestion answered from given values. */
class FixedTrialTest {

    private static double objective(Trial t) {
        double lr = t.suggestFloat("lr", 1e-4, 1, true);
        int layers = t.suggestInt("layers", 1, 8);
        String optimizer = t.suggestCategorical("optimizer", List.of("sgd", "adam"));
        double loss = Math.pow(Math.log10(lr) + 2, 2) + Math.abs(layers - 3) + (optimizer.equals("adam") ? 0 : 1);
        t.report(0, loss * 2);
        t.setUserAttr("layers seen", layers);
        return loss;
    }

    @Test
    void theBestParametersOfAStudyGiveItsBestValueAgain() throws Exception {
        Study study = Study.builder().sampler(new TpeSampler(4)).build();
        study.optimize(FixedTrialTest::objective, 30);
        Trial fixed = Trial.fixed(study.bestParams());
        assertEquals(study.bestValue(), objective(fixed));
        assertEquals(study.bestParams(), fixed.params());
        assertEquals(Map.of("layers seen", study.bestParams().get("layers")), fixed.userAttrs());
        assertEquals(Map.of(0, 2 * study.bestValue()), fixed.snapshot().intermediateValues());
        assertFalse(fixed.shouldPrune());
        assertEquals(0, fixed.number());
    }

    @Test
    void valuesComeBackAsTheSuggestionAsksAndTheSameNameGivesTheSameValue() {
        Trial fixed = Trial.fixed(Map.of("x", 2, "n", 3.0, "kind", "b"));
        assertEquals(2.0, fixed.suggestFloat("x", 0, 5));
        assertEquals(3, fixed.suggestInt("n", 1, 10));
        assertEquals("b", fixed.suggestCategorical("kind", List.of("a", "b")));
        assertEquals(2.0, fixed.suggestFloat("x", 0, 5));
    }

    @Test
    void aNameWithoutValueOrAValueOutsideItsRangeIsAnErrorNamingTheParameter() {
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> Trial.fixed(Map.of("x", 1.0)).suggestInt("depth", 1, 4));
        assertTrue(missing.getMessage().contains("'depth'") && missing.getMessage().contains("[x]"), missing::getMessage);
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class,
                () -> Trial.fixed(Map.of("x", 7.5)).suggestFloat("x", 0, 5));
        assertTrue(outside.getMessage().contains("'x'") && outside.getMessage().contains("7.5"), outside::getMessage);
        java.util.Map<String, Object> withNull = new java.util.HashMap<>();
        withNull.put("depth", null);
        IllegalArgumentException nullValue = assertThrows(IllegalArgumentException.class,
                () -> Trial.fixed(withNull).suggestInt("depth", 1, 4));
        assertTrue(nullValue.getMessage().contains("'depth'") && nullValue.getMessage().contains("null"),
                nullValue::getMessage);
        assertEquals(null, Trial.fixed(withNull).suggestCategorical("depth", java.util.Arrays.asList(3, null)),
                "null is a choice like any other");
        assertThrows(IllegalArgumentException.class, () -> Trial.fixed(null));
    }
}
