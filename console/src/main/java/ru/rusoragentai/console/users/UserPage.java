package ru.rusoragentai.console.users;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.Set;
import ru.rusoragentai.console.security.Role;

/**
 * The user page as other capabilities reach it: a link, an address, a query parameter, and who may open it. Never its
 * view class, which stays inside users; the route registry finds it.
 */
public final class UserPage {

    /** Query parameter naming the privacy (correction) request the staff member came from. */
    public static final String PRIVACY_REQUEST = "privacyRequest";

    private UserPage() {
    }

    /** The page's address, e.g. {@code users/42}. */
    public static String address(long userId) {
        return "users/" + userId;
    }

    /** A link to the user's page. */
    public static RouterLink link(String text, long userId) {
        return new RouterLink(text, view(), new RouteParameters("id", Long.toString(userId)));
    }

    /** Whether staff with these roles may open the page: its view's own {@code @RolesAllowed}. */
    public static boolean opensFor(Set<Role> roles) {
        RolesAllowed allowed = view().getAnnotation(RolesAllowed.class);
        return allowed != null && Arrays.stream(allowed.value()).anyMatch(name -> roles.stream().anyMatch(r -> r.name().equals(name)));
    }

    private static Class<? extends Component> view() {
        return RouteConfiguration.forApplicationScope().getRoute(address(0))
                .orElseThrow(() -> new IllegalStateException("no route for " + address(0)));
    }
}
