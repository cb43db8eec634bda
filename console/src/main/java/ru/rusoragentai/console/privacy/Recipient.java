package ru.rusoragentai.console.privacy;

import org.jspecify.annotations.Nullable;
import java.time.LocalDateTime;

/**
 * A recipient of the subject's data to tell about the outcome (GDPR Art. 19), with how that went.
 *
 * @param status pending, notified or not_required
 */
public record Recipient(String name, String status, @Nullable String note, @Nullable String updatedBy, LocalDateTime updatedAt) {

    /** Everyone the platform shares personal data with, by what they receive. */
    public static final java.util.Map<String, String> KNOWN = java.util.Map.of(
            "anthropic", "Anthropic (Claude prompts and replies)",
            "openai", "OpenAI (GPT prompts and replies)",
            "google", "Google (Gemini prompts and replies)",
            "tribute", "Tribute (payments)");
}
