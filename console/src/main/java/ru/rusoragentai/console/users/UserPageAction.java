package ru.rusoragentai.console.users;

import com.vaadin.flow.component.Component;
import java.util.Set;
import ru.rusoragentai.console.security.Role;

/**
 * A button another capability adds to the user page's action bar (tokens adds "Adjust tokens"), so that the page does
 * not depend on that capability. Spring beans.
 */
public interface UserPageAction {

    /** Whether staff with these roles get the button for this user. */
    boolean visibleTo(Set<Role> roles, UserProfile user);

    /** The button; {@code changed} re-reads the user and redraws the page after the action changed something. */
    Component create(UserProfile user, Runnable changed);
}
