package ru.rusoragentai.console.staff;

import java.time.LocalDateTime;
import java.util.Set;
import ru.rusoragentai.console.security.Role;

/** A staff account as listed on the Staff screen; never carries the password hash. */
public record StaffSummary(long id, String username, String displayName, Set<Role> roles, boolean enabled,
                           boolean mustChangePassword, LocalDateTime lockedUntil, LocalDateTime lastLoginAt, int version) {
}
