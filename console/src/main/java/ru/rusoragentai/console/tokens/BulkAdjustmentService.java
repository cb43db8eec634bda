package ru.rusoragentai.console.tokens;

import org.jspecify.annotations.Nullable;
import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rusoragentai.console.audit.AuditService;
import ru.rusoragentai.console.export.SafeCells;
import ru.rusoragentai.console.security.CurrentStaff;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.users.UserSearchService;

/**
 * Bulk adjustments from a CSV or XLSX file: every row is validated in a preview, then the whole
 * file applies in one transaction or not at all. The same file (by SHA-256) applies only once.
 */
@Service
@Transactional(readOnly = true)
public class BulkAdjustmentService {

    /** What was applied for one row, for the downloadable result. */
    public record AppliedRow(int line, long userId, long delta, long balanceAfter) {
    }

    private static final java.util.regex.Pattern TELEGRAM_HANDLE = java.util.regex.Pattern.compile("@[A-Za-z0-9_]{3,64}");

    private final AdjustmentRepository repository;
    private final TokenLedgerService ledger;
    private final UserSearchService users;
    private final AuditService audit;
    private final CurrentStaff currentStaff;
    private final AdjustmentProperties properties;
    private final Clock clock;

    BulkAdjustmentService(AdjustmentRepository repository, TokenLedgerService ledger, UserSearchService users, AuditService audit,
                          CurrentStaff currentStaff, AdjustmentProperties properties, Clock clock) {
        this.repository = repository;
        this.ledger = ledger;
        this.users = users;
        this.audit = audit;
        this.currentStaff = currentStaff;
        this.properties = properties;
        this.clock = clock;
    }

    /** The largest adjustment a single row may make; larger ones need an approved single adjustment. */
    @RolesAllowed(Role.Names.ADMIN)
    public long approvalThreshold() {
        return properties.approvalThreshold();
    }

    /** Checks every row; changes nothing. @throws BulkFileException when the file itself is unusable */
    @RolesAllowed(Role.Names.ADMIN)
    public BulkPreview preview(String fileName, byte[] content) {
        List<BulkFileReader.RawRow> raw = BulkFileReader.read(fileName, content);
        Set<String> seen = new HashSet<>();
        List<BulkPreview.Row> rows = new ArrayList<>();
        for (BulkFileReader.RawRow row : raw) {
            rows.add(validate(row, seen));
        }
        Map<Long, String> names = users.displayNames(rows.stream().map(BulkPreview.Row::userId).filter(java.util.Objects::nonNull).toList());
        rows.replaceAll(r -> r.userId() == null ? r : new BulkPreview.Row(r.line(), r.identifier(), r.userId(), names.get(r.userId()),
                r.delta(), r.tokensText(), r.reason(), r.reasonText(), r.comment(), r.errors()));
        String sha = sha256(content);
        return new BulkPreview(fileName, sha, rows, repository.batchExists(sha));
    }

