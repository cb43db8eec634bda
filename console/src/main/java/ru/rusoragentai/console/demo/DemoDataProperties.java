package ru.rusoragentai.console.demo;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Demo data settings ({@code console.demo.*}), bound by {@link DemoBeans}. Whether an empty database is filled at start
 * is not among them: {@code console.demo.seed-on-empty} decides whether the demo beans exist at all
 * ({@link DemoSeeding}).
 *
 * @param users           how many users to generate
 * @param usageEvents     how many usage events in all; 0 means 60 per user
 * @param heavyUserEvents extra events for one planted heavy user (benchmarks)
 * @param seed            random seed: the same seed gives the same data
 */
public record DemoDataProperties(@DefaultValue("2000") int users,
                                 @DefaultValue("0") long usageEvents, @DefaultValue("0") long heavyUserEvents,
                                 @DefaultValue("42") long seed) {

    public long effectiveUsageEvents() {
        return usageEvents > 0 ? usageEvents : users * 60L;
    }
}
