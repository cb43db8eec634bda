package ru.rusoragentai.console.audit;

import org.jspecify.annotations.Nullable;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import ru.rusoragentai.console.crypto.SecretCipher;
import ru.rusoragentai.console.security.CurrentStaff;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.security.Unguarded;

/**
 * The one way to write the audit log. Each event is chained to the previous one of its chain with
 * an HMAC (key derived from the master key), so editing, inserting or deleting rows is detectable
 * even by someone who can write to the database but does not hold the key. Sixteen chains instead
 * of one let unrelated audited transactions commit in parallel.
 */
@Service
@Transactional(readOnly = true)
public class AuditService {

    /** Number of independent hash chains; matches the rows seeded in audit_chain_head. */
    static final int CHAINS = 16;

    private final AuditRepository repository;
    private final SecretCipher cipher;
    private final CurrentStaff currentStaff;
    private final SubjectSeal seal;
    private final Clock clock;

    AuditService(AuditRepository repository, SecretCipher cipher, CurrentStaff currentStaff, SubjectSeal seal, Clock clock) {
        this.seal = seal;
        this.repository = repository;
        this.cipher = cipher;
        this.currentStaff = currentStaff;
        this.clock = clock;
    }

    /** Appends an event as the signed-in staff member (or "system"), inside the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    @Unguarded("every service records its own staff actions inside its own role-checked methods")
    public long record(String action, String targetType, String targetId, String details) {
        return recordAs(currentStaff.actor(), action, targetType, targetId, details);
    }

    /**
     * Appends an event whose {@code personal} part (a user's old and new username or email, a free-text reason) is
     * sealed under that user's key: readable here while the user exists, unreadable once their erasure destroyed the
     * key, and the chain verifies either way.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    @Unguarded("every service records its own staff actions inside its own role-checked methods")
    public long recordPersonal(String action, String targetType, String targetId, String details, long subjectUserId,
                               String personal) {
        String sealed = seal.seal(subjectUserId, personal, LocalDateTime.now(clock));
        return record(action, targetType, targetId, details == null || details.isEmpty() ? sealed : details + "; " + sealed);
    }

    /** Appends an event for an explicit actor, e.g. a login attempt before anyone is signed in. */
    @Transactional(propagation = Propagation.MANDATORY)
    @Unguarded("every service records its own staff actions inside its own role-checked methods")
    public long recordAs(String actor, String action, String targetType, String targetId, String details) {
        int chainNo = chainFor(actor, targetType, targetId);
        AuditRepository.ChainHead head = repository.lockHead(chainNo);
        StoredEvent unsigned = new StoredEvent(0, chainNo, head.lastSeq() + 1, LocalDateTime.now(clock).truncatedTo(ChronoUnit.MICROS),
                actor, action, targetType, targetId, details, head.lastHash(), null);
        return repository.append(unsigned.withHash(hashOf(unsigned)));
    }

    /** An event to record together with others (see {@link #recordAll}). */
    public record NewEvent(String actor, String action, @Nullable String targetType, String targetId, @Nullable String details) {
    }

