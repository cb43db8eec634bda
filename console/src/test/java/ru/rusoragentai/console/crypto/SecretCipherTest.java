package ru.rusoragentai.console.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCipherTest {

    @TempDir
    Path dir;

    @Test
    void shouldRoundTripAndNeverRepeatACiphertext() {
        SecretCipher cipher = new SecretCipher(new CryptoProperties(null, dir.resolve("k").toString()));
        byte[] first = cipher.encryptString("секрет");
        byte[] second = cipher.encryptString("секрет");
        assertThat(first).isNotEqualTo(second);
        assertThat(cipher.decryptString(first)).isEqualTo("секрет");
    }

    @Test
    void shouldStreamFilesLargerThanOneSegmentAndRefuseTamperingOrAnotherContext() throws Exception {
        SecretCipher cipher = new SecretCipher(new CryptoProperties(null, dir.resolve("k").toString()));
        byte[] plain = new byte[3 * (1 << 20) + 12_345];
        new java.util.Random(7).nextBytes(plain);
        var sealed = new java.io.ByteArrayOutputStream();
        try (var out = cipher.encryptingStream(sealed, "package-1.zip")) {
            out.write(plain);
        }
        byte[] ciphertext = sealed.toByteArray();
        assertThat(ciphertext.length).isGreaterThan(plain.length);
        try (var in = cipher.decryptingStream(new java.io.ByteArrayInputStream(ciphertext), "package-1.zip")) {
            assertThat(in.readAllBytes()).isEqualTo(plain);
        }
        assertThatThrownBy(() -> cipher.decryptingStream(new java.io.ByteArrayInputStream(ciphertext), "package-2.zip").readAllBytes())
                .isInstanceOf(java.io.IOException.class);
        ciphertext[ciphertext.length / 2] ^= 1;
        assertThatThrownBy(() -> cipher.decryptingStream(new java.io.ByteArrayInputStream(ciphertext), "package-1.zip").readAllBytes())
                .isInstanceOf(java.io.IOException.class);
    }

    @Test
    void shouldDetectATamperedCiphertext() {
        SecretCipher cipher = new SecretCipher(new CryptoProperties(null, dir.resolve("k").toString()));
        byte[] sealed = cipher.encryptString("amount=100");
        sealed[sealed.length - 1] ^= 1;
        assertThatThrownBy(() -> cipher.decrypt(sealed)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void shouldCreateTheKeyFileOwnerOnlyAndReuseItAfterRestart() throws Exception {
        Path keyFile = dir.resolve("sub").resolve("master.key");
        byte[] sealed = new SecretCipher(new CryptoProperties(null, keyFile.toString())).encryptString("kept");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
        assertThat(new SecretCipher(new CryptoProperties(null, keyFile.toString())).decryptString(sealed)).isEqualTo("kept");
    }

    @Test
    void shouldRejectAKeyOfTheWrongLength() {
        assertThatThrownBy(() -> new SecretCipher(new CryptoProperties("c2hvcnQ=", null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("32 bytes");
    }

    @Test
    void shouldNotDecryptWithAnotherKey() {
        byte[] sealed = new SecretCipher(new CryptoProperties(null, dir.resolve("a").toString())).encryptString("x");
        SecretCipher other = new SecretCipher(new CryptoProperties(null, dir.resolve("b").toString()));
        assertThatThrownBy(() -> other.decrypt(sealed)).isInstanceOf(IllegalStateException.class);
    }
}
