package ru.rusoragentai.console.privacy;

import org.jspecify.annotations.Nullable;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * A data-subject request as the privacy desk sees it.
 *
 * @param userId           the matched user, or null when the identifier matched nobody
 * @param subjectReference what the requester gave (identifier, email...)
 * @param originalDue      the due day without extensions
 * @param extendedBy       months (GDPR, other) or days (CCPA) of extension granted
 */
public record PrivacyRequest(long id, @Nullable Long userId, String subjectReference, @Nullable RequestType type, RequestStatus status,
                             @Nullable String channel, @Nullable Jurisdiction jurisdiction, LocalDateTime receivedAt, LocalDate originalDue,
                             LocalDate due, @Nullable LocalDate acknowledgeBy, int extendedBy, String extensionReason,
                             @Nullable String verification, @Nullable String verificationNote, @Nullable String preparedBy, @Nullable String approvedBy,
                             @Nullable String rejectionReason, LocalDateTime completedAt, String createdBy, int version) {

    /** The neutral label an erased subject's requests keep instead of what identified them, followed by the request id. */
    public static final String ERASED_SUBJECT = "erased data subject, request #";

    /** Whether the subject was erased and the reference is the neutral label. */
    public boolean subjectErased() {
        return subjectReference() != null && subjectReference().equals(ERASED_SUBJECT + id());
    }


    public long daysLeft(LocalDate today) {
        return Deadlines.daysLeft(due, today);
    }

    public boolean overdue(LocalDate today) {
        return status.open() && today.isAfter(due);
    }
}
