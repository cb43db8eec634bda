package ru.rusoragentai.console.shell.ui;

import com.vaadin.flow.component.html.Span;

/** A Lumo badge: a short coloured label for a state. */
public final class Badge {

    private Badge() {
    }

    /** @param theme Lumo badge variant: success, error, contrast, or empty for the default */
    public static Span of(String text, String theme) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add(("badge " + theme).strip());
        return badge;
    }
}
