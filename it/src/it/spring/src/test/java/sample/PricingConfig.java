package sample;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The application's beans as a test would configure them. */
@Configuration
class PricingConfig {

    @Bean
    DemandModel demandModel() {
        return new DemandModel(100.0);
    }

    @Bean
    Costs costs() {
        return new Costs(4.0);
    }
}
