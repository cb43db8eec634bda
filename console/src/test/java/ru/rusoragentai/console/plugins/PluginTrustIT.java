package ru.rusoragentai.console.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.rusoragentai.db.Tables.AUDIT_EVENT;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.security.KeyStore;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;
import ru.rusoragentai.console.plugins.broken.FixedProvider;
import ru.rusoragentai.console.plugins.broken.ImpostorProvider;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.support.DatabaseTest;
import ru.rusoragentai.console.support.TestPlugins;
import ru.rusoragentai.console.support.TestSigner;

/** Which uploaded plugins load: signed by a trusted key at once, any other only after a second administrator. */
class PluginTrustIT extends DatabaseTest {

    private static final String OK = ">=1.0.0 & <2.0.0";

    @Autowired
    PluginService plugins;
    @Autowired
    PluginUploadService uploads;
    @Autowired
    PluginHost host;
    @Autowired
    PluginProperties properties;

    @AfterEach
    void cleanUp() {
        signInAs("cleanup", Role.ADMIN);
        uploads.pending().stream().filter(u -> u.pluginId().startsWith("test-")).forEach(u -> uploads.reject(u.id()));
        host.plugins().stream().map(PluginSummary::id).filter(id -> id.startsWith("test-")).forEach(plugins::uninstall);
        signOut();
    }

    @Test
    void shouldHoldAnUnsignedUploadUntilAnotherAdministratorApprovesItsHash() throws Exception {
        byte[] jar = TestPlugins.unsignedJar("test-unsigned", OK, null, List.of(FixedProvider.class.getName()), FixedProvider.class);
        signInAs("uploading-admin", Role.ADMIN);

        InstallOutcome outcome = plugins.install("unsigned.jar", jar);

        assertThat(outcome.isPending()).isTrue();
        assertThat(outcome.pending().sha256()).isEqualTo(PluginFiles.sha256(jar));
        assertThat(outcome.pending().signer()).isNull();
        assertThat(host.plugin("test-unsigned")).isEmpty();
        assertThat(properties.dir().resolve("test-unsigned.jar")).doesNotExist();
        assertThat(uploads.pending()).extracting(PendingUpload::id).contains(outcome.pending().id());

        // the uploader cannot approve their own upload, and an operator cannot approve at all
        assertThatThrownBy(() -> uploads.approve(outcome.pending().id())).isInstanceOf(PluginException.class)
                .hasMessageContaining("another administrator");
        assertThat(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("plugin.upload_self_approval_refused")
                .and(AUDIT_EVENT.ACTOR.eq("uploading-admin")))).isEqualTo(1);
        signInAs("an-operator", Role.OPERATOR);
        assertThatThrownBy(() -> uploads.approve(outcome.pending().id())).isInstanceOf(AccessDeniedException.class);
        assertThat(host.plugin("test-unsigned")).isEmpty();

        signInAs("approving-admin", Role.ADMIN);
        PluginSummary installed = uploads.approve(outcome.pending().id());

