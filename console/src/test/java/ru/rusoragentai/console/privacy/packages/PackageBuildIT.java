package ru.rusoragentai.console.privacy.packages;

import ru.rusoragentai.console.privacy.ExportPackage;
import ru.rusoragentai.console.privacy.PrivacyRequestService;
import ru.rusoragentai.console.privacy.PrivacyRequest;
import ru.rusoragentai.console.privacy.PrivacyException;
import ru.rusoragentai.console.privacy.PrivacyTask;
import ru.rusoragentai.console.privacy.RequestType;
import ru.rusoragentai.console.privacy.RequestStatus;
import ru.rusoragentai.console.privacy.Recipient;
import ru.rusoragentai.console.privacy.SubjectFixture;
import ru.rusoragentai.console.privacy.erasure.ErasureService;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.rusoragentai.db.Tables.APP_USER;
import static ru.rusoragentai.db.Tables.AUDIT_EVENT;
import static ru.rusoragentai.db.Tables.CONVERSATION;
import static ru.rusoragentai.db.Tables.EXPORT_FILE;
import static ru.rusoragentai.db.Tables.PAYMENT;
import static ru.rusoragentai.db.Tables.STAFF_RECENT;
import static ru.rusoragentai.db.Tables.TOKEN_LEDGER;
import static ru.rusoragentai.db.Tables.USAGE_EVENT;
import static ru.rusoragentai.db.Tables.WEBHOOK_INBOX;

import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import ru.rusoragentai.console.crypto.SecretCipher;
import ru.rusoragentai.console.plugins.PluginService;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.support.DatabaseTest;
import ru.rusoragentai.console.support.PluginFixture;
import ru.rusoragentai.console.tokens.TokenLedgerService;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;


/** Access and portability packages built end to end on the real database (work runs on the caller's thread here). */
class PackageBuildIT extends DatabaseTest {

    static final String CONNECTOR = PluginFixture.PRIVACY_CONNECTOR;

    @Autowired
    PrivacyRequestService requests;
    @Autowired
    PackageService packages;
    @Autowired
    ErasureService erasures;
    @Autowired
    TokenLedgerService ledger;
    @Autowired
    SecretCipher cipher;
    @Autowired
    PluginService pluginService;

    @AfterEach
    void removePlugins() {
        signInAs("operator", Role.OPERATOR);
        PluginFixture.removeTestPlugins(pluginService);
    }

