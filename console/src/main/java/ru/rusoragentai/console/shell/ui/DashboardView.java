package ru.rusoragentai.console.shell.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.text.NumberFormat;
import java.util.List;
import java.util.stream.Collectors;
import ru.rusoragentai.console.kit.DashboardPanel;
import ru.rusoragentai.console.shell.DashboardFigures;
import ru.rusoragentai.console.shell.DashboardService;

@Menu(title = "nav.dashboard", order = 1, icon = "vaadin:dashboard")
@Route("")
@PermitAll
public class DashboardView extends VerticalLayout implements HasDynamicTitle {

    public DashboardView(DashboardService dashboardService, List<DashboardPanel> panels) {
        DashboardFigures figures = dashboardService.today();
        NumberFormat numbers = NumberFormat.getIntegerInstance(getLocale());
        H2 heading = new H2(getTranslation("dashboard.heading"));
        Div cards = new Div(
                card("dashboard-users", "dashboard.users", numbers.format(figures.users())),
                card("dashboard-active", "dashboard.active-today", numbers.format(figures.activeUsersToday())),
                card("dashboard-tokens", "dashboard.tokens-today", numbers.format(figures.tokensUsedToday())),
                card("dashboard-payments", "dashboard.payments-today", numbers.format(figures.paymentsToday())));
        cards.addClassName("figure-cards");
        Span revenue = new Span(getTranslation("dashboard.revenue-today") + ": " + (figures.revenueToday().isEmpty()
                ? "—"
                : figures.revenueToday().stream()
                        .map(r -> String.format(getLocale(), "%,.2f %s", r.amountMinor() / 100.0, r.currency()))
                        .collect(Collectors.joining(", "))));
        revenue.setId("dashboard-revenue");
        Span note = new Span(getTranslation("dashboard.utc-note"));
        note.addClassName("hint");
        add(heading, cards, revenue, note);
        // each desk's figures, contributed by its capability for the roles that use it
        panels.stream().sorted(java.util.Comparator.comparingInt(DashboardPanel::order))
                .forEach(panel -> panel.create(this).ifPresent(this::add));
    }

    private Div card(String id, String labelKey, String value) {
        Span number = new Span(value);
        number.addClassName("figure-value");
        number.setId(id);
        Span label = new Span(getTranslation(labelKey));
        label.addClassName("figure-label");
        Div card = new Div(number, label);
        card.addClassName("figure-card");
        return card;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("dashboard.title");
    }
}
