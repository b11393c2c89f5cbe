package sample;

import dev.hpo.junit.FloatRange;
import dev.hpo.junit.Objective;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A Jupiter extension of the project's own on an objective class, on JUnit 5.10.5's extension API: it keeps a
 * resource in the class's store (closed when the class ends), sees each trial's test (named by the project's own
 * display name generator), and resolves a parameter.
 */
@ExtendWith(SeededTuningTest.Seeds.class)
@DisplayNameGeneration(Labels.class)
class SeededTuningTest {

    static class Seeds implements BeforeAllCallback, BeforeEachCallback, ParameterResolver {

        @Override
        public void beforeAll(ExtensionContext context) {
            ExtensionContext.Store.CloseableResource closing = () -> record("closed "
                    + context.getRequiredTestClass().getSimpleName());
            context.getStore(ExtensionContext.Namespace.GLOBAL).put("closing", closing);
            record("beforeAll " + context.getConfigurationParameter("hpo.mode").orElse("smoke by default"));
        }

        @Override
        public void beforeEach(ExtensionContext context) {
            record("beforeEach " + context.getDisplayName() + " on " + context.getRequiredTestMethod().getName());
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == Random.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return new Random(42);
        }
    }

    @Objective(trials = 10)
    double noisy(@FloatRange(min = 0, max = 1) double x, Random random) {
        double noise = random.nextDouble();
        record("noisy x=" + x + " noise=" + noise);
        return x + noise;
    }

    static void record(String call) {
        try {
            Files.writeString(Path.of("target", "extension-calls.txt"), call + "\n", StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
