package ru.rusoragentai.console.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.rusoragentai.db.Tables.APP_USER;
import static ru.rusoragentai.db.Tables.AUDIT_EVENT;
import static ru.rusoragentai.db.Tables.USAGE_DAILY;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.support.DatabaseTest;
import ru.rusoragentai.console.support.TestData;

class UsageReportServiceIT extends DatabaseTest {

    private static final LocalDate DAY = LocalDate.of(2026, 9, 14);

    @Autowired
    UsageReportService reports;

    @Test
    void shouldLeaveOutRestrictedAndObjectingUsersAndExportSafeCells() throws Exception {
        String model = "=HYPERLINK(\"http://x\")-" + TestData.unique("m");
        long allowed = TestData.insertUser(dsl, "Counted");
        long restricted = TestData.insertUser(dsl, "Restricted");
        long objected = TestData.insertUser(dsl, "Objected");
        dsl.update(APP_USER).set(APP_USER.PROCESSING_RESTRICTED, true).where(APP_USER.ID.eq(restricted)).execute();
        dsl.update(APP_USER).set(APP_USER.PROCESSING_OBJECTED, true).where(APP_USER.ID.eq(objected)).execute();
        for (long user : List.of(allowed, restricted, objected)) {
            dsl.insertInto(USAGE_DAILY).set(USAGE_DAILY.USER_ID, user).set(USAGE_DAILY.DAY, DAY).set(USAGE_DAILY.MODEL, model)
                    .set(USAGE_DAILY.PROVIDER, "openai").set(USAGE_DAILY.EVENTS, 7).set(USAGE_DAILY.INPUT_TOKENS, 700L)
                    .set(USAGE_DAILY.OUTPUT_TOKENS, 70L).set(USAGE_DAILY.TOKENS_CHARGED, 77L).execute();
        }
        signInAs("analyst-1", Role.ANALYST);

        List<UsageReportRow> rows = reports.report(DAY, DAY.plusDays(1)).stream().filter(r -> r.model().equals(model)).toList();
        byte[] xlsx = reports.exportXlsx(DAY, DAY.plusDays(1));

        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.users()).isEqualTo(1);
            assertThat(r.events()).isEqualTo(7);
            assertThat(r.inputTokens()).isEqualTo(700);
        });
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            Row line = null;
            for (Row row : workbook.getSheetAt(0)) {
                if (row.getCell(2).getStringCellValue().endsWith(model.substring(1))) {
                    line = row;
                }
            }
            assertThat(line).isNotNull();
            assertThat(line.getCell(2).getCellType()).isEqualTo(CellType.STRING);
            assertThat(line.getCell(2).getStringCellValue()).isEqualTo("'" + model);
            assertThat(line.getCell(3).getNumericCellValue()).isEqualTo(1.0);
        }
        assertThat(dsl.fetchExists(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("analytics.export").and(AUDIT_EVENT.ACTOR.eq("analyst-1")))).isTrue();
    }

    @Test
    void shouldRefuseSupportStaffAndSillyRanges() {
        signInAs("analyst-2", Role.ANALYST);
        assertThatThrownBy(() -> reports.report(DAY, DAY)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> reports.report(DAY, DAY.plusDays(500))).isInstanceOf(IllegalArgumentException.class);
        signInAs("agent-9", Role.SUPPORT);
        assertThatThrownBy(() -> reports.report(DAY, DAY.plusDays(1))).isInstanceOf(AccessDeniedException.class);
    }
}
