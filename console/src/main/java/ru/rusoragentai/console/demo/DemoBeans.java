package ru.rusoragentai.console.demo;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * The demo generator's beans. Not a component, so scanning never finds them: {@link DemoSeeding} imports them for the
 * README run, {@link DemoDataCommand} for the bulk loads, and the demo's own test for itself.
 */
@Import({DemoDataService.class, DemoDataRepository.class, DemoWebhooks.class})
class DemoBeans {

    @Bean
    DemoDataProperties demoDataProperties(Environment environment) {
        return Binder.get(environment).bindOrCreate("console.demo", DemoDataProperties.class);
    }
}
