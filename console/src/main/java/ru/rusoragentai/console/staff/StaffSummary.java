package ru.rusoragentai.console.staff;

import org.jspecify.annotations.Nullable;
import java.time.LocalDateTime;
import java.util.Set;
import ru.rusoragentai.console.security.Role;

/** A staff account as listed on the Staff screen; never carries the password hash. */
public record StaffSummary(long id, @Nullable String username, @Nullable String displayName, Set<Role> roles, boolean enabled,
                           boolean mustChangePassword, @Nullable LocalDateTime lockedUntil, @Nullable LocalDateTime lastLoginAt, int version) {
}
