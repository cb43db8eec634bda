package ru.rusoragentai.console.users.ui;

import com.vaadin.flow.component.Key;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.kit.Plurals;
import ru.rusoragentai.console.users.SearchHit;
import ru.rusoragentai.console.users.UserSearchService;

/** One box for whatever the user gave support: id, Telegram id, @username, email, name, payment id or IP. */
@Menu(title = "nav.users", order = 2, icon = "vaadin:search")
@Route("users")
@RolesAllowed({Role.Names.SUPPORT, Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
public class UserSearchView extends VerticalLayout implements HasDynamicTitle, BeforeEnterObserver {

    private final UserSearchService searchService;
    private final TextField query = new TextField();
    private final Grid<SearchHit> results = new Grid<>();
    private final Span summary = new Span();
    private final Div recent = new Div();

    private final org.springframework.beans.factory.ObjectProvider<ru.rusoragentai.console.users.UserRiskScores> risks;
    private final Map<Long, ru.rusoragentai.console.users.UserRiskScores.Risk> shownRisks = new java.util.HashMap<>();

    public UserSearchView(UserSearchService searchService,
                          org.springframework.beans.factory.ObjectProvider<ru.rusoragentai.console.users.UserRiskScores> risks) {
        this.risks = risks;
        this.searchService = searchService;
        setSizeFull();
        query.setId("user-search-field");
        query.setPlaceholder(getTranslation("search.placeholder"));
        query.setPrefixComponent(VaadinIcon.SEARCH.create());
        query.setClearButtonVisible(true);
        query.setWidth("min(40rem, 100%)");
        query.setValueChangeMode(ValueChangeMode.LAZY);
        query.setValueChangeTimeout(350);
        query.addValueChangeListener(e -> runSearch(false));
        query.addKeyPressListener(Key.ENTER, e -> runSearch(true));
        query.focus();
        summary.setId("user-search-summary");
        summary.addClassName("hint");
        configureGrid();
        recent.setId("user-search-recent");
        recent.addClassName("recent-panel");
        HorizontalLayout body = new HorizontalLayout(results, recent);
        body.setSizeFull();
        body.setFlexGrow(1, results);
        add(new H2(getTranslation("search.heading")), query, summary, body);
        showRecent();
    }

    /** The page's risk scores, read once per page of results. */
    private List<SearchHit> withRisks(List<SearchHit> page) {
        var source = risks.getIfAvailable();
        if (source != null && !page.isEmpty()) {
            shownRisks.putAll(source.scores(page.stream().map(SearchHit::userId).toList()));
        }
        return page;
    }

    private void configureGrid() {
        results.setId("user-search-results");
        results.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        results.addColumn(SearchHit::displayName).setHeader(getTranslation("user.display-name")).setAutoWidth(true);
        results.addColumn(h -> "@" + h.username()).setHeader(getTranslation("user.username")).setAutoWidth(true);
        results.addColumn(h -> h.email() == null ? "" : h.email()).setHeader(getTranslation("user.email")).setAutoWidth(true);
        results.addColumn(SearchHit::telegramUserId).setHeader(getTranslation("user.telegram-id")).setAutoWidth(true);
        results.addColumn(h -> getTranslation("user.status." + h.status())).setHeader(getTranslation("user.status")).setAutoWidth(true);
        results.addColumn(h -> getTranslation("search.match." + h.matchedBy().name())).setHeader(getTranslation("search.matched-by")).setAutoWidth(true);
        results.addColumn(h -> shownRisks.containsKey(h.userId()) ? Integer.toString(shownRisks.get(h.userId()).score()) : "")
                .setHeader(getTranslation("search.risk")).setKey("risk").setAutoWidth(true)
                .setTooltipGenerator(h -> shownRisks.containsKey(h.userId()) ? RiskText.breakdown(results, shownRisks.get(h.userId())) : "");
        results.addItemClickListener(e -> open(e.getItem().userId()));
        results.setSizeFull();
        results.setVisible(false);
    }

    private void runSearch(boolean remember) {
        String text = query.getValue();
        getUI().ifPresent(ui -> ui.getPage().getHistory().replaceState(null,
                new com.vaadin.flow.router.Location("users", QueryParameters.simple(text == null || text.isBlank() ? Map.of() : Map.of("q", text)))));
        if (text == null || text.isBlank()) {
            results.setVisible(false);
            summary.setText("");
            showRecent();
            return;
        }
        if (remember) {
            searchService.rememberSearch(text);
        }
        UserSearchService.SearchCount found = searchService.countForSummary(text);
        int total = found.count();
        summary.setText(total == 0 ? getTranslation("search.none")
                : found.more() ? getTranslation("search.count.more", total)
                : getTranslation(Plurals.key("search.count", total, getLocale()), total));
        results.setVisible(total > 0);
        results.setItems(q -> withRisks(searchService.search(text, q.getOffset(), q.getLimit())).stream(), q -> searchService.count(text));
    }

    private void showRecent() {
        recent.removeAll();
        List<String> searches = searchService.recentSearches();
        List<SearchHit> users = searchService.recentUsers();
        if (!searches.isEmpty()) {
            recent.add(new H4(getTranslation("search.recent-searches")));
            for (String text : searches) {
                Button again = new Button(text, e -> query.setValue(text));
                again.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                recent.add(new Div(again));
            }
        }
        if (!users.isEmpty()) {
            recent.add(new H4(getTranslation("search.recent-users")));
            for (SearchHit user : users) {
                Button open = new Button(user.displayName() + " (@" + user.username() + ")", e -> open(user.userId()));
                open.setId("recent-user-" + user.userId());
                open.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_SMALL);
                recent.add(new Div(open));
            }
        }
    }

    private void open(long userId) {
        searchService.rememberSearch(query.getValue());
        getUI().ifPresent(ui -> ui.navigate(UserDetailView.class, new RouteParameters("id", Long.toString(userId))));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getLocation().getQueryParameters().getSingleParameter("q").ifPresent(query::setValue);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("search.heading");
    }
}
