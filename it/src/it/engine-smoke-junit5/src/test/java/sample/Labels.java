package sample;

import java.lang.reflect.Method;
import org.junit.jupiter.api.DisplayNameGenerator;

/** A display name generator of the project's own, on JUnit 5.10.5's interface (no enclosing classes passed). */
public class Labels implements DisplayNameGenerator {

    @Override
    public String generateDisplayNameForClass(Class<?> testClass) {
        return "class " + testClass.getSimpleName();
    }

    @Override
    public String generateDisplayNameForNestedClass(Class<?> nestedClass) {
        return "nested " + nestedClass.getSimpleName();
    }

    @Override
    public String generateDisplayNameForMethod(Class<?> testClass, Method testMethod) {
        return "tuned " + testMethod.getName() + " of " + generateDisplayNameForClass(testClass);
    }
}
