package ru.rusoragentai.console.staff;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Lockout policy: after {@code maxFailedAttempts} wrong passwords the account locks for {@code lockMinutes}. In front
 * of it, a client address that has failed {@code maxFailuresPerAddress} times, or an account name (known or not) that
 * has failed {@code maxFailuresPerName} times, is refused until {@code throttleMinutes} pass without a failure.
 */
@ConfigurationProperties("console.login")
public record LoginProperties(@DefaultValue("5") int maxFailedAttempts, @DefaultValue("15") int lockMinutes,
                              @DefaultValue("12") int minPasswordLength,
                              @DefaultValue("30") int maxFailuresPerAddress,
                              @DefaultValue("10") int maxFailuresPerName,
                              @DefaultValue("15") int throttleMinutes) {
}
