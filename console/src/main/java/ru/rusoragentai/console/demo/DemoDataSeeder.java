package ru.rusoragentai.console.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** The README run: an empty database gets the small demo set at start when console.demo.seed-on-empty is on. */
@Component
@Order(10)
class DemoDataSeeder implements ApplicationRunner {

    private final DemoDataService demoData;
    private final DemoDataProperties properties;

    DemoDataSeeder(DemoDataService demoData, DemoDataProperties properties) {
        this.demoData = demoData;
        this.properties = properties;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (properties.seedOnEmpty()) {
            demoData.generateIfEmpty(properties);
        }
    }
}
