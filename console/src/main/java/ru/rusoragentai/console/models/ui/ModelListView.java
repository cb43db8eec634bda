package ru.rusoragentai.console.models.ui;

import ru.rusoragentai.console.kit.RowAction;
import ru.rusoragentai.console.i18n.Texts;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.List;
import ru.rusoragentai.console.models.ModelCatalog;
import ru.rusoragentai.console.models.ModelCatalogService;
import ru.rusoragentai.console.models.ModelOfferRow;
import ru.rusoragentai.console.models.ModelRoute;
import ru.rusoragentai.console.plugins.PluginException;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.kit.Badge;

/** Models of the enabled providers with vendor prices, our token prices and margins; and the routing table. */
@Menu(title = "nav.models", order = 12, icon = "vaadin:cluster")
@Route("models")
@RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN})
public class ModelListView extends VerticalLayout implements HasDynamicTitle {

    private static final java.time.format.DateTimeFormatter LISTED = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ModelCatalogService catalog;
    private final Grid<ModelOfferRow> models = new Grid<>();
    private final Grid<ModelRoute> routes = new Grid<>();
    private final Paragraph providerErrors = new Paragraph();
    private List<ModelOfferRow> offers = List.of();

    public ModelListView(ModelCatalogService catalog) {
        this.catalog = catalog;
        setSizeFull();
        models.setId("models-grid");
        models.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        models.addColumn(ModelOfferRow::provider).setHeader(getTranslation("models.provider")).setAutoWidth(true).setSortable(true);
        models.addColumn(ModelOfferRow::model).setKey("model").setHeader(getTranslation("models.model")).setAutoWidth(true).setSortable(true);
        models.addColumn(ModelOfferRow::displayName).setHeader(getTranslation("models.name")).setFlexGrow(1);
        models.addColumn(r -> !r.listed() ? getTranslation("models.listed.never") : r.fetchedAt() == null ? getTranslation("models.listed.now")
                        : getTranslation("models.listed.at", LISTED.format(r.fetchedAt())))
                .setKey("listed").setHeader(getTranslation("models.listed")).setAutoWidth(true);
        models.addColumn(r -> r.contextWindow() == null ? "" : number(r.contextWindow())).setHeader(getTranslation("models.context")).setAutoWidth(true);
        models.addColumn(r -> usd(r.vendorUsdPerMillionInput()) + " / " + usd(r.vendorUsdPerMillionOutput()))
                .setHeader(getTranslation("models.vendor-price")).setAutoWidth(true);
        models.addColumn(r -> r.tokensPerMillionInput() == null ? getTranslation("models.unpriced")
                : number(r.tokensPerMillionInput()) + " / " + number(r.tokensPerMillionOutput()))
                .setKey("our-price").setHeader(getTranslation("models.our-price")).setAutoWidth(true);
        models.addComponentColumn(this::margin).setKey("margin").setHeader(getTranslation("models.margin")).setAutoWidth(true);
        models.addComponentColumn(this::priceButton).setKey("actions").setHeader(getTranslation("staff.actions")).setAutoWidth(true);
        models.setEmptyStateText(getTranslation("models.empty"));
        providerErrors.setId("provider-errors");
        providerErrors.addClassName("warning-text");

        routes.setId("routes-grid");
        routes.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        routes.addColumn(ModelRoute::alias).setHeader(getTranslation("routes.alias")).setAutoWidth(true);
        routes.addColumn(ModelRoute::priority).setHeader(getTranslation("routes.priority")).setAutoWidth(true);
        routes.addColumn(r -> r.provider() + " / " + r.model()).setHeader(getTranslation("routes.target")).setFlexGrow(1);
        routes.addComponentColumn(this::routeState).setHeader(getTranslation("routes.state")).setFlexGrow(1);
        routes.addComponentColumn(this::routeActions).setKey("actions").setHeader(getTranslation("staff.actions")).setAutoWidth(true);
        routes.setEmptyStateText(getTranslation("routes.empty"));
        routes.setAllRowsVisible(true);

        Button refresh = new Button(getTranslation("models.refresh"), VaadinIcon.REFRESH.create(), e -> refresh());
        refresh.setId("models-refresh");
        Button addRoute = new Button(getTranslation("routes.add"), VaadinIcon.PLUS.create(), e -> openRoute(null));
        addRoute.setId("route-add");
        addRoute.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new HorizontalLayout(new H2(getTranslation("models.heading")), refresh), providerErrors, models,
                new HorizontalLayout(new H3(getTranslation("routes.heading")), addRoute), routes);
        setFlexGrow(1, models);
        refresh();
    }

    private Component margin(ModelOfferRow row) {
        if (row.inputMarginPercent() == null || row.outputMarginPercent() == null) {
            return new Span("—");
        }
        BigDecimal worst = row.inputMarginPercent().min(row.outputMarginPercent());
        return Badge.of(row.inputMarginPercent() + "% / " + row.outputMarginPercent() + "%", worst.signum() < 0 ? "error"
                : worst.compareTo(BigDecimal.valueOf(20)) < 0 ? "contrast" : "success");
    }

    private Component priceButton(ModelOfferRow row) {
        Button edit = new Button(getTranslation("models.set-price"), e -> new PriceDialog(catalog, row, this::refresh).open());
        RowAction.mark(edit, "set-price", row.provider() + "/" + row.model());
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return edit;
    }

    private Component routeState(ModelRoute route) {
        if (route.problem() != null) {
            return Badge.of(Texts.of(this, route.problem()), "error");
        }
        return Badge.of(getTranslation(route.enabled() ? "routes.active" : "routes.off"), route.enabled() ? "success" : "contrast");
    }

    private Component routeActions(ModelRoute route) {
        Button edit = new Button(getTranslation("action.edit"), e -> openRoute(route));
        RowAction.mark(edit, "route-edit", route.id());
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        Button delete = new Button(getTranslation("routes.delete"), e -> confirmDelete(route));
        RowAction.mark(delete, "route-delete", route.id());
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(edit, delete);
    }

    private void openRoute(ModelRoute route) {
        new RouteDialog(catalog, offers, route, this::refreshRoutes).open();
    }

    private void confirmDelete(ModelRoute route) {
        ConfirmDialog dialog = new ConfirmDialog(getTranslation("routes.delete"), getTranslation("routes.delete.confirm",
                route.alias(), route.priority()), getTranslation("routes.delete"), e -> {
            try {
                catalog.deleteRoute(route.id());
            } catch (PluginException refused) {
                Notification.show(Texts.of(this, refused)).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
            refreshRoutes();
        });
        dialog.setId("route-delete-confirm");
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    private void refresh() {
        ModelCatalog current = catalog.catalog();
        offers = current.offers();
        models.setItems(offers);
        providerErrors.setText(current.providerErrors().stream().map(error -> Texts.of(this, error))
                .collect(java.util.stream.Collectors.joining(" · ")));
        providerErrors.setVisible(!current.providerErrors().isEmpty());
        refreshRoutes();
    }

    private void refreshRoutes() {
        routes.setItems(catalog.routes());
    }

    private String number(long value) {
        return NumberFormat.getIntegerInstance(getLocale()).format(value);
    }

    private static String usd(BigDecimal value) {
        return value == null ? "?" : "$" + value.stripTrailingZeros().toPlainString();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("models.heading");
    }
}