    /**
     * Appends several events in the caller's transaction with a few statements whatever their number: their chains'
     * heads are locked together in chain order, the events chained in memory and inserted in one statement. The
     * result is the same as recording them one by one.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    @Unguarded("every service records its own staff actions inside its own role-checked methods")
    public List<Long> recordAll(List<NewEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        java.util.Set<Integer> chains = new java.util.TreeSet<>();
        events.forEach(e -> chains.add(chainFor(e.actor(), e.targetType(), e.targetId())));
        Map<Integer, AuditRepository.ChainHead> heads = new HashMap<>(repository.lockHeads(chains));
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        List<StoredEvent> rows = new java.util.ArrayList<>(events.size());
        for (NewEvent e : events) {
            int chainNo = chainFor(e.actor(), e.targetType(), e.targetId());
            AuditRepository.ChainHead head = heads.get(chainNo);
            StoredEvent unsigned = new StoredEvent(0, chainNo, head.lastSeq() + 1, now, e.actor(), e.action(), e.targetType(),
                    e.targetId(), e.details(), head.lastHash(), null);
            StoredEvent signed = unsigned.withHash(hashOf(unsigned));
            rows.add(signed);
            heads.put(chainNo, new AuditRepository.ChainHead(chainNo, signed.seq(), 0L, signed.hash()));
        }
        return repository.appendAll(rows);
    }

    /**
     * Events about one target always share a chain (so its history is ordered); different targets
     * spread over the chains, so unrelated audited transactions do not wait for each other.
     */
    static int chainFor(String actor, String targetType, String targetId) {
        String key = targetId != null ? targetType + ":" + targetId : "actor:" + actor;
        return Math.floorMod(key.hashCode(), CHAINS);
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.PRIVACY_OFFICER})
    public List<AuditEvent> find(AuditFilter filter, int offset, int limit) {
        return revealed(repository.page(filter, offset, limit));
    }

    @RolesAllowed({Role.Names.ADMIN, Role.Names.PRIVACY_OFFICER})
    public int count(AuditFilter filter) {
        return repository.count(filter);
    }

    /** Staff actions on one object (e.g. a user), newest first; what support sees on the user page. */
    @RolesAllowed({Role.Names.SUPPORT, Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    public List<AuditEvent> forTarget(String targetType, String targetId, int offset, int limit) {
        return revealed(repository.page(AuditFilter.forTarget(targetType, targetId), offset, limit));
    }

    private List<AuditEvent> revealed(List<AuditEvent> events) {
        return events.stream().map(e -> e.details() == null || !e.details().contains("[sealed:") ? e
                : new AuditEvent(e.id(), e.occurredAt(), e.actor(), e.action(), e.targetType(), e.targetId(), seal.reveal(e.details())))
                .toList();
    }

    /** Walks every chain and reports the first row that was modified, inserted or deleted. */
    @RolesAllowed({Role.Names.ADMIN, Role.Names.PRIVACY_OFFICER})
    public ChainVerification verifyChain() {
        Map<Integer, AuditRepository.ChainHead> heads = new HashMap<>();
        repository.heads().forEach(head -> heads.put(head.chainNo(), head));
        var walker = new ChainWalker(heads);
        repository.forEachInOrder(walker::accept);
        if (walker.result == null) {
            walker.finishChain();
            for (int chain = walker.chainNo + 1; chain < CHAINS && walker.result == null; chain++) {
                walker.chainNo = chain;
                walker.lastSeq = 0;
                walker.finishChain();
            }
        }
        return walker.result != null ? walker.result : ChainVerification.ok(walker.checked);
    }

    private final class ChainWalker {
        final Map<Integer, AuditRepository.ChainHead> heads;
        long checked;
        int chainNo = -1;
        long lastSeq;
        String lastHash;
        ChainVerification result;

        ChainWalker(Map<Integer, AuditRepository.ChainHead> heads) {
            this.heads = heads;
        }

        void accept(StoredEvent row) {
            if (result != null) {
                return;
            }
            while (row.chainNo() != chainNo && result == null) {
                if (chainNo >= 0) {
                    finishChain();
                }
                chainNo++;
                lastSeq = 0;
                lastHash = AuditRepositoryConstants.GENESIS_HASH;
                if (chainNo > row.chainNo()) {
                    return;
                }
            }
            if (result != null) {
                return;
            }
            checked++;
            if (!row.hash().equals(hashOf(row))) {
                result = ChainVerification.broken(checked, row.id(), ChainVerification.Problem.MODIFIED);
            } else if (!row.prevHash().equals(lastHash) || row.seq() != lastSeq + 1) {
                result = ChainVerification.broken(checked, row.id(), ChainVerification.Problem.INSERTED_OR_DELETED);
            }
            lastSeq = row.seq();
            lastHash = row.hash();
        }

        /** The head must point at the last row seen in the chain, or rows were cut off its end. */
        void finishChain() {
            AuditRepository.ChainHead head = heads.get(chainNo);
            if (result == null && head != null && head.lastSeq() != lastSeq) {
                result = ChainVerification.broken(checked, head.lastEventId(), ChainVerification.Problem.TAIL_DELETED);
            }
        }
    }

    private String hashOf(StoredEvent row) {
        StringBuilder canonical = new StringBuilder();
        for (Object field : new Object[] {row.chainNo(), row.seq(), row.occurredAt(), row.actor(), row.action(),
                row.targetType(), row.targetId(), row.details(), row.prevHash()}) {
            String text = field == null ? "\u0000" : field.toString();
            canonical.append(text.length()).append(':').append(text).append(';');
        }
        return cipher.hmacHex(canonical.toString());
    }
}
