package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestReporter;

/**
 * Plain Jupiter tests, which must keep running beside the objectives; one with parameters and a declared name, whose
 * case in surefire's XML the objectives' cases are compared with.
 */
class CalculatorTest {

    @Test
    void adds() {
        assertEquals(4, 2 + 2);
    }

    @Test
    void multiplies() {
        assertEquals(6, 2 * 3);
    }

    @Test
    @DisplayName("reports its own name")
    void reports(TestInfo info, TestReporter reporter) {
        assertEquals("reports its own name", info.getDisplayName());
    }
}