    @Test
    void shouldBuildAnEncryptedPackageWithEveryCategoryThatOpensInPoiAndMatchesItsSchema() throws Exception {
        installConnector();
        signInAs("admin-seed", Role.ADMIN);
        SubjectFixture subject = SubjectFixture.create(dsl, ledger, cipher, 40, 5);
        dsl.insertInto(ru.rusoragentai.db.Tables.ABUSE_FLAG).set(ru.rusoragentai.db.Tables.ABUSE_FLAG.USER_ID, subject.userId())
                .set(ru.rusoragentai.db.Tables.ABUSE_FLAG.RULE_CODE, "usage_spike").set(ru.rusoragentai.db.Tables.ABUSE_FLAG.SUBJECT_KEY, "u:" + subject.userId())
                .set(ru.rusoragentai.db.Tables.ABUSE_FLAG.EPISODE, "day:test").set(ru.rusoragentai.db.Tables.ABUSE_FLAG.EVIDENCE, "{\"tokens\":9000}")
                .set(ru.rusoragentai.db.Tables.ABUSE_FLAG.STATUS, "confirmed").set(ru.rusoragentai.db.Tables.ABUSE_FLAG.CREATED_AT, ru.rusoragentai.console.support.TestClock.now())
                .execute();
        signInAs("officer-1", Role.PRIVACY_OFFICER);
        PrivacyRequest request = subject.inProgress(requests, RequestType.ACCESS);
        assertThatThrownBy(() -> requests.complete(request.id(), request.version(), "Here it is."))
                .isInstanceOf(PrivacyException.class).hasMessageContaining("Build the data package first");

        PrivacyTask task = packages.requestPackage(request.id());

        assertThat(packages.packageTask(request.id()).orElseThrow().status()).as(String.valueOf(packages.packageTask(request.id())))
                .isEqualTo(PrivacyTask.TaskStatus.DONE);
        assertThat(task.system()).isEqualTo(PrivacyTask.PACKAGE);
        ExportPackage stored = packages.currentPackage(request.id()).orElseThrow();
        byte[] onDisk = Files.readAllBytes(Path.of(stored.storagePath()));
        assertThat(new String(onDisk, 0, 2, StandardCharsets.ISO_8859_1)).isNotEqualTo("PK");
        assertThat(stored.expiresAt()).isEqualTo(stored.createdAt().plusDays(7));

        byte[] zip;
        try (InputStream in = packages.download(request.id()).content()) {
            zip = in.readAllBytes();
        }
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(zip))).isEqualTo(stored.sha256());
        Map<String, byte[]> entries = unzip(zip);
        String manifest = new String(entries.get(PackageWriter.MANIFEST), StandardCharsets.UTF_8);
        for (PackageCategory category : PackageCategory.values()) {
            assertThat(entries).containsKey("csv/" + category.key() + ".csv");
        }
        for (String line : manifest.strip().split("\n")) {
            String[] parts = line.split("  ", 2);
            assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(entries.get(parts[1])))).isEqualTo(parts[0]);
        }
        assertThat(manifest.lines().count()).isEqualTo(entries.size() - 1);

        try (ZipInputStream parts = new ZipInputStream(new ByteArrayInputStream(entries.get(PackageWriter.WORKBOOK)))) {
            for (ZipEntry part = parts.getNextEntry(); part != null; part = parts.getNextEntry()) {
                assertThat(part.getTimeLocal().getYear()).as("the date of " + part.getName()).isGreaterThanOrEqualTo(2020);
            }
        }
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(entries.get(PackageWriter.WORKBOOK)))) {
            assertThat(workbook.getSheetName(0)).isEqualTo("Cover");
            for (PackageCategory category : PackageCategory.values()) {
                assertThat(workbook.getSheet(category.key())).as(category.key()).isNotNull();
            }
            String cover = text(workbook.getSheet("Cover"));
            assertThat(cover).contains("Anthropic", "OpenAI", "Google", "Tribute", "12 months");
            assertThat(workbook.getSheet("usage").getLastRowNum()).isEqualTo(40);
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).as(sheet.getSheetName() + " " + cell.getAddress()).isNotEqualTo(CellType.FORMULA);
                    }
                }
            }
            Row conversation = workbook.getSheet("conversations").getRow(1);
            // a string cell is never evaluated, so the workbook keeps the true text, as the JSON does; only CSV needs the prefix
            assertThat(conversation.getCell(2).getCellType()).isEqualTo(CellType.STRING);
            assertThat(conversation.getCell(2).getStringCellValue()).isEqualTo(subject.formulaTitle());
            assertThat(text(workbook.getSheet("account"))).contains(subject.user().email());
            assertThat(text(workbook.getSheet("external_systems"))).contains("Recording remote store");
        }

        JsonNode json = JsonMapper.builder().build().readTree(entries.get(PackageWriter.JSON_FILE));
        var schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(new ByteArrayInputStream(entries.get(PackageWriter.SCHEMA_FILE)));
        assertThat(schema.validate(json)).isEmpty();
        assertThat(json.at("/categories/usage").size()).isEqualTo(40);
        assertThat(json.at("/categories/abuse_monitoring").size()).isEqualTo(1);
        assertThat(json.at("/categories/abuse_monitoring/0/rule_or_measure").asText()).isEqualTo("usage_spike");
        assertThat(json.at("/categories/abuse_monitoring/0/details").asText()).contains("9000");
        Map<Long, JsonNode> usageRows = new LinkedHashMap<>();
        json.at("/categories/usage").forEach(row -> usageRows.put(row.get("event_id").asLong(), row));
        var usageCsv = CSVFormat.RFC4180.builder().setHeader().get()
                .parse(new StringReader(new String(entries.get("csv/usage.csv"), StandardCharsets.UTF_8))).getRecords();
        Map<String, CSVRecord> usageCsvRows = new LinkedHashMap<>();
        usageCsv.forEach(row -> usageCsvRows.put(row.get("event_id"), row));
        for (var event : dsl.selectFrom(USAGE_EVENT).where(USAGE_EVENT.USER_ID.eq(subject.userId())).fetch()) {
            JsonNode row = usageRows.get(event.getId());
            assertThat(row).as("usage event %d", event.getId()).isNotNull();
            assertThat(row.get("occurred_at").asString()).isEqualTo(event.getOccurredAt().toString());
            assertThat(row.get("ip").asString()).isEqualTo(subject.user().ip());
            assertThat(row.get("session_id").isNull()).isEqualTo(event.getSessionId() == null);
            if (event.getSessionId() != null) {
                assertThat(row.get("session_id").asLong()).isEqualTo(event.getSessionId());
            }
            assertThat(row.get("input_tokens").asInt()).isEqualTo(event.getInputTokens());
            assertThat(row.get("tokens_charged").asLong()).isEqualTo(event.getTokensCharged());
            assertThat(row.get("model").asString()).isEqualTo(event.getModel());
            var csvRow = usageCsvRows.get(Long.toString(event.getId()));
            assertThat(csvRow.get("occurred_at")).isEqualTo(event.getOccurredAt().toString());
            assertThat(csvRow.get("session_id")).isEqualTo(event.getSessionId() == null ? "" : event.getSessionId().toString());
            assertThat(csvRow.get("ip")).isEqualTo(subject.user().ip());
        }
        assertThat(json.at("/categories/conversations/0/title").asString()).isEqualTo(subject.formulaTitle());
        assertThat(json.at("/categories/payments/0/external_id").asString()).isEqualTo(subject.user().paymentId());
        ((tools.jackson.databind.node.ObjectNode) json.at("/categories/account/0")).put("unexpected", 1);
        assertThat(schema.validate(json)).as("the schema refuses unknown fields").isNotEmpty();

        var csv = CSVFormat.RFC4180.builder().setHeader().get()
                .parse(new StringReader(new String(entries.get("csv/conversations.csv"), StandardCharsets.UTF_8))).getRecords();
        assertThat(csv.get(0).get("title")).isEqualTo("'" + subject.formulaTitle());

        assertThat(SubjectFixture.auditActions(dsl, request.id())).contains("privacy.package_requested", "privacy.package_built", "privacy.package_downloaded");
        PrivacyRequest fresh = requests.get(request.id());
        assertThat(requests.complete(fresh.id(), fresh.version(), "Your data is attached.").status()).isEqualTo(RequestStatus.COMPLETED);
    }

    @Test
    void shouldLetOnlyOfficersBuildAndDownloadPackages() throws Exception {
        signInAs("admin-seed", Role.ADMIN);
        SubjectFixture subject = SubjectFixture.create(dsl, ledger, cipher, 1, 1);
        signInAs("officer-1", Role.PRIVACY_OFFICER);
        PrivacyRequest request = subject.inProgress(requests, RequestType.PORTABILITY);
        signInAs("agent-1", Role.SUPPORT);
        assertThatThrownBy(() -> packages.requestPackage(request.id())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> packages.download(request.id())).isInstanceOf(AccessDeniedException.class);
        signInAs("officer-1", Role.PRIVACY_OFFICER);
        assertThatThrownBy(() -> packages.download(request.id())).isInstanceOf(PrivacyException.class)
                .hasMessageContaining("no package");
    }

    private void installConnector() {
        signInAs("operator", Role.OPERATOR);
        PluginFixture.installPrivacyConnector(pluginService);
    }


    static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static String text(Sheet sheet) {
        StringBuilder out = new StringBuilder();
        sheet.forEach(row -> row.forEach(cell -> out.append(cell.toString()).append(' ')));
        return out.toString();
    }
}
