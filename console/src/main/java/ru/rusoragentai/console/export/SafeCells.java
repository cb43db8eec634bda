package ru.rusoragentai.console.export;

/**
 * Text for spreadsheet cells that can never run as a formula: a value a spreadsheet would read as
 * a formula (starting with =, +, -, @, tab or carriage return) gets a leading apostrophe.
 */
public final class SafeCells {

    private SafeCells() {
    }

    public static String text(String value) {
        if (value == null || value.isEmpty()) {
            return value == null ? "" : value;
        }
        return looksLikeFormula(value) ? "'" + value : value;
    }

    public static boolean looksLikeFormula(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
