package ru.rusoragentai.console.demo;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;

/** The README run: an empty database gets the small demo set at start ({@link DemoSeeding} says when). */
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
        demoData.generateIfEmpty(properties);
    }
}
