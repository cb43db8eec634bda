package ru.rusoragentai.console.plugins;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import ru.rusoragentai.console.i18n.Text;
import ru.rusoragentai.spi.ConsoleExtension;
import ru.rusoragentai.spi.HealthResult;

/**
 * Asks a started plugin whether it works (its health check, under the call timeout) and keeps the answer, so the
 * Plugins screen shows health beside the state without anyone pressing Test connection. Internal to the plugins
 * capability: {@link PluginService} and the scheduled job call it, each under their own rules.
 */
@Component
class PluginHealthChecks {

    private final PluginHost host;
    private final PluginContexts contexts;
    private final PluginHealthRepository repository;
    private final PluginTexts texts;
    private final Clock clock;

    PluginHealthChecks(PluginHost host, PluginContexts contexts, PluginHealthRepository repository, PluginTexts texts, Clock clock) {
        this.texts = texts;
        this.host = host;
        this.contexts = contexts;
        this.repository = repository;
        this.clock = clock;
    }

    /** Checks one started plugin now and keeps the answer; a failed or timed-out call is an unhealthy answer. */
    PluginHealth check(String id) {
        List<ConsoleExtension> extensions = host.allExtensions(id);
        PluginHealth health;
        try {
            HealthResult result = host.callGuarded(id, "checkHealth", () -> extensions.getFirst().checkHealth(contexts.forPlugin(id)));
            health = new PluginHealth(id, result instanceof HealthResult.Healthy, texts.said(id, result.said()), LocalDateTime.now(clock));
        } catch (PluginException e) {
            health = new PluginHealth(id, false, new Text(e.key(), e.arguments()), LocalDateTime.now(clock));
        }
        repository.save(health);
        return health;
    }

    /** How many of the started plugins asked answered healthy. */
    record Tally(int healthy, int asked) {
    }

    /** Checks every started plugin. */
    Tally checkAll() {
        List<String> started = host.plugins().stream()
                .filter(plugin -> plugin.state() == PluginState.STARTED && !host.allExtensions(plugin.id()).isEmpty())
                .map(PluginSummary::id).toList();
        int healthy = (int) started.stream().filter(id -> check(id).healthy()).count();
        return new Tally(healthy, started.size());
    }

    Map<String, PluginHealth> lastAnswers() {
        return repository.all();
    }
}
