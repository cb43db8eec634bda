package ru.rusoragentai.console.analytics;

import jakarta.annotation.security.RolesAllowed;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rusoragentai.console.audit.AuditService;
import ru.rusoragentai.console.export.SafeCells;
import ru.rusoragentai.console.security.Role;

/**
 * Usage reports for analysts: per UTC day and model, from the daily roll-up, without the users who restricted or
 * objected to processing. Exports are XLSX with every text cell formula-safe; each export is audited.
 */
@Service
@Transactional(readOnly = true)
@RolesAllowed({Role.Names.ANALYST, Role.Names.ADMIN})
public class UsageReportService {

    static final int MAX_DAYS = 400;
    private static final String[] HEADER = {"day", "provider", "model", "users", "events", "input_tokens", "output_tokens",
            "tokens_charged"};

    private final UsageReportRepository repository;
    private final AuditService audit;
    private final Clock clock;

    UsageReportService(UsageReportRepository repository, AuditService audit, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    /** Today in UTC on the console's clock: the default end of a report's range. */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    public List<UsageReportRow> report(LocalDate from, LocalDate until) {
        check(from, until);
        return repository.byDayAndModel(from, until);
    }

    /** The report as an XLSX workbook; audited with its range and size. */
    @Transactional
    public byte[] exportXlsx(LocalDate from, LocalDate until) {
        List<UsageReportRow> rows = report(from, until);
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(500); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("usage " + from + " to " + until);
            Row header = sheet.createRow(0);
            for (int c = 0; c < HEADER.length; c++) {
                header.createCell(c).setCellValue(HEADER[c]);
            }
            int r = 1;
            for (UsageReportRow row : rows) {
                Row line = sheet.createRow(r++);
                line.createCell(0).setCellValue(row.day().toString());
                line.createCell(1).setCellValue(SafeCells.text(row.provider()));
                line.createCell(2).setCellValue(SafeCells.text(row.model()));
                line.createCell(3).setCellValue(row.users());
                line.createCell(4).setCellValue(row.events());
                line.createCell(5).setCellValue(row.inputTokens());
                line.createCell(6).setCellValue(row.outputTokens());
                line.createCell(7).setCellValue(row.tokensCharged());
            }
            workbook.write(out);
            workbook.dispose();
            audit.record("analytics.export", "report", "usage", from + ".." + until + ": " + rows.size()
                    + " rows; restricted and objecting users left out");
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void check(LocalDate from, LocalDate until) {
        if (from == null || until == null || !from.isBefore(until) || from.plusDays(MAX_DAYS).isBefore(until)) {
            throw new IllegalArgumentException("Choose a range of 1 to " + MAX_DAYS + " days.");
        }
    }
}
