package ru.rusoragentai.console.audit;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import ru.rusoragentai.console.crypto.SecretCipher;
import ru.rusoragentai.console.security.CurrentStaff;
import ru.rusoragentai.console.security.Role;

/**
 * The one way to write the audit log. Each event is chained to the previous one with an HMAC
 * (key derived from the master key), so editing, inserting or deleting rows is detectable even by
 * someone who can write to the database but does not hold the key.
 */
@Service
@Transactional(readOnly = true)
public class AuditService {

    private final AuditRepository repository;
    private final SecretCipher cipher;
    private final CurrentStaff currentStaff;
    private final Clock clock;

    AuditService(AuditRepository repository, SecretCipher cipher, CurrentStaff currentStaff, Clock clock) {
        this.repository = repository;
        this.cipher = cipher;
        this.currentStaff = currentStaff;
        this.clock = clock;
    }

    /** Appends an event as the signed-in staff member (or "system"), inside the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long record(String action, String targetType, String targetId, String details) {
        return recordAs(currentStaff.actor(), action, targetType, targetId, details);
    }

    /** Appends an event for an explicit actor, e.g. a login attempt before anyone is signed in. */
    @Transactional(propagation = Propagation.MANDATORY)
    public long recordAs(String actor, String action, String targetType, String targetId, String details) {
        AuditRepository.ChainHead head = repository.lockHead();
        StoredEvent unsigned = new StoredEvent(head.lastEventId() + 1, LocalDateTime.now(clock).truncatedTo(ChronoUnit.MICROS),
                actor, action, targetType, targetId, details, head.lastHash(), null);
        StoredEvent row = unsigned.withHash(hashOf(unsigned));
        repository.append(row);
        return row.id();
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.PRIVACY_OFFICER})
    public List<AuditEvent> find(AuditFilter filter, int offset, int limit) {
        return repository.page(filter, offset, limit);
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.PRIVACY_OFFICER})
    public int count(AuditFilter filter) {
        return repository.count(filter);
    }

    /** Staff actions on one object (e.g. a user), newest first; what support sees on the user page. */
    @RolesAllowed({Role.Names.SUPPORT, Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    public List<AuditEvent> forTarget(String targetType, String targetId, int offset, int limit) {
        return repository.page(AuditFilter.forTarget(targetType, targetId), offset, limit);
    }

    /** Walks the whole chain and reports the first row that was modified, inserted or deleted. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.PRIVACY_OFFICER})
    public ChainVerification verifyChain() {
        var walker = new ChainWalker();
        repository.forEachInOrder(walker::accept);
        if (walker.result != null) {
            return walker.result;
        }
        AuditRepository.ChainHead head = repository.head();
        if (head.lastEventId() != walker.lastId || !head.lastHash().equals(walker.lastHash)) {
            return ChainVerification.broken(walker.checked, head.lastEventId(), ChainVerification.Problem.TAIL_DELETED);
        }
        return ChainVerification.ok(walker.checked);
    }

    private final class ChainWalker {
        long checked;
        long lastId;
        String lastHash = AuditRepositoryConstants.GENESIS_HASH;
        ChainVerification result;

        void accept(StoredEvent row) {
            if (result != null) {
                return;
            }
            checked++;
            if (!row.hash().equals(hashOf(row))) {
                result = ChainVerification.broken(checked, row.id(), ChainVerification.Problem.MODIFIED);
            } else if (!row.prevHash().equals(lastHash) || row.id() != lastId + 1) {
                result = ChainVerification.broken(checked, row.id(), ChainVerification.Problem.INSERTED_OR_DELETED);
            }
            lastId = row.id();
            lastHash = row.hash();
        }
    }

    private String hashOf(StoredEvent row) {
        StringBuilder canonical = new StringBuilder();
        for (Object field : new Object[] {row.id(), row.occurredAt(), row.actor(), row.action(),
                row.targetType(), row.targetId(), row.details(), row.prevHash()}) {
            String text = field == null ? "\u0000" : field.toString();
            canonical.append(text.length()).append(':').append(text).append(';');
        }
        return cipher.hmacHex(canonical.toString());
    }
}
