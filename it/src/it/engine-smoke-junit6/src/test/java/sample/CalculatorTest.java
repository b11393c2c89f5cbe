package sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.TestReporter;

/**
 * Plain Jupiter tests, which must keep running beside the objectives; one with parameters, whose case in surefire's
 * XML the objectives' cases are compared with.
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
    void reports(TestInfo info, TestReporter reporter) {
        assertEquals("reports(TestInfo, TestReporter)", info.getDisplayName());
    }
}
