package ru.rusoragentai.console.users.ui;

import com.vaadin.flow.component.Component;
import java.util.stream.Collectors;
import ru.rusoragentai.console.users.UserRiskScores;

/** A risk score's breakdown as people read it: each rule's name and its points, largest first. */
final class RiskText {

    /** From this score on the badge is shown as a warning. */
    static final int HIGH = 50;

    private RiskText() {
    }

    static String breakdown(Component in, UserRiskScores.Risk risk) {
        return risk.breakdown().entrySet().stream().sorted(java.util.Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> in.getTranslation("abuse.rule." + e.getKey() + ".name") + ": " + e.getValue())
                .collect(Collectors.joining(", "));
    }
}
