package ru.rusoragentai.console.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.rusoragentai.db.Tables.TOKEN_BALANCE;
import static ru.rusoragentai.db.Tables.TOKEN_LEDGER;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.support.DatabaseTest;
import ru.rusoragentai.console.support.SupportFixture;
import ru.rusoragentai.console.support.TestData;

class BulkAdjustmentIT extends DatabaseTest {

    @Autowired
    BulkAdjustmentService bulk;

    private SupportFixture anna;
    private SupportFixture boris;

    @BeforeEach
    void users() throws Exception {
        anna = SupportFixture.create(dsl, "Anna Bulk");
        boris = SupportFixture.create(dsl, "Boris Bulk");
        signInAs("bulk-admin", Role.ADMIN);
    }

    @AfterEach
    void after() {
        signOut();
    }

    @Test
    void shouldApplyAValidCsvOnceAndProduceAResultWorkbook() throws Exception {
        byte[] file = csv("identifier,delta,reason,comment\n"
                + "@" + anna.username() + ",500,goodwill,outage " + TestData.unique("x") + "\n"
                + anna.email() + ",-100,correction,double credit\n"
                + boris.telegramId() + ",250,compensation,\"slow, very slow\"\n");
        BulkPreview preview = bulk.preview("ok.csv", file);
        assertThat(preview.applicable()).isTrue();
        assertThat(preview.rows()).extracting(BulkPreview.Row::userId).containsExactly(anna.userId(), anna.userId(), boris.userId());

        List<BulkAdjustmentService.AppliedRow> applied = bulk.apply("ok.csv", file);
        assertThat(applied).hasSize(3);
        assertThat(balance(anna.userId())).isEqualTo(400);
        assertThat(balance(boris.userId())).isEqualTo(250);

        assertThat(bulk.preview("ok.csv", file).alreadyApplied()).isTrue();
        assertThatThrownBy(() -> bulk.apply("again.csv", file)).isInstanceOf(BulkFileException.class)
                .hasMessage("bulk.error.already-applied");
        assertThat(balance(anna.userId())).isEqualTo(400);

        try (XSSFWorkbook result = new XSSFWorkbook(new ByteArrayInputStream(bulk.resultWorkbook("=cmd.csv", applied)))) {
            var sheet = result.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            assertThat(sheet.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(500);
            assertThat(sheet.getRow(1).getCell(4).getStringCellValue()).isEqualTo("'=cmd.csv");
        }
    }

    @Test
    void shouldReportEveryBadRowAndRefuseToApply() {
        byte[] file = csv(String.join("\n",
                "nobody_" + TestData.unique("u") + ",5,goodwill,x",
                "@" + anna.username() + ",five,goodwill,x",
                "@" + anna.username() + ",50000,goodwill,x",
                "@" + anna.username() + ",5,bribe,x",
                "@" + anna.username() + ",5,goodwill,",
                "@" + anna.username() + ",7,other,same",
                "@" + anna.username() + ",7,other,same",
                "=HYPERLINK(\"http://evil\"),5,goodwill,x"));
        BulkPreview preview = bulk.preview("bad.csv", file);
        assertThat(preview.applicable()).isFalse();
        assertThat(preview.rows()).extracting(r -> r.errors().isEmpty() ? "ok" : r.errors().getFirst()).containsExactly(
                "bulk.row.unknown-user", "bulk.row.bad-number", "bulk.row.over-threshold", "bulk.row.bad-reason",
                "bulk.row.bad-comment", "ok", "bulk.row.duplicate", "bulk.row.formula");
        assertThatThrownBy(() -> bulk.apply("bad.csv", file)).hasMessage("bulk.error.invalid-rows");
        assertThat(dsl.fetchCount(TOKEN_LEDGER, TOKEN_LEDGER.USER_ID.eq(anna.userId()))).isZero();
    }

    @Test
    void shouldApplyNothingWhenOneRowWouldTakeABalanceBelowZero() {
        byte[] file = csv("@" + anna.username() + ",300,goodwill,fine\n@" + boris.username() + ",-1,correction,boris has nothing\n");
        assertThat(bulk.preview("neg.csv", file).applicable()).isTrue();
        assertThatThrownBy(() -> bulk.apply("neg.csv", file)).isInstanceOf(InsufficientBalanceException.class);
        assertThat(balance(anna.userId())).isZero();
        assertThat(bulk.preview("neg.csv", file).alreadyApplied()).isFalse();
    }

    @Test
    void shouldReadXlsxAndRefuseFormulas() throws Exception {
        byte[] plain = xlsx(false);
        assertThat(bulk.preview("plain.xlsx", plain).rows()).singleElement().satisfies(r -> {
            assertThat(r.userId()).isEqualTo(anna.userId());
            assertThat(r.delta()).isEqualTo(42);
        });
        assertThatThrownBy(() -> bulk.preview("formula.xlsx", xlsx(true))).hasMessage("bulk.error.formula");
    }

    @Test
    void shouldRefuseUnsafeOrUnreadableFiles() throws Exception {
        assertThatThrownBy(() -> bulk.preview("bomb.xlsx", zipBomb())).hasMessage("bulk.error.zip-bomb");
        assertThatThrownBy(() -> bulk.preview("fake.xlsx", "not a zip".getBytes(StandardCharsets.UTF_8))).hasMessage("bulk.error.malformed");
        assertThatThrownBy(() -> bulk.preview("data.txt", csv("a,1,goodwill,x"))).hasMessage("bulk.error.type");
        assertThatThrownBy(() -> bulk.preview("big.csv", new byte[BulkFileReader.MAX_BYTES + 1])).hasMessage("bulk.error.too-large");
        assertThatThrownBy(() -> bulk.preview("short.csv", csv("a,1,goodwill"))).hasMessage("bulk.error.columns");
        assertThatThrownBy(() -> bulk.preview("latin1.csv", new byte[] {'a', ',', '1', ',', 'g', ',', (byte) 0xE9})).hasMessage("bulk.error.encoding");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= BulkFileReader.MAX_ROWS; i++) {
            many.append("@x,1,goodwill,row ").append(i).append('\n');
        }
        assertThatThrownBy(() -> bulk.preview("many.csv", csv(many.toString()))).hasMessage("bulk.error.too-many-rows");
    }

    @Test
    void shouldBeForAdminsOnly() {
        signInAs("agent", Role.SUPPORT, Role.PRIVACY_OFFICER, Role.OPERATOR, Role.ANALYST);
        assertThatThrownBy(() -> bulk.preview("x.csv", csv("a,1,goodwill,x"))).isInstanceOf(AccessDeniedException.class);
    }

    private byte[] xlsx(boolean formula) throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var row = workbook.createSheet().createRow(0);
            row.createCell(0).setCellValue("@" + anna.username());
            if (formula) {
                row.createCell(1).setCellFormula("40+2");
            } else {
                row.createCell(1).setCellValue(42);
            }
            row.createCell(2).setCellValue("goodwill");
            row.createCell(3).setCellValue("from a workbook");
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static byte[] zipBomb() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] spaces = new byte[1024 * 1024];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 30; i++) {
                zip.write(spaces);
            }
        }
        assertThat(out.size()).isLessThan(BulkFileReader.MAX_BYTES);
        return out.toByteArray();
    }

    private static byte[] csv(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private long balance(long user) {
        return dsl.select(TOKEN_BALANCE.BALANCE).from(TOKEN_BALANCE).where(TOKEN_BALANCE.USER_ID.eq(user))
                .fetchOptional(r -> r.value1()).orElse(0L);
    }
}
