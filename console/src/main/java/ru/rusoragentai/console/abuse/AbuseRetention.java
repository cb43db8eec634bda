package ru.rusoragentai.console.abuse;

import ru.rusoragentai.console.i18n.Text;
import java.time.LocalDateTime;
import org.springframework.stereotype.Component;

/**
 * Abuse monitoring's retention period, enforced by the retention job (which runs as the system): decided flags,
 * undone measures, ended blocklist entries and emptied cases older than {@code console.abuse.keep-decided-days} go.
 */
@Component
public class AbuseRetention {

    private final ExpiryRepository expiry;

    AbuseRetention(ExpiryRepository expiry) {
        this.expiry = expiry;
    }

    /** Deletes what has expired at {@code now}; returns what went, for the run's summary. */
    public Text purge(LocalDateTime now) {
        return expiry.purge(now);
    }
}
