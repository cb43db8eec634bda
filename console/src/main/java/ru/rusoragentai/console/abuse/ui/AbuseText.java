package ru.rusoragentai.console.abuse.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Span;
import java.text.NumberFormat;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import ru.rusoragentai.console.abuse.FlagStatus;
import ru.rusoragentai.console.abuse.FlagSummary;
import ru.rusoragentai.console.abuse.Severity;
import ru.rusoragentai.console.kit.Badge;

/** How abuse screens write rules, statuses, severities, subjects, numbers and times. */
final class AbuseText {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private AbuseText() {
    }

    static String rule(Component in, String code) {
        return in.getTranslation("abuse.rule." + code + ".name");
    }

    static String status(Component in, FlagStatus status) {
        return in.getTranslation("abuse.status." + status.dbValue());
    }

    static Span statusBadge(Component in, FlagStatus status) {
        return Badge.of(status(in, status), statusTheme(status));
    }

    static String statusTheme(FlagStatus status) {
        return switch (status) {
            case NEW -> "";
            case IN_REVIEW -> "contrast";
            case CONFIRMED -> "error";
            case DISMISSED -> "success";
        };
    }

    static Span severityBadge(Component in, Severity severity) {
        return Badge.of(severity(in, severity), severityTheme(severity));
    }

    static String severity(Component in, Severity severity) {
        return in.getTranslation("abuse.severity." + severity.dbValue());
    }

    static String severityTheme(Severity severity) {
        return switch (severity) {
            case HIGH -> "error";
            case MEDIUM -> "contrast";
            case LOW -> "";
        };
    }

    static String subject(Component in, FlagSummary flag) {
        if (flag.userId() == null) {
            return in.getTranslation("abuse.subject.staff", flag.staffSubject());
        }
        return flag.displayName() == null ? "#" + flag.userId() : flag.displayName() + " (@" + flag.username() + ")";
    }

    static String number(Component in, Number value) {
        return value == null ? "" : NumberFormat.getNumberInstance(com.vaadin.flow.component.UI.getCurrent() == null ? java.util.Locale.ENGLISH : com.vaadin.flow.component.UI.getCurrent().getLocale()).format(value);
    }

    static String time(LocalDateTime time) {
        return time == null ? "" : TIME.format(time);
    }
}
