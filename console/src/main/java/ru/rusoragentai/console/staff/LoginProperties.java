package ru.rusoragentai.console.staff;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Lockout policy: after {@code maxFailedAttempts} wrong passwords the account locks for {@code lockMinutes}. */
@ConfigurationProperties("console.login")
public record LoginProperties(@DefaultValue("5") int maxFailedAttempts, @DefaultValue("15") int lockMinutes,
                              @DefaultValue("12") int minPasswordLength) {
}
