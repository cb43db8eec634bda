package ru.rusoragentai.console.kit;

import com.vaadin.flow.component.Component;
import java.util.Optional;

/**
 * A panel a capability contributes to the dashboard (a Spring bean in its {@code ui} package): the figures of its own
 * desk for the staff members whose roles use it. The dashboard knows no capability; it shows every panel that has
 * something for the signed-in staff member, in {@link #order()}.
 */
public interface DashboardPanel {

    /** Where the panel goes, smallest first. */
    int order();

    /**
     * A new panel for the signed-in staff member, or empty when their roles do not use this desk; {@code dashboard} words
     * its texts in the staff member's language.
     */
    Optional<Component> create(Component dashboard);

    /** A figure card: a large value over its label, linking to the screen behind it; {@code alert} marks it red. */
    static Component card(Component owner, String id, String labelKey, String value, String route, boolean alert) {
        com.vaadin.flow.component.html.Span number = new com.vaadin.flow.component.html.Span(value);
        number.addClassName("figure-value");
        number.setId(id);
        com.vaadin.flow.component.html.Span label = new com.vaadin.flow.component.html.Span(owner.getTranslation(labelKey));
        label.addClassName("figure-label");
        com.vaadin.flow.component.html.Anchor card = new com.vaadin.flow.component.html.Anchor(route, number, label);
        card.addClassName("figure-card");
        if (alert) {
            card.addClassName("figure-card-alert");
        }
        return card;
    }

    /** A titled row of cards. */
    static Component section(Component owner, String titleKey, Component... cards) {
        com.vaadin.flow.component.html.H3 title = new com.vaadin.flow.component.html.H3(owner.getTranslation(titleKey));
        com.vaadin.flow.component.html.Div row = new com.vaadin.flow.component.html.Div(cards);
        row.addClassName("figure-cards");
        com.vaadin.flow.component.html.Div panel = new com.vaadin.flow.component.html.Div(title, row);
        panel.addClassName("dashboard-panel");
        return panel;
    }
}
