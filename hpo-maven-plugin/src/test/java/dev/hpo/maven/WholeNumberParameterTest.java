package dev.hpo.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/**
 * Every kind of bad text a user may give a whole-number parameter fails with the sentence naming the parameter, its
 * property, the text and what is allowed, where Maven's converter said {@code Cannot convert '0.5' to int}.
 */
class WholeNumberParameterTest {

    private static final String TRIALS_ALLOWED = "allowed is an integer of at least 1, or -1 (no limit) together with"
            + " hpo.timeout or @Objective(timeout)";

    private static String refusal(WholeNumberParameter parameter, String text) {
        return assertThrows(InvalidParameterException.class, () -> parameter.parse(text)).getMessage();
    }

    @Test
    void aFractionNamesTheParameterItsPropertyAndTheAllowedValues() {
        assertEquals("invalid value '0.5' for parameter trials (hpo.trials): " + TRIALS_ALLOWED,
                refusal(OptimizeParameters.TRIALS, "0.5"));
        assertEquals("invalid value '20.0' for parameter trials (hpo.trials): " + TRIALS_ALLOWED,
                refusal(OptimizeParameters.TRIALS, "20.0"));
    }

    @Test
    void aWordIsRefused() {
        assertEquals("invalid value 'ten' for parameter trials (hpo.trials): " + TRIALS_ALLOWED,
                refusal(OptimizeParameters.TRIALS, "ten"));
        assertEquals("invalid value '1e3' for parameter timeout (hpo.timeout): allowed is an integer of at least 1",
                refusal(OptimizeParameters.TIMEOUT, "1e3"));
    }

    @Test
    void emptyTextIsRefusedNotTakenForUnset() {
        assertEquals("invalid value '' for parameter trials (hpo.trials): " + TRIALS_ALLOWED,
                refusal(OptimizeParameters.TRIALS, ""));
        assertEquals("invalid value ' ' for parameter forkTimeout (hpo.forkTimeout): allowed is 0 (no limit) or a"
                + " whole number of seconds", refusal(OptimizeMojo.FORK_TIMEOUT, " "));
    }

    @Test
    void aNumberOutOfTheParametersRangeIsRefused() {
        assertEquals("invalid value '0' for parameter trials (hpo.trials): " + TRIALS_ALLOWED,
                refusal(OptimizeParameters.TRIALS, "0"));
        assertEquals("invalid value '-2' for parameter trials (hpo.trials): " + TRIALS_ALLOWED,
                refusal(OptimizeParameters.TRIALS, "-2"));
        assertEquals("invalid value '-1' for parameter reportInterval (hpo.reportInterval): allowed is 0 (no redraws"
                + " while the trials run) or a whole number of seconds", refusal(OptimizeMojo.REPORT_INTERVAL, "-1"));
        assertEquals("invalid value '-1' for parameter patience (hpo.patience): allowed is an integer of at least 0",
                refusal(OptimizeParameters.PATIENCE, "-1"));
    }

    @Test
    void aNumberTooLargeForTheParameterSaysTheLargestAllowed() {
        assertEquals("invalid value '3000000000' for parameter trials (hpo.trials): the largest allowed is 2147483647",
                refusal(OptimizeParameters.TRIALS, "3000000000"));
        assertEquals("invalid value '9223372036854775808' for parameter seed (hpo.seed): the largest allowed is"
                + " 9223372036854775807", refusal(OptimizeParameters.SEED, "9223372036854775808"));
        assertEquals("invalid value '-9223372036854775809' for parameter seed (hpo.seed): allowed is an integer from"
                + " -9223372036854775808 to 9223372036854775807",
                refusal(OptimizeParameters.SEED, "-9223372036854775809"));
    }

    @Test
    void aWholeNumberInRangeIsReadWithTheWhiteSpaceAroundItIgnored() {
        assertEquals(40, OptimizeParameters.TRIALS.parseInt(" 40 "));
        assertEquals(-1, OptimizeParameters.TRIALS.parseInt("-1"));
        assertEquals(0, OptimizeMojo.FORK_TIMEOUT.parseInt("0"));
        assertEquals(Long.MIN_VALUE, OptimizeParameters.SEED.parse("-9223372036854775808"));
    }

    @Test
    void anUnsetParameterHasNoValue() {
        assertNull(OptimizeParameters.TRIALS.parseInt(null));
        assertNull(OptimizeParameters.SEED.parse(null));
    }

    @Test
    void aTypedValueIsCheckedAgainstTheSameRange() {
        InvalidParameterException e = assertThrows(InvalidParameterException.class,
                () -> OptimizeParameters.PARALLELISM.check(0));
        assertEquals("invalid value '0' for parameter parallelism (hpo.parallelism): allowed is an integer of at"
                + " least 1, or -1 for one trial per processor", e.getMessage());
        OptimizeParameters.PARALLELISM.check(null);
        OptimizeParameters.PARALLELISM.check(-1);
    }
}
