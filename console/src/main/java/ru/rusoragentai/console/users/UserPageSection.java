package ru.rusoragentai.console.users;

import com.vaadin.flow.component.Component;
import java.util.Set;
import ru.rusoragentai.console.security.Role;

/**
 * A tab another capability adds to the user page (tokens adds the ledger and the adjustments, abuse monitoring its
 * flags, measures and linked accounts), so that the user page does not depend on that capability. Spring beans; the page asks each when its tab is opened.
 */
public interface UserPageSection {

    /** Translation key of the tab's label; its last segment becomes the tab's id ({@code tab-<segment>}). */
    String tabKey();

    /** Whether staff with these roles see the tab. */
    boolean visibleTo(Set<Role> roles);

    /** The tab's content for one user; built when the tab is first opened. */
    Component create(long userId);

    /**
     * Where the tab sits among the page's own: profile 10, usage 40, sessions 50, payments 60, linked accounts 70,
     * privacy requests 90, staff actions 100.
     */
    default int position() {
        return 80;
    }
}
