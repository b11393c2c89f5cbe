package sample;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledForJreRange;
import org.junit.jupiter.api.condition.DisabledIf;
import org.junit.jupiter.api.condition.JRE;

/**
 * The Jupiter twin of ConditionsTuningTest: the same conditions on a test and on a @Nested class, so that
 * verify.groovy can compare what surefire reports for both engines.
 */
class ConditionsJupiterTest {

    static boolean yes() {
        return true;
    }

    @Test
    void always() {
    }

    @Test
    @DisabledIf(value = "yes", disabledReason = "method: if, declared first")
    @DisabledForJreRange(min = JRE.JAVA_8, disabledReason = "method: jre, declared second")
    void twice() {
    }

    @Nested
    @DisabledIf(value = "sample.ConditionsJupiterTest#yes", disabledReason = "class: if, declared first")
    @DisabledForJreRange(min = JRE.JAVA_8, disabledReason = "class: jre, declared second")
    class Off {

        @Test
        void never() {
        }
    }
}
