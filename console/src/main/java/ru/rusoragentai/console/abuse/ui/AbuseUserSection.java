package ru.rusoragentai.console.abuse.ui;

import com.vaadin.flow.component.Component;
import java.util.Set;
import ru.rusoragentai.console.abuse.AbuseActionService;
import ru.rusoragentai.console.abuse.AbuseGraphService;
import ru.rusoragentai.console.abuse.AbuseQueueService;
import ru.rusoragentai.console.abuse.AbuseScoreService;
import ru.rusoragentai.console.security.CurrentStaff;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.users.UserPageSection;

/** The user page's abuse tab: score and breakdown, flags, measures in force, snoozes, blocklist and linked accounts. */
@org.springframework.stereotype.Component
class AbuseUserSection implements UserPageSection {

    private final AbuseQueueService queue;
    private final AbuseActionService actions;
    private final AbuseScoreService scores;
    private final AbuseGraphService graphs;
    private final CurrentStaff staff;

    AbuseUserSection(AbuseQueueService queue, AbuseActionService actions, AbuseScoreService scores, AbuseGraphService graphs,
                     CurrentStaff staff) {
        this.queue = queue;
        this.actions = actions;
        this.scores = scores;
        this.graphs = graphs;
        this.staff = staff;
    }

    @Override
    public String tabKey() {
        return "user.section.abuse";
    }

    @Override
    public boolean visibleTo(Set<Role> roles) {
        return roles.contains(Role.SUPPORT) || roles.contains(Role.OPERATOR) || roles.contains(Role.ADMIN);
    }

    @Override
    public Component create(long userId) {
        return new UserAbusePanel(userId, queue, actions, scores, graphs, staff);
    }
}
