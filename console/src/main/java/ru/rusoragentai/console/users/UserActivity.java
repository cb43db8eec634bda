package ru.rusoragentai.console.users;

import org.jspecify.annotations.Nullable;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** Read models for the sections of the user page. Times are UTC; IPs are printable text. */
public final class UserActivity {

    private UserActivity() {
    }

    public record UsageDay(LocalDate day, String model, long tokens) {
    }

    public record UsageEvent(long id, LocalDateTime occurredAt, @Nullable String provider, String model, String feature,
                             int inputTokens, int outputTokens, long tokensCharged, int latencyMs, String status, @Nullable String ip) {
    }

    public record Session(LocalDateTime startedAt, @Nullable LocalDateTime endedAt, @Nullable String ip, String deviceType, String browser,
                          String os, @Nullable String country, @Nullable String region) {
    }

    public record Payment(@Nullable String channel, String externalId, long amountMinor, String currency, long tokens, String status,
                          LocalDateTime paidAt) {
    }

    public record LinkedAccount(long userId, @Nullable String username, @Nullable String displayName, String sharedIp) {
    }


    public record PrivacyRequest(long id, @Nullable String type, String status, LocalDateTime receivedAt, LocalDateTime dueAt) {
    }
}
