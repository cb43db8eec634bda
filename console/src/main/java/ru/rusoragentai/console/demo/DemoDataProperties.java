package ru.rusoragentai.console.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo data settings.
 *
 * @param seedOnEmpty     fill an empty database at start (the README run); off for real deployments
 * @param users           how many users to generate
 * @param usageEvents     how many usage events in all; 0 means 60 per user
 * @param heavyUserEvents extra events for one planted heavy user (benchmarks)
 * @param seed            random seed: the same seed gives the same data
 */
@ConfigurationProperties("console.demo")
public record DemoDataProperties(@DefaultValue("false") boolean seedOnEmpty, @DefaultValue("2000") int users,
                                 @DefaultValue("0") long usageEvents, @DefaultValue("0") long heavyUserEvents,
                                 @DefaultValue("42") long seed) {

    public long effectiveUsageEvents() {
        return usageEvents > 0 ? usageEvents : users * 60L;
    }
}
