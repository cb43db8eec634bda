package ru.rusoragentai.console.abuse.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouterLink;
import java.util.Set;
import ru.rusoragentai.console.kit.RowAction;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.users.UserPage;

/** Links to user pages, for staff whose roles may open them; plain "#id" text for the others (operators). */
final class UserLinks {

    private final boolean canOpen;

    UserLinks(Set<Role> roles) {
        this.canOpen = UserPage.opensFor(roles);
    }

    boolean canOpen() {
        return canOpen;
    }

    Component link(long userId, String label) {
        String text = label == null ? "#" + userId : label;
        if (!canOpen) {
            return new Span(text);
        }
        RouterLink link = UserPage.link(text, userId);
        RowAction.mark(link, "user-link", userId);
        return link;
    }
}
