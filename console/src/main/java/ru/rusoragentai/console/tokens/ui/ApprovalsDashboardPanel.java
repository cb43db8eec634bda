package ru.rusoragentai.console.tokens.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import ru.rusoragentai.console.kit.DashboardPanel;
import ru.rusoragentai.console.kit.Numbers;
import ru.rusoragentai.console.security.CurrentStaff;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.tokens.AdjustmentService;

/** Token adjustments waiting for an administrator's approval (the second pair of eyes), on the dashboard. */
@org.springframework.stereotype.Component
class ApprovalsDashboardPanel implements DashboardPanel {

    private final AdjustmentService adjustments;
    private final CurrentStaff staff;

    ApprovalsDashboardPanel(AdjustmentService adjustments, CurrentStaff staff) {
        this.adjustments = adjustments;
        this.staff = staff;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public Optional<Component> create(Component dashboard) {
        if (!staff.hasRole(Role.ADMIN)) {
            return Optional.empty();
        }
        int waiting = adjustments.pendingCount();
        return Optional.of(DashboardPanel.section(dashboard, "dashboard.support", DashboardPanel.card(dashboard,
                "dashboard-approvals", "dashboard.approvals", Numbers.whole(dashboard, waiting), "approvals", waiting > 0)));
    }
}
