package ru.rusoragentai.console.security;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.stereotype.Component;

/** Who is acting right now: the signed-in staff member, or "system" for jobs and startup work. */
@Component
public class CurrentStaff {

    public static final String SYSTEM = "system";

    private final SecurityContextHolderStrategy securityContexts;

    /** Uses the application's own strategy (Vaadin installs one) rather than whatever is static. */
    public CurrentStaff(ObjectProvider<SecurityContextHolderStrategy> strategy) {
        this.securityContexts = strategy.getIfAvailable(SecurityContextHolder::getContextHolderStrategy);
    }

    public Optional<String> username() {
        Authentication auth = securityContexts.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return Optional.of(auth.getName());
    }

    /** The actor name recorded in audit events and ledger rows. */
    public String actor() {
        return username().orElse(SYSTEM);
    }

    public Set<Role> roles() {
        Authentication auth = securityContexts.getContext().getAuthentication();
        if (auth == null) {
            return Set.of();
        }
        return auth.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .filter(a -> a.startsWith("ROLE_"))
                .map(a -> a.substring(5))
                .filter(CurrentStaff::isRole)
                .map(Role::valueOf)
                .collect(Collectors.toUnmodifiableSet());
    }

    public boolean hasRole(Role role) {
        return roles().contains(role);
    }

    private static boolean isRole(String name) {
        for (Role role : Role.values()) {
            if (role.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
