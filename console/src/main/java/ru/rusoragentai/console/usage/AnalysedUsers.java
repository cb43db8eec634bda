package ru.rusoragentai.console.usage;

/**
 * Whose data the analysts' reports and exports may hold, in one place for every query that decides it: not users who
 * restricted or objected to processing, and not deleted accounts. SQL text for the repositories that read app_user
 * under the alias {@code u}.
 */
public final class AnalysedUsers {

    /** The condition on {@code app_user u} that a user's data may be analysed. */
    public static final String CONDITION = "u.processing_restricted = 0 AND u.processing_objected = 0 AND u.status <> 'deleted'";

    /**
     * The ids of the users left out: a short list read once, so that a pass over millions of events skips them in
     * memory instead of joining app_user per event.
     */
    public static final String EXCLUDED_IDS = "SELECT u.id FROM app_user u WHERE NOT (" + CONDITION + ")";

    private AnalysedUsers() {
    }
}
