package ru.rusoragentai.console.privacy;

import org.jspecify.annotations.Nullable;
import java.util.List;
import java.util.Optional;
import ru.rusoragentai.spi.DataSubject;

/**
 * Everything that identifies a data subject, captured when an erasure is prepared: later tasks and the residual
 * scan still need it after the account row is gone. Stored encrypted on the request and cleared at the end.
 *
 * @param ips the IP addresses of the subject's sessions and usage, in text form
 */
public record Subject(long userId, long telegramUserId, @Nullable String username, @Nullable String email, @Nullable String displayName, List<String> ips) {

    public Subject {
        ips = List.copyOf(ips);
    }

    public DataSubject forPlugins() {
        return new DataSubject(userId, telegramUserId, Optional.ofNullable(email), Optional.ofNullable(username));
    }
}
