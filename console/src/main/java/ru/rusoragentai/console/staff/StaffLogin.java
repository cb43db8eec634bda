package ru.rusoragentai.console.staff;

import java.time.LocalDateTime;
import java.util.Set;
import ru.rusoragentai.console.security.Role;

/** What sign-in needs to know about an account. */
record StaffLogin(long id, String username, String passwordHash, boolean enabled, LocalDateTime lockedUntil,
                  int failedLogins, Set<Role> roles) {
}
