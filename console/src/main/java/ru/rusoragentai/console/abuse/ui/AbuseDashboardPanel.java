package ru.rusoragentai.console.abuse.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import ru.rusoragentai.console.abuse.AbuseCaseService;
import ru.rusoragentai.console.abuse.AbuseQueueService;
import ru.rusoragentai.console.abuse.FlagFilter;
import ru.rusoragentai.console.kit.DashboardPanel;
import ru.rusoragentai.console.kit.Numbers;
import ru.rusoragentai.console.security.CurrentStaff;
import ru.rusoragentai.console.security.Role;

/** The abuse queue on the operator's dashboard: open flags and open cases. */
@org.springframework.stereotype.Component
class AbuseDashboardPanel implements DashboardPanel {

    private final AbuseQueueService queue;
    private final AbuseCaseService cases;
    private final CurrentStaff staff;

    AbuseDashboardPanel(AbuseQueueService queue, AbuseCaseService cases, CurrentStaff staff) {
        this.queue = queue;
        this.cases = cases;
        this.staff = staff;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Optional<Component> create(Component dashboard) {
        if (!staff.hasRole(Role.OPERATOR) && !staff.hasRole(Role.ADMIN)) {
            return Optional.empty();
        }
        int flags = queue.count(FlagFilter.open());
        int open = cases.count(true);
        return Optional.of(DashboardPanel.section(dashboard, "dashboard.abuse",
                DashboardPanel.card(dashboard, "dashboard-abuse-flags", "dashboard.abuse-flags", Numbers.whole(dashboard, flags), "abuse",
                        false),
                DashboardPanel.card(dashboard, "dashboard-abuse-cases", "dashboard.abuse-cases", Numbers.whole(dashboard, open),
                        "abuse/cases", false)));
    }
}
