package sample;

import dev.hpo.Direction;
import dev.hpo.junit.FloatRange;
import dev.hpo.junit.Objective;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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
        Files.writeString(Path.of("target", "beans.txt"), System.identityHashCode(demand) + "\n",
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return (price - costs.perUnit()) * demand.unitsAt(price);
    }
}
