package ru.rusoragentai.console.kit;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasStyle;

/**
 * Names a component inside a grid row by a class and the row it belongs to ({@code data-row}), never by element id:
 * while a grid re-renders after a refresh the browser briefly holds the old row beside the new one, and an id would then
 * name two elements. Tests and scripts find it by class and {@code data-row}.
 */
public final class RowAction {

    public static final String ROW = "data-row";

    private RowAction() {
    }

    public static <T extends Component & HasStyle> T mark(T component, String name, Object row) {
        component.addClassName(name);
        component.getElement().setAttribute(ROW, String.valueOf(row));
        return component;
    }
}
