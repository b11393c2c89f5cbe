package dev.hpo.junit.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.lang.reflect.Method;
import org.junit.jupiter.api.Test;

class ParameterNamesTest {

    @SuppressWarnings("unused")
    static double wide(long first, double second, int third, String fourth) {
        return 0;
    }

    @SuppressWarnings("unused")
    double instance(double alpha, long beta, boolean gamma) {
        return 0;
    }

    private static Method method(String name) {
        for (Method m : ParameterNamesTest.class.getDeclaredMethods()) {
            if (m.getName().equals(name)) {
                return m;
            }
        }
        throw new AssertionError(name);
    }

    @Test
    void testsAreCompiledWithoutParameterNamesSoTheClassFileIsRead() {
        assertFalse(method("wide").getParameters()[0].isNamePresent());
    }

    @Test
    void namesOfAStaticMethodWithTwoSlotParametersComeFromTheLocalVariableTable() {
        assertArrayEquals(new String[] {"first", "second", "third", "fourth"},
                ParameterNames.of(method("wide")).orElseThrow());
    }

    @Test
    void namesOfAnInstanceMethodSkipThis() {
        assertArrayEquals(new String[] {"alpha", "beta", "gamma"}, ParameterNames.of(method("instance")).orElseThrow());
    }

    @Test
    void descriptorIsTheJvmOne() {
        assertEquals("(JDILjava/lang/String;)D", ParameterNames.descriptor(method("wide")));
    }
}
