package ru.rusoragentai.console.abuse.detect;

/** Where new rows come from; a rule's watermark is the highest id of its source it has read. */
public enum Source {
    SESSIONS("user_session"), USAGE("usage_event"), LEDGER("token_ledger"), USERS("app_user");

    private final String table;

    Source(String table) {
        this.table = table;
    }

    public String table() {
        return table;
    }
}
