package ru.rusoragentai.console.privacy.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import ru.rusoragentai.console.kit.DashboardPanel;
import ru.rusoragentai.console.kit.Numbers;
import ru.rusoragentai.console.privacy.PrivacyRequestService;
import ru.rusoragentai.console.security.CurrentStaff;
import ru.rusoragentai.console.security.Role;

/** The privacy desk on the dashboard: open requests, the overdue ones and those due this week. */
@org.springframework.stereotype.Component
class PrivacyDashboardPanel implements DashboardPanel {

    private final PrivacyRequestService requests;
    private final CurrentStaff staff;

    PrivacyDashboardPanel(PrivacyRequestService requests, CurrentStaff staff) {
        this.requests = requests;
        this.staff = staff;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public Optional<Component> create(Component dashboard) {
        if (!staff.hasRole(Role.SUPPORT) && !staff.hasRole(Role.PRIVACY_OFFICER) && !staff.hasRole(Role.ADMIN)) {
            return Optional.empty();
        }
        int[] counts = requests.openAndOverdue();
        return Optional.of(DashboardPanel.section(dashboard, "dashboard.privacy",
                DashboardPanel.card(dashboard, "dashboard-privacy-open", "dashboard.privacy-open", Numbers.whole(dashboard, counts[0]), "privacy", false),
                DashboardPanel.card(dashboard, "dashboard-privacy-overdue", "dashboard.privacy-overdue", Numbers.whole(dashboard, counts[1]), "privacy",
                        counts[1] > 0),
                DashboardPanel.card(dashboard, "dashboard-privacy-week", "dashboard.privacy-week", Numbers.whole(dashboard, counts[2]), "privacy",
                        false)));
    }
}
