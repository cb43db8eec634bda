package ru.rusoragentai.console.abuse.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.Set;
import ru.rusoragentai.console.kit.RowAction;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.users.ui.UserDetailView;

/** Links to user pages, for staff whose roles may open them; plain "#id" text for the others (operators). */
final class UserLinks {

    private final boolean canOpen;

    UserLinks(Set<Role> roles) {
        RolesAllowed allowed = UserDetailView.class.getAnnotation(RolesAllowed.class);
        this.canOpen = allowed != null && Arrays.stream(allowed.value()).anyMatch(name -> roles.stream().anyMatch(r -> r.name().equals(name)));
    }

    boolean canOpen() {
        return canOpen;
    }

    Component link(long userId, String label) {
        String text = label == null ? "#" + userId : label;
        if (!canOpen) {
            return new Span(text);
        }
        RouterLink link = new RouterLink(text, UserDetailView.class, new RouteParameters("id", Long.toString(userId)));
        RowAction.mark(link, "user-link", userId);
        return link;
    }
}
