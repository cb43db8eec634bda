package ru.rusoragentai.console.privacy.erasure;

import ru.rusoragentai.console.privacy.PrivacyRequestService;
import ru.rusoragentai.console.privacy.PrivacyRequest;
import ru.rusoragentai.console.privacy.PrivacyException;
import ru.rusoragentai.console.privacy.PrivacyTask;
import ru.rusoragentai.console.privacy.RequestType;
import ru.rusoragentai.console.privacy.RequestStatus;
import ru.rusoragentai.console.privacy.Recipient;
import ru.rusoragentai.console.privacy.SubjectFixture;
import ru.rusoragentai.console.privacy.packages.PackageService;

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


/** Erasures run end to end on the real database (work runs on the caller's thread here). */
class ErasureIT extends DatabaseTest {

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
    void shouldEraseAfterASecondOfficerApprovesAndKeepPaymentsWithoutALinkToThePerson() throws Exception {
        installConnector();
        signInAs("admin-seed", Role.ADMIN);
        SubjectFixture subject = SubjectFixture.create(dsl, ledger, cipher, 25, 6);
        long user = subject.userId();
        signInAs("officer-1", Role.PRIVACY_OFFICER);
        PrivacyRequest access = subject.inProgress(requests, RequestType.ACCESS);
        packages.requestPackage(access.id());
        Path oldPackage = Path.of(packages.currentPackage(access.id()).orElseThrow().storagePath());
        PrivacyRequest deletion = subject.inProgress(requests, RequestType.DELETION);

        PrivacyRequest prepared = erasures.prepare(deletion.id(), deletion.version());

        assertThat(prepared.status()).isEqualTo(RequestStatus.AWAITING_APPROVAL);
        assertThat(prepared.preparedBy()).isEqualTo("officer-1");
        assertThat(erasures.tasks(deletion.id())).extracting(PrivacyTask::system).containsExactly(
                "plugin:" + CONNECTOR, ErasureService.CONVERSATIONS, ErasureService.USAGE, ErasureService.SESSIONS,
                ErasureService.LEDGER, ErasureService.PAYMENTS, ErasureService.ACCOUNT, PrivacyTask.RESIDUAL_SCAN);
        assertThatThrownBy(() -> erasures.approve(prepared.id(), prepared.version()))
                .isInstanceOf(PrivacyException.class).hasMessageContaining("another privacy officer");
        assertThat(dsl.fetchCount(APP_USER, APP_USER.ID.eq(user))).isEqualTo(1);
        signInAs("agent-1", Role.SUPPORT);
        assertThatThrownBy(() -> erasures.approve(prepared.id(), prepared.version())).isInstanceOf(AccessDeniedException.class);

        signInAs("officer-2", Role.PRIVACY_OFFICER);
        erasures.approve(prepared.id(), prepared.version());

        PrivacyRequest done = requests.get(deletion.id());
        assertThat(done.status()).as(erasures.tasks(deletion.id()).toString()).isEqualTo(RequestStatus.COMPLETED);
        assertThat(done.approvedBy()).isEqualTo("officer-2");
        assertThat(erasures.tasks(deletion.id())).allSatisfy(t -> {
            assertThat(t.status()).isEqualTo(PrivacyTask.TaskStatus.DONE);
            assertThat(t.attempts()).isEqualTo(1);
        });
        assertThat(erasures.tasks(deletion.id()).getFirst().result()).contains("Recording remote store", "erased");
        assertThat(dsl.fetchCount(APP_USER, APP_USER.ID.eq(user))).isZero();
        assertThat(dsl.fetchCount(USAGE_EVENT, USAGE_EVENT.USER_ID.eq(user))).isZero();
        assertThat(dsl.fetchCount(TOKEN_LEDGER, TOKEN_LEDGER.USER_ID.eq(user))).isZero();
        assertThat(dsl.fetchCount(CONVERSATION, CONVERSATION.USER_ID.eq(user))).isZero();
        assertThat(dsl.fetchCount(STAFF_RECENT, STAFF_RECENT.VALUE.eq("@" + subject.user().username()))).isZero();
        var payment = dsl.selectFrom(PAYMENT).where(PAYMENT.EXTERNAL_ID.eq(subject.user().paymentId())).fetchSingle();
        assertThat(payment.getUserId()).isNull();
        assertThat(payment.getAmountMinor()).isEqualTo(49_900L);
        assertThat(payment.getCurrency()).isEqualTo("RUB");
        assertThat(payment.getChannel()).isEqualTo("pay-tribute");
        assertThat(payment.getSubjectPseudonym()).as("a random pseudonym, not derived from the person").matches("erased-[0-9a-f-]{36}");
        assertThat(payment.getRawEvent()).isNull();
        var webhook = dsl.selectFrom(WEBHOOK_INBOX).where(WEBHOOK_INBOX.EXTERNAL_ID.eq(subject.user().paymentId())).fetchSingle();
        assertThat(webhook.getBody()).isEmpty();
        assertThat(webhook.getTelegramUserId()).isNull();
        assertThat(Files.exists(oldPackage)).as("the subject's earlier package is destroyed").isFalse();
        assertThat(dsl.select(EXPORT_FILE.DELETED_AT).from(EXPORT_FILE).where(EXPORT_FILE.REQUEST_ID.eq(access.id())).fetchSingle().value1())
                .isNotNull();

        ResidualScan.Result scan = erasures.residualScan(deletion.id()).orElseThrow();
        assertThat(scan.clean()).isTrue();
        assertThat(scan.checks()).filteredOn(l -> l.check().equals("audit_event.target_id")).singleElement()
                .satisfies(l -> assertThat(l.verdict()).startsWith("kept"));
        assertThat(scan.checks()).filteredOn(l -> !l.check().equals("audit_event.target_id")).allSatisfy(l -> assertThat(l.rows()).isZero());
        assertThat(dsl.select(ru.rusoragentai.db.Tables.PRIVACY_REQUEST.SUBJECT_ENC).from(ru.rusoragentai.db.Tables.PRIVACY_REQUEST)
                .where(ru.rusoragentai.db.Tables.PRIVACY_REQUEST.ID.eq(deletion.id())).fetchSingle().value1()).isNull();

        assertThat(erasures.recipients(deletion.id())).extracting(Recipient::name).containsExactlyInAnyOrder("anthropic", "tribute");
        erasures.markRecipient(deletion.id(), "tribute", "notified", "emailed their DPO");
        assertThat(erasures.recipients(deletion.id())).filteredOn(r -> r.name().equals("tribute")).singleElement()
                .satisfies(r -> assertThat(r.status()).isEqualTo("notified"));
        assertThat(SubjectFixture.auditActions(dsl, deletion.id())).contains("privacy.erasure_prepared", "privacy.erasure_approved",
                "privacy.erasure_completed", "privacy.recipient_notified");
        signInAs("admin", Role.ADMIN);
        assertThat(ledger.findDiscrepancies()).isEmpty();
    }

    @Test
    void shouldCoverEveryTableOfTheSchemaInTheResidualScan() {
        java.util.Set<String> covered = new java.util.HashSet<>(ResidualScan.NO_USER_DATA.keySet());
        ResidualScan.CHECKS.forEach(c -> covered.add(c.table()));
        List<String> tables = dsl.resultQuery("SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE()")
                .fetch(0, String.class);
        assertThat(covered).containsAll(tables);
    }

    private void installConnector() {
        signInAs("operator", Role.OPERATOR);
        PluginFixture.installPrivacyConnector(pluginService);
    }

}
