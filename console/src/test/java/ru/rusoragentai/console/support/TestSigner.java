package ru.rusoragentai.console.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertPath;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.List;
import java.util.zip.ZipFile;
import jdk.security.jarsigner.JarSigner;

/**
 * A signing key for test plugins, made once per test JVM with the JDK's keytool, and the trust store that names its
 * certificate. Jars are signed in-process with the JDK's {@link JarSigner}, exactly as {@code jarsigner} would.
 */
public final class TestSigner {

    private static final char[] PASSWORD = "test-signer".toCharArray();
    private static final String ALIAS = "console-tests";
    private static volatile Key key;

    private record Key(PrivateKey privateKey, CertPath chain, Path trustDir) {
    }

    private TestSigner() {
    }

    public static byte[] sign(byte[] jar) {
        return sign(jar, key().privateKey(), key().chain());
    }

    /** Signs with a key of the caller's (an untrusted one, in tests). */
    public static byte[] sign(byte[] jar, PrivateKey privateKey, CertPath chain) {
        try {
            Path unsigned = Files.createTempFile("unsigned", ".jar");
            try {
                Files.write(unsigned, jar);
                ByteArrayOutputStream signed = new ByteArrayOutputStream();
                try (ZipFile zip = new ZipFile(unsigned.toFile())) {
                    new JarSigner.Builder(privateKey, chain).build().sign(zip, signed);
                }
                return signed.toByteArray();
            } finally {
                Files.deleteIfExists(unsigned);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path trustDir() {
        return key().trustDir();
    }

    /** A new key pair and self-signed certificate in a PKCS12 store, made by keytool. */
    public static KeyStore newKeyStore(Path file, String commonName) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process process = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", ALIAS, "-keyalg", "EC",
                    "-groupname", "secp256r1", "-dname", "CN=" + commonName, "-validity", "3650", "-storetype", "PKCS12",
                    "-keystore", file.toString(), "-storepass", new String(PASSWORD), "-keypass", new String(PASSWORD))
                    .redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (process.waitFor() != 0) {
                throw new IllegalStateException("keytool failed: " + output);
            }
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(file)) {
                store.load(in, PASSWORD);
            }
            return store;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot make a test signing key", e);
        }
    }

    public static PrivateKey privateKey(KeyStore store) throws Exception {
        return (PrivateKey) store.getKey(ALIAS, PASSWORD);
    }

    public static CertPath chain(KeyStore store) throws Exception {
        Certificate[] chain = store.getCertificateChain(ALIAS);
        return CertificateFactory.getInstance("X.509").generateCertPath(List.of(chain));
    }

    private static Key key() {
        Key current = key;
        if (current == null) {
            synchronized (TestSigner.class) {
                if (key == null) {
                    key = create();
                }
                current = key;
            }
        }
        return current;
    }

    private static Key create() {
        try {
            Path dir = Files.createTempDirectory("console-test-signer");
            KeyStore store = newKeyStore(dir.resolve("signer.p12"), "Console Tests");
            Path trust = Files.createDirectories(dir.resolve("trust"));
            Certificate certificate = store.getCertificate(ALIAS);
            Files.writeString(trust.resolve("console-tests.pem"), "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n");
            return new Key(privateKey(store), chain(store), trust);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot make the test signing key", e);
        }
    }
}
