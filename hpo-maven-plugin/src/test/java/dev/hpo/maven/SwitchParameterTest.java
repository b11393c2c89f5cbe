package dev.hpo.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A switch takes true or false as Maven users type them, and refuses the rest, which Maven's converter took for false.
 */
class SwitchParameterTest {

    private static String refusal(SwitchParameter parameter, String text) {
        return assertThrows(InvalidParameterException.class, () -> parameter.parse(text)).getMessage();
    }

    @Test
    void trueAndFalseAreTakenInAnyCaseWithTheWhiteSpaceAroundThemIgnored() {
        assertTrue(AbstractHpoMojo.SKIP.parse("true"), "what a bare -Dhpo.skip sets");
        assertTrue(AbstractHpoMojo.SKIP.parse("TRUE"));
        assertTrue(AbstractHpoMojo.SKIP.parse(" True "));
        assertFalse(OptimizeMojo.FAIL_ON_THRESHOLD.parse("false"));
        assertFalse(OptimizeMojo.FAIL_ON_THRESHOLD.parse("FALSE"));
    }

    @Test
    void anyOtherWordNamesTheParameterAndTheAllowedValues() {
        assertEquals("invalid value 'maybe' for parameter skip (hpo.skip): allowed is true or false",
                refusal(AbstractHpoMojo.SKIP, "maybe"));
        assertEquals("invalid value 'flase' for parameter failOnThreshold (hpo.failOnThreshold): allowed is true or"
                + " false", refusal(OptimizeMojo.FAIL_ON_THRESHOLD, "flase"));
        assertEquals("invalid value 'yes' for parameter failIfNoObjectives (hpo.failIfNoObjectives): allowed is true"
                + " or false", refusal(OptimizeMojo.FAIL_IF_NO_OBJECTIVES, "yes"));
        assertEquals("invalid value '1' for parameter skip (hpo.skip): allowed is true or false",
                refusal(AbstractHpoMojo.SKIP, "1"));
    }

    @Test
    void emptyTextIsRefusedNotTakenForFalse() {
        assertEquals("invalid value '' for parameter failOnThreshold (hpo.failOnThreshold): allowed is true or false",
                refusal(OptimizeMojo.FAIL_ON_THRESHOLD, ""));
    }

    @Test
    void anUnsetSwitchHasItsDefault() {
        assertFalse(AbstractHpoMojo.SKIP.parse(null));
        assertTrue(OptimizeMojo.FAIL_ON_THRESHOLD.parse(null));
    }
}
