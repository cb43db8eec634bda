package ru.rusoragentai.console.plugins.ui;

import java.util.List;
import ru.rusoragentai.console.plugins.PendingSettingsChange;
import ru.rusoragentai.console.plugins.SettingsApprovalService;

/** Payment-channel settings changes waiting for a second administrator. */
class PendingSettingsPanel extends PendingDecisionsPanel<PendingSettingsChange> {

    private final SettingsApprovalService approvals;

    PendingSettingsPanel(SettingsApprovalService approvals, Runnable onDecided) {
        super("setting", onDecided);
        this.approvals = approvals;
        grid.addColumn(PendingSettingsChange::pluginId).setHeader(getTranslation("plugins.id")).setAutoWidth(true);
        grid.addColumn(PendingSettingsChange::summary).setHeader(getTranslation("plugins.pending.summary")).setFlexGrow(3);
        grid.addColumn(PendingSettingsChange::requestedBy).setHeader(getTranslation("plugins.pending.by")).setAutoWidth(true);
        grid.addColumn(c -> TIME.format(c.requestedAt())).setHeader(getTranslation("plugins.pending.at")).setAutoWidth(true);
        finish(approvals.canDecide(), "plugins.pending.heading", "plugins.pending.help");
    }

    @Override
    protected List<PendingSettingsChange> pending() {
        return approvals.pending();
    }

    @Override
    protected long id(PendingSettingsChange change) {
        return change.id();
    }

    @Override
    protected String describe(PendingSettingsChange change) {
        return getTranslation("plugins.pending.confirm", change.pluginId(), change.requestedBy(), change.summary());
    }

    @Override
    protected String decide(PendingSettingsChange change, boolean approve) {
        if (approve) {
            approvals.approve(change.id());
            return getTranslation("plugins.pending.approved", change.pluginId());
        }
        approvals.reject(change.id());
        return getTranslation("plugins.pending.rejected", change.pluginId());
    }
}
