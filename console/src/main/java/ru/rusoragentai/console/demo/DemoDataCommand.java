package ru.rusoragentai.console.demo;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import ru.rusoragentai.console.ConsoleApplication;

/**
 * Command-line generator for large data sets, e.g. the 1M-user / 50M-event benchmark set:
 * <pre>
 * ./mvnw -B -q -pl console -am spring-boot:run -Dconsole.main-class=ru.rusoragentai.console.demo.DemoDataCommand \
 *   -Dspring-boot.run.arguments="--console.demo.users=1000000 --console.demo.usage-events=50000000"
 * </pre>
 * Starts the application context without the web server, migrates, loads, prints the throughput and exits.
 */
public final class DemoDataCommand {

    private static final Logger log = LoggerFactory.getLogger(DemoDataCommand.class);

    private DemoDataCommand() {
    }

    /**
     * Command-line arguments outrank application.properties, where seeding on an empty database is
     * on for the README run; the command does its own, measured load instead.
     */
    public static String[] withSeedingOff(String[] args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = "--console.demo.seed-on-empty=false";
        return all;
    }

    public static void main(String[] args) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ConsoleApplication.class, DemoBeans.class)
                .web(WebApplicationType.NONE)
                .properties("console.demo.seed-on-empty=false", "console.jobs.enabled=false", "spring.main.banner-mode=off",
                        // no web server, so none of Vaadin's servlet wiring either
                        "spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                                + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration")
                .run(withSeedingOff(args))) {
            DemoDataProperties properties = context.getBean(DemoDataProperties.class);
            long began = System.nanoTime();
            Map<String, Long> counts = context.getBean(DemoDataService.class).generateIfEmpty(properties);
            double seconds = (System.nanoTime() - began) / 1e9;
            long rows = counts.values().stream().mapToLong(Long::longValue).sum();
            log.info("RESULT demo data: {} rows in {} s = {} rows/s; usage events {} = {} events/s; per table {}", rows,
                    String.format("%.1f", seconds), Math.round(rows / seconds), counts.getOrDefault("usage_event", 0L),
                    Math.round(counts.getOrDefault("usage_event", 0L) / seconds), counts);
        }
    }
}
