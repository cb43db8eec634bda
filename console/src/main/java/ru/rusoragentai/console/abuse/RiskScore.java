package ru.rusoragentai.console.abuse;

import java.util.Map;

/** A user's risk score and the points each rule contributes to it. */
public record RiskScore(int score, Map<String, Long> breakdown) {

    public static final RiskScore NONE = new RiskScore(0, Map.of());
}