        assertThat(installed.state()).isEqualTo(PluginState.STARTED);
        assertThat(uploads.pending()).extracting(PendingUpload::id).doesNotContain(outcome.pending().id());
        assertThat(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("plugin.upload_approved")
                .and(AUDIT_EVENT.ACTOR.eq("approving-admin")).and(AUDIT_EVENT.DETAILS.contains(PluginFiles.sha256(jar))))).isEqualTo(1);
    }

    @Test
    void shouldHoldAJarThatHoldsNothingButAManifest() {
        signInAs("an-operator", Role.OPERATOR);
        java.util.jar.Manifest manifest = new java.util.jar.Manifest();
        manifest.getMainAttributes().put(java.util.jar.Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().putValue("Plugin-Id", "test-manifest-only");
        manifest.getMainAttributes().putValue("Plugin-Version", "1.0.0");
        manifest.getMainAttributes().putValue("Plugin-Requires", OK);
        ByteArrayOutputStream jar = new ByteArrayOutputStream();
        try (var out = new java.util.jar.JarOutputStream(jar, manifest)) {
            out.putNextEntry(new ZipEntry("META-INF/empty/"));
            out.closeEntry();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        InstallOutcome outcome = plugins.install("empty.jar", jar.toByteArray());
        assertThat(outcome.isPending()).isTrue();
        assertThat(host.plugin("test-manifest-only")).isEmpty();
    }

    @Test
    void shouldLoadAJarSignedByATrustedKeyAtOnce() {
        signInAs("an-operator", Role.OPERATOR);
        InstallOutcome outcome = plugins.install("signed.jar", TestPlugins.jar("test-signed", OK, null,
                List.of(FixedProvider.class.getName()), FixedProvider.class));
        assertThat(outcome.isPending()).isFalse();
        assertThat(outcome.installed().state()).isEqualTo(PluginState.STARTED);
    }

    @Test
    void shouldHoldAJarSignedByAKeyTheConsoleDoesNotTrust() throws Exception {
        KeyStore stranger = TestSigner.newKeyStore(Files.createTempDirectory("stranger").resolve("k.p12"), "Stranger");
        byte[] jar = TestSigner.sign(TestPlugins.unsignedJar("test-stranger", OK, null, List.of(FixedProvider.class.getName()),
                FixedProvider.class), TestSigner.privateKey(stranger), TestSigner.chain(stranger));
        signInAs("an-operator", Role.OPERATOR);

        InstallOutcome outcome = plugins.install("stranger.jar", jar);

        assertThat(outcome.isPending()).isTrue();
        assertThat(outcome.pending().signer()).isEqualTo("CN=Stranger");
        assertThat(host.plugin("test-stranger")).isEmpty();
    }

    @Test
    void shouldRefuseASignedJarChangedAfterSigning() throws Exception {
        byte[] signed = TestPlugins.jar("test-tampered", OK, null, List.of(FixedProvider.class.getName()), FixedProvider.class);
        byte[] tampered = replaceEntry(signed, FixedProvider.class.getName().replace('.', '/') + ".class");
        signInAs("an-operator", Role.OPERATOR);

        assertThatThrownBy(() -> plugins.install("tampered.jar", tampered)).isInstanceOf(PluginException.class)
                .hasMessageContaining("signature does not match");
        assertThat(host.plugin("test-tampered")).isEmpty();
        assertThat(uploads.pending()).extracting(PendingUpload::pluginId).doesNotContain("test-tampered");
    }

    @Test
    void shouldRefuseAPluginThatClaimsAProviderIdAnotherPluginServes() {
        signInAs("an-operator", Role.OPERATOR);
        byte[] jar = TestPlugins.jar("test-impostor", OK, null, List.of(ImpostorProvider.class.getName()),
                FixedProvider.class, ImpostorProvider.class);

        assertThatThrownBy(() -> plugins.install("impostor.jar", jar)).isInstanceOf(PluginException.class)
                .hasMessageContaining("provider id 'anthropic' is already served by plugin ai-anthropic");

        assertThat(host.plugin("test-impostor")).isEmpty();
        assertThat(properties.dir().resolve("test-impostor.jar")).doesNotExist();
        assertThat(host.plugin("ai-anthropic").orElseThrow().state()).isEqualTo(PluginState.STARTED);
        assertThat(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("plugin.install-refused")
                .and(AUDIT_EVENT.DETAILS.contains("already served")))).isPositive();
    }

    /** The same zip with one entry's bytes changed (its signature no longer matches). */
    private static byte[] replaceEntry(byte[] zip, String name) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip)); ZipOutputStream copy = new ZipOutputStream(out)) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                byte[] content = in.readAllBytes();
                if (entry.getName().equals(name)) {
                    content[content.length - 1] ^= 1;
                }
                copy.putNextEntry(new ZipEntry(entry.getName()));
                copy.write(content);
                copy.closeEntry();
            }
        }
        return out.toByteArray();
    }
}
