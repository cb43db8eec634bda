package ru.rusoragentai.console.users;

import ru.rusoragentai.console.privacy.PrivacyRequest;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** Read models for the sections of the user page. Times are UTC; IPs are printable text. */
public final class UserActivity {

    private UserActivity() {
    }

    public record UsageDay(LocalDate day, String model, long tokens) {
    }

    public record UsageEvent(long id, LocalDateTime occurredAt, String provider, String model, String feature,
                             int inputTokens, int outputTokens, long tokensCharged, int latencyMs, String status, String ip) {
    }

    public record Session(LocalDateTime startedAt, LocalDateTime endedAt, String ip, String deviceType, String browser,
                          String os, String country, String region) {
    }

    public record Payment(String channel, String externalId, long amountMinor, String currency, long tokens, String status,
                          LocalDateTime paidAt) {
    }

    public record LinkedAccount(long userId, String username, String displayName, String sharedIp) {
    }


    public record PrivacyRequest(long id, String type, String status, LocalDateTime receivedAt, LocalDateTime dueAt) {
    }
}
