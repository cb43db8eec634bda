package ru.rusoragentai.console.shell.ui;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.Set;
import ru.rusoragentai.console.security.Role;

/** Whether a staff member with the given roles may open a view, read from the view's own access annotation. */
final class NavigationAccess {

    private NavigationAccess() {
    }

    static boolean canOpen(Class<?> view, Set<Role> roles) {
        RolesAllowed allowed = view.getAnnotation(RolesAllowed.class);
        if (allowed != null) {
            return Arrays.stream(allowed.value()).anyMatch(name -> roles.stream().anyMatch(r -> r.name().equals(name)));
        }
        return view.isAnnotationPresent(PermitAll.class);
    }
}
