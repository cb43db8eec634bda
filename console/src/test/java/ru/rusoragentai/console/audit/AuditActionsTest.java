package ru.rusoragentai.console.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every audit action the console records has its wording in both languages, so no log shows a bare code. */
class AuditActionsTest {

    // a code written out whole (a code built from parts, such as privacy.recipient_ + status, is listed by hand below)
    private static final Pattern RECORDED = Pattern.compile("record(?:Personal|As)?\\((?:[^,()]*, )?\"([a-z]+\\.[a-z_-]*[a-z])\"[,)]");

    @Test
    void shouldWordEveryRecordedActionInEnglishAndRussian() throws Exception {
        Set<String> codes = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                var matcher = RECORDED.matcher(Files.readString(source));
                while (matcher.find()) {
                    codes.add(matcher.group(1));
                }
            }
        }
        // codes chosen at run time (a ternary, a status appended) are not literal arguments: named here
        codes.addAll(java.util.List.of("privacy.recipient_notified", "privacy.recipient_not_required", "abuse.flag_confirmed",
                "abuse.flag_dismissed", "user.suspended", "user.unsuspended", "user.restricted", "user.unrestricted", "user.capped",
                "user.cap_removed", "privacy.identity_verified", "privacy.in_progress", "privacy.completed", "privacy.rejected",
                "privacy.extended"));
        assertThat(codes).as("the scan finds the recorded actions").contains("tokens.adjusted", "staff.login", "privacy.erasure_approved");
        for (String bundle : new String[] {"/vaadin-i18n/translations.properties", "/vaadin-i18n/translations_ru.properties"}) {
            Properties texts = new Properties();
            try (var reader = new InputStreamReader(AuditActionsTest.class.getResourceAsStream(bundle), StandardCharsets.UTF_8)) {
                texts.load(reader);
            }
            assertThat(codes).as(bundle).allSatisfy(code -> assertThat(texts.getProperty("audit.action." + code)).as(code).isNotBlank());
        }
    }
}