    /**
     * Validates the same bytes again and applies every row in one transaction; any failure (a row
     * now invalid, a balance that would go below zero, the file applied meanwhile) rolls all back.
     */
    @RolesAllowed(Role.Names.ADMIN)
    @Transactional
    public List<AppliedRow> apply(String fileName, byte[] content) {
        BulkPreview preview = preview(fileName, content);
        if (preview.alreadyApplied()) {
            throw new BulkFileException("bulk.error.already-applied");
        }
        if (!preview.applicable()) {
            throw new BulkFileException("bulk.error.invalid-rows");
        }
        String actor = currentStaff.actor();
        LocalDateTime now = LocalDateTime.now(clock);
        long batchId;
        try {
            batchId = repository.insertBatch(preview.sha256(), fileName, preview.rows().size(), preview.validDelta(), actor, now);
        } catch (DuplicateKeyException raced) {
            throw new BulkFileException("bulk.error.already-applied");
        }
        List<BulkPreview.Row> ordered = new ArrayList<>(preview.rows());
        // lock users in id order so two bulk files touching the same users cannot deadlock
        ordered.sort(Comparator.comparing(BulkPreview.Row::userId).thenComparing(BulkPreview.Row::line));
        List<AppliedRow> applied = new ArrayList<>();
        for (BulkPreview.Row row : ordered) {
            String reason = row.reason().dbValue() + ": " + row.comment() + " (bulk file " + fileName + ", line " + row.line() + ")";
            LedgerEntry entry = ledger.apply(new LedgerRequest(row.userId(), row.delta(), LedgerKind.ADJUSTMENT, "bulk:" + batchId,
                    reason.length() > 512 ? reason.substring(0, 512) : reason, "bulk:" + preview.sha256() + ":" + row.line(), false));
            repository.insertApplied(row.userId(), row.delta(), row.reason(), row.comment(), batchId, actor, entry.id(), now);
            audit.record("tokens.adjusted", "user", Long.toString(row.userId()),
                    "bulk batch " + batchId + " line " + row.line() + ": " + row.delta() + " tokens, " + row.reason().dbValue());
            applied.add(new AppliedRow(row.line(), row.userId(), row.delta(), entry.balanceAfter()));
        }
        audit.record("tokens.bulk_applied", "bulk_batch", Long.toString(batchId),
                fileName + ": " + applied.size() + " rows, total " + preview.validDelta() + " tokens, sha256 " + preview.sha256());
        applied.sort(Comparator.comparingInt(AppliedRow::line));
        return applied;
    }

    /** The outcome as a workbook: one row per applied line, text cells made formula-safe. */
    @RolesAllowed(Role.Names.ADMIN)
    public byte[] resultWorkbook(String fileName, List<AppliedRow> rows) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Result");
            Row header = sheet.createRow(0);
            String[] titles = {"Line", "User id", "Delta", "Balance after", "Source file"};
            for (int i = 0; i < titles.length; i++) {
                header.createCell(i).setCellValue(titles[i]);
            }
            int r = 1;
            for (AppliedRow applied : rows) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(applied.line());
                row.createCell(1).setCellValue(applied.userId());
                row.createCell(2).setCellValue(applied.delta());
                row.createCell(3).setCellValue(applied.balanceAfter());
                row.createCell(4).setCellValue(SafeCells.text(fileName));
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("Could not write the result workbook", e);
        }
    }

    private BulkPreview.Row validate(BulkFileReader.RawRow raw, Set<String> seen) {
        List<String> errors = new ArrayList<>();
        // "@name" is how users give their Telegram handle; anything else starting like a formula is refused
        boolean handle = raw.identifier() != null && TELEGRAM_HANDLE.matcher(raw.identifier().strip()).matches();
        if ((!handle && SafeCells.looksLikeFormula(raw.identifier()))
                || SafeCells.looksLikeFormula(raw.reason()) || SafeCells.looksLikeFormula(raw.comment())) {
            errors.add("bulk.row.formula");
        }
        Long userId = users.resolveExactly(raw.identifier()).orElse(null);
        if (userId == null) {
            errors.add("bulk.row.unknown-user");
        }
        Long delta = parseDelta(raw.delta());
        if (delta == null || delta == 0) {
            errors.add("bulk.row.bad-number");
        } else if (Math.abs(delta) > properties.approvalThreshold()) {
            errors.add("bulk.row.over-threshold");
        }
        ReasonCode reason = parseReason(raw.reason());
        if (reason == null) {
            errors.add("bulk.row.bad-reason");
        }
        String comment = raw.comment() == null ? "" : raw.comment().strip();
        if (comment.isEmpty() || comment.length() > 1000) {
            errors.add("bulk.row.bad-comment");
        }
        if (userId != null && !seen.add(userId + "|" + delta + "|" + reason + "|" + comment)) {
            errors.add("bulk.row.duplicate");
        }
        return new BulkPreview.Row(raw.line(), raw.identifier(), userId, null, delta, raw.delta(), reason, raw.reason(), comment,
                List.copyOf(errors));
    }

    private static @Nullable Long parseDelta(String text) {
        try {
            return Long.parseLong(text.strip().replace(" ", "").replace("\u00a0", ""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static @Nullable ReasonCode parseReason(String text) {
        try {
            return ReasonCode.valueOf(text.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
