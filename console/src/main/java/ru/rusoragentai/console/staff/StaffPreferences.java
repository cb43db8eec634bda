package ru.rusoragentai.console.staff;

/** Per-staff UI choices, remembered across sessions. */
public record StaffPreferences(String locale, String theme, boolean mustChangePassword) {

    public static final String LIGHT = "light";
    public static final String DARK = "dark";
}
