package ru.rusoragentai.console.plugins;

import org.jspecify.annotations.Nullable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSigner;
import java.security.GeneralSecurityException;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import ru.rusoragentai.console.i18n.Text;

/**
 * Whether an uploaded jar is signed by a key the console trusts. The trust store is a directory of X.509
 * certificates; a jar is trusted when every class and resource in it (all but the signature files) is signed and one
 * certificate of a signer's chain is in the store. The JDK checks the signatures themselves ({@link JarFile} with
 * verification on): a changed entry fails with a {@link SecurityException}.
 */
@Component
class PluginTrust {

    private static final Logger log = LoggerFactory.getLogger(PluginTrust.class);

    /** What a jar's signatures say. */
    sealed interface Verdict {
        /** Signed throughout by a trusted key. */
        record Trusted(@Nullable String signer) implements Verdict {
        }

        /** No signature, part of it unsigned, or signed by a key the console does not know (signer may be null). */
        record Untrusted(@Nullable String signer, String why) implements Verdict {
        }

        /** A signature that does not match the content: the file was changed after signing. */
        record Broken(Text why) implements Verdict {
        }
    }

    private final PluginProperties properties;

    PluginTrust(PluginProperties properties) {
        this.properties = properties;
    }

    Verdict verify(Path jar) {
        Set<Certificate> trusted = trustedCertificates();
        String signer = null;
        try (JarFile file = new JarFile(jar.toFile(), true)) {
            byte[] buffer = new byte[8192];
            boolean allSigned = true;
            boolean allTrusted = true;
            int checked = 0;
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                try (InputStream in = file.getInputStream(entry)) {
                    while (in.read(buffer) != -1) {
                        // reading to the end makes the JDK check the entry's digest against the signature
                    }
                }
                if (entry.isDirectory() || isSignatureFile(entry.getName())) {
                    continue;
                }
                checked++;
                CodeSigner[] signers = entry.getCodeSigners();
                if (signers == null || signers.length == 0) {
                    allSigned = false;
                    continue;
                }
                boolean known = false;
                for (CodeSigner codeSigner : signers) {
                    List<? extends Certificate> chain = codeSigner.getSignerCertPath().getCertificates();
                    if (signer == null && !chain.isEmpty() && chain.getFirst() instanceof X509Certificate x509) {
                        signer = x509.getSubjectX500Principal().getName();
                    }
                    known |= chain.stream().anyMatch(trusted::contains);
                }
                allTrusted &= known;
            }
            if (checked == 0 || signer == null) {
                // a jar with nothing but a manifest proves nothing about who made it
                return new Verdict.Untrusted(null, "not signed");
            }
            if (!allSigned) {
                return new Verdict.Untrusted(signer, signer == null ? "not signed" : "partly unsigned");
            }
            if (!allTrusted) {
                return new Verdict.Untrusted(signer, "signed by a key that is not in the trust store");
            }
            return new Verdict.Trusted(signer);
        } catch (SecurityException e) {
            return new Verdict.Broken(new Text("plugins.trust.mismatch", String.valueOf(e.getMessage())));
        } catch (IOException e) {
            return new Verdict.Broken(new Text("plugins.trust.unreadable", String.valueOf(e.getMessage())));
        }
    }

    private static boolean isSignatureFile(String name) {
        String upper = name.toUpperCase(java.util.Locale.ROOT);
        return upper.equals("META-INF/MANIFEST.MF") || (upper.startsWith("META-INF/") && upper.indexOf('/', 9) < 0
                && (upper.endsWith(".SF") || upper.endsWith(".RSA") || upper.endsWith(".DSA") || upper.endsWith(".EC")
                || upper.startsWith("META-INF/SIG-")));
    }

    private Set<Certificate> trustedCertificates() {
        Path dir = properties.trustDir().toAbsolutePath();
        Set<Certificate> certificates = new HashSet<>();
        if (!Files.isDirectory(dir)) {
            return certificates;
        }
        List<Path> files = new ArrayList<>();
        try (Stream<Path> listing = Files.list(dir)) {
            listing.filter(f -> f.toString().endsWith(".pem") || f.toString().endsWith(".crt")).forEach(files::add);
        } catch (IOException e) {
            log.error("Cannot read the plugin trust store {}", dir, e);
            return certificates;
        }
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                certificates.addAll(CertificateFactory.getInstance("X.509").generateCertificates(in));
            } catch (IOException | GeneralSecurityException e) {
                log.warn("Skipping unreadable certificate {} in the plugin trust store: {}", file, e.getMessage());
            }
        }
        return certificates;
    }
}
