package ru.rusoragentai.console.payments.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import ru.rusoragentai.console.kit.DashboardPanel;
import ru.rusoragentai.console.kit.Numbers;
import ru.rusoragentai.console.payments.InboxStatus;
import ru.rusoragentai.console.payments.WebhookIntakeService;
import ru.rusoragentai.console.security.CurrentStaff;
import ru.rusoragentai.console.security.Role;

/** Payment deliveries that failed or matched no user and wait in the webhook inbox, on the operator's dashboard. */
@org.springframework.stereotype.Component
class WebhookDashboardPanel implements DashboardPanel {

    private final WebhookIntakeService intake;
    private final CurrentStaff staff;

    WebhookDashboardPanel(WebhookIntakeService intake, CurrentStaff staff) {
        this.intake = intake;
        this.staff = staff;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public Optional<Component> create(Component dashboard) {
        if (!staff.hasRole(Role.OPERATOR) && !staff.hasRole(Role.ADMIN)) {
            return Optional.empty();
        }
        int failed = intake.inboxCount(InboxStatus.FAILED, null);
        int unmatched = intake.inboxCount(InboxStatus.UNMATCHED, null);
        return Optional.of(DashboardPanel.section(dashboard, "dashboard.payments",
                DashboardPanel.card(dashboard, "dashboard-webhooks-failed", "dashboard.webhooks-failed", Numbers.whole(dashboard, failed),
                        "webhooks", failed > 0),
                DashboardPanel.card(dashboard, "dashboard-webhooks-unmatched", "dashboard.webhooks-unmatched",
                        Numbers.whole(dashboard, unmatched), "webhooks", unmatched > 0)));
    }
}
