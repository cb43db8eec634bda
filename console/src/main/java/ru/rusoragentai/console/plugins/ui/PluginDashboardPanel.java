package ru.rusoragentai.console.plugins.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import ru.rusoragentai.console.kit.DashboardPanel;
import ru.rusoragentai.console.kit.Numbers;
import ru.rusoragentai.console.plugins.PluginHealth;
import ru.rusoragentai.console.plugins.PluginService;
import ru.rusoragentai.console.security.CurrentStaff;
import ru.rusoragentai.console.security.Role;

/** Plugin health on the operator's dashboard: plugins whose last health answer was not healthy. */
@org.springframework.stereotype.Component
class PluginDashboardPanel implements DashboardPanel {

    private final PluginService plugins;
    private final CurrentStaff staff;

    PluginDashboardPanel(PluginService plugins, CurrentStaff staff) {
        this.plugins = plugins;
        this.staff = staff;
    }

    @Override
    public int order() {
        return 45;
    }

    @Override
    public Optional<Component> create(Component dashboard) {
        if (!staff.hasRole(Role.OPERATOR) && !staff.hasRole(Role.ADMIN)) {
            return Optional.empty();
        }
        long unhealthy = plugins.health().values().stream().filter(h -> !h.healthy()).count();
        return Optional.of(DashboardPanel.section(dashboard, "dashboard.plugins",
                DashboardPanel.card(dashboard, "dashboard-plugins-unhealthy", "dashboard.plugins-unhealthy",
                        Numbers.whole(dashboard, unhealthy), "plugins", unhealthy > 0)));
    }
}
