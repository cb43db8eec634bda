package ru.rusoragentai.console.kit;

import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.data.renderer.LitRenderer;
import com.vaadin.flow.function.ValueProvider;

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

    /**
     * The same badge as a grid column's template: rendered in the browser from two values per row instead of a server
     * component per row, which a long lazy grid feels.
     */
    public static <T> LitRenderer<T> renderer(ValueProvider<T, String> text, ValueProvider<T, String> theme) {
        return LitRenderer.<T>of("<span theme=\"badge ${item.theme}\">${item.text}</span>")
                .withProperty("text", text).withProperty("theme", theme);
    }
}
