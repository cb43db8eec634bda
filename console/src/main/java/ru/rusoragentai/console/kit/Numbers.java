package ru.rusoragentai.console.kit;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import java.text.NumberFormat;
import java.util.Locale;
import java.util.Optional;

/** Whole numbers as staff read them: grouped the way the component's language groups thousands. */
public final class Numbers {

    private Numbers() {
    }

    public static String whole(Component in, long value) {
        return NumberFormat.getIntegerInstance(locale(in)).format(value);
    }

    /** The language the component is shown in (its UI's; before it is attached, the current UI's). */
    public static Locale locale(Component in) {
        return in.getUI().or(() -> Optional.ofNullable(UI.getCurrent())).map(UI::getLocale).orElse(Locale.ENGLISH);
    }

    /** With a plus on gains, as ledger changes are written. */
    public static String signed(Component in, long value) {
        return (value > 0 ? "+" : "") + whole(in, value);
    }
}
