package ru.rusoragentai.console.demo;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The one switch for demo data: {@code console.demo.seed-on-empty}, off unless set. The development run
 * ({@code spring-boot:run}, console/pom.xml) and bench/screens.sh set it; a production start leaves it off, and then
 * this configuration is skipped on its annotations alone, so no demo class is loaded.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("console.demo.seed-on-empty")
@Import({DemoBeans.class, DemoDataSeeder.class})
class DemoSeeding {
}
