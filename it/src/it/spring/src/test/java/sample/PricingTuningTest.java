package sample;

import dev.hpo.Direction;
import dev.hpo.junit.FloatRange;
import dev.hpo.junit.Objective;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Nested;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * Tunes a price against the application's own beans: Spring's extension injects the demand model into a field and the
 * costs into the objective's parameter. Each trial records which bean it saw, for verify.groovy.
 */
@SpringJUnitConfig(PricingConfig.class)
class PricingTuningTest {

    @Autowired
    DemandModel demand;

    @Objective(direction = Direction.MAXIMIZE, trials = 8)
    double profit(@FloatRange(min = 4, max = 20) double price, @Autowired Costs costs) throws IOException {
        record("outer", demand);
        return (price - costs.perUnit()) * demand.unitsAt(price);
    }

    static void record(String who, Object bean) throws IOException {
        Files.writeString(Path.of("target", "beans.txt"), who + " " + System.identityHashCode(bean) + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * The same pricing with a shipping charge per unit: a nested class inherits the enclosing class's Spring
     * configuration, so its own field gets a bean of the same application context, beside the enclosing instance's.
     */
    @Nested
    class WithShipping {

        @Autowired
        Costs costs;

        @Objective(direction = Direction.MAXIMIZE, trials = 4)
        double profit(@FloatRange(min = 4, max = 20) double price) throws IOException {
            record("nested", demand);
            return (price - costs.perUnit() - 1) * demand.unitsAt(price);
        }
    }
}
