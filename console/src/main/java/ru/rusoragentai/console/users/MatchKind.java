package ru.rusoragentai.console.users;

/** Why a user matched a search, in the order results are shown: exact kinds first. */
public enum MatchKind {
    USER_ID(true), TELEGRAM_ID(true), USERNAME(true), EMAIL(true), PAYMENT_ID(true), IP_ADDRESS(true),
    USERNAME_PREFIX(false), EMAIL_PREFIX(false), NAME_PREFIX(false);

    private final boolean exact;

    MatchKind(boolean exact) {
        this.exact = exact;
    }

    public boolean exact() {
        return exact;
    }
}
