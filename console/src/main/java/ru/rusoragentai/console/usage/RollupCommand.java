package ru.rusoragentai.console.usage;

import java.time.LocalDate;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import ru.rusoragentai.console.ConsoleApplication;

/**
 * Rebuilds both usage roll-ups (the per-user {@code usage_daily} and the analysts' {@code report_usage_day}) for a range
 * of days from the raw events, without the web server:
 * <pre>
 * ./mvnw -B -q -pl console -am spring-boot:run -Dconsole.main-class=ru.rusoragentai.console.usage.RollupCommand \
 *   -Dspring-boot.run.arguments="--from=2026-01-01 --until=2026-02-01 --spring.datasource.url=..."
 * </pre>
 * {@code until} is exclusive. Days whose raw events retention already removed come out empty, so keep the range
 * within {@code console.retention.usage-months}.
 */
public final class RollupCommand {

    private RollupCommand() {
    }

    public static void main(String[] args) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ConsoleApplication.class)
                .web(WebApplicationType.NONE)
                .properties("console.jobs.enabled=false", "spring.main.banner-mode=off",
                        "spring.autoconfigure.exclude=com.vaadin.flow.spring.SpringBootAutoConfiguration,"
                                + "com.vaadin.flow.spring.SpringSecurityAutoConfiguration")
                .run(args)) {
            LocalDate from = LocalDate.parse(context.getEnvironment().getRequiredProperty("from"));
            LocalDate until = LocalDate.parse(context.getEnvironment().getRequiredProperty("until"));
            if (!from.isBefore(until)) {
                throw new IllegalArgumentException("--from must be before --until (exclusive)");
            }
            context.getBean(UsageRollupService.class).rebuild(from, until);
        }
    }
}
