package ru.rusoragentai.console.staff;

import org.jspecify.annotations.Nullable;
import java.time.LocalDateTime;
import java.util.Set;
import ru.rusoragentai.console.security.Role;

/** What sign-in needs to know about an account. */
record StaffLogin(long id, @Nullable String username, String passwordHash, boolean enabled, @Nullable LocalDateTime lockedUntil,
                  int failedLogins, Set<Role> roles) {
}
