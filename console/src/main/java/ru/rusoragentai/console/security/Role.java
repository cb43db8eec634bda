package ru.rusoragentai.console.security;

/** Staff roles. Spring Security authorities carry the usual {@code ROLE_} prefix. */
public enum Role {
    SUPPORT, OPERATOR, ANALYST, PRIVACY_OFFICER, ADMIN;

    /** Constants for {@code @RolesAllowed}, which needs compile-time strings. */
    public static final class Names {
        public static final String SUPPORT = "SUPPORT";
        public static final String OPERATOR = "OPERATOR";
        public static final String ANALYST = "ANALYST";
        public static final String PRIVACY_OFFICER = "PRIVACY_OFFICER";
        public static final String ADMIN = "ADMIN";

        private Names() {
        }
    }

    public String authority() {
        return "ROLE_" + name();
    }
}
