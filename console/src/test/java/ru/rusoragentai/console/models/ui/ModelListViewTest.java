package ru.rusoragentai.console.models.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static ru.rusoragentai.db.Tables.MODEL_CATALOGUE;
import static ru.rusoragentai.db.Tables.MODEL_ROUTE;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.rusoragentai.console.models.ModelCatalogService;
import ru.rusoragentai.console.models.ModelOfferRow;
import ru.rusoragentai.console.plugins.PluginException;
import ru.rusoragentai.console.plugins.PluginService;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.support.KaribuTest;
import ru.rusoragentai.console.support.PluginFixture;
import ru.rusoragentai.console.support.TestData;

class ModelListViewTest extends KaribuTest {

    @Autowired
    PluginService plugins;


    @Autowired
    ModelCatalogService catalog;

    @BeforeEach
    void installProvider() {
        signInAs("setup", Role.ADMIN);
        PluginFixture.installFixedProvider(plugins);
    }

    @AfterEach
    void removeProvider() {
        signInAs("cleanup", Role.ADMIN);
        dsl.deleteFrom(MODEL_ROUTE).where(MODEL_ROUTE.PROVIDER.eq("fixed")).execute();
        PluginFixture.removeTestPlugins(plugins);
    }

    @Test
    void shouldListAProvidersLastCatalogueWhileItCannotBeAsked() {
        java.time.LocalDateTime fetched = java.time.LocalDateTime.of(2026, 11, 30, 10, 0);
        dsl.deleteFrom(MODEL_CATALOGUE).where(MODEL_CATALOGUE.PROVIDER.eq("anthropic")).execute();
        dsl.insertInto(MODEL_CATALOGUE).set(MODEL_CATALOGUE.PROVIDER, "anthropic").set(MODEL_CATALOGUE.MODEL, "claude-remembered")
                .set(MODEL_CATALOGUE.PLUGIN_ID, "ai-anthropic").set(MODEL_CATALOGUE.DISPLAY_NAME, "Claude Remembered")
                .set(MODEL_CATALOGUE.USD_PER_MILLION_INPUT, new BigDecimal("3")).set(MODEL_CATALOGUE.USD_PER_MILLION_OUTPUT, new BigDecimal("15"))
                .set(MODEL_CATALOGUE.FETCHED_AT, fetched).execute();
        try {
            openUiAs("operator-ui", Role.OPERATOR);
            UI.getCurrent().navigate(ModelListView.class);

            // anthropic cannot be asked (no key in the tests): its last catalogue is listed, marked with when it was fetched
            ModelOfferRow remembered = GridKt._findAll(models()).stream().filter(r -> r.model().equals("claude-remembered"))
                    .findFirst().orElseThrow();
            assertThat(remembered.fetchedAt()).isEqualTo(fetched);
            assertThat(GridKt._getFormattedRow(models(), rowOf("claude-remembered"))).contains("last on 2026-11-30 10:00");
            // a provider that answered is listed live and remembered for next time
            assertThat(GridKt._findAll(models())).filteredOn(r -> r.model().equals("fixed-large")).singleElement()
                    .satisfies(r -> assertThat(r.fetchedAt()).isNull());
            assertThat(dsl.fetchCount(MODEL_CATALOGUE, MODEL_CATALOGUE.PROVIDER.eq("fixed"))).isPositive();
        } finally {
            dsl.deleteFrom(MODEL_CATALOGUE).where(MODEL_CATALOGUE.PROVIDER.in("anthropic", "fixed")).execute();
        }
    }

    @Test
    void shouldListAPricedModelNoProviderListsWithItsPrice() {
        String model = TestData.unique("claude-priced-only");
        dsl.insertInto(ru.rusoragentai.db.Tables.MODEL_PRICE).set(ru.rusoragentai.db.Tables.MODEL_PRICE.PROVIDER, "anthropic")
                .set(ru.rusoragentai.db.Tables.MODEL_PRICE.MODEL, model).set(ru.rusoragentai.db.Tables.MODEL_PRICE.TOKENS_PER_MILLION_INPUT, 3_000L)
                .set(ru.rusoragentai.db.Tables.MODEL_PRICE.TOKENS_PER_MILLION_OUTPUT, 15_000L).set(ru.rusoragentai.db.Tables.MODEL_PRICE.UPDATED_BY, "t")
                .set(ru.rusoragentai.db.Tables.MODEL_PRICE.UPDATED_AT, java.time.LocalDateTime.of(2026, 11, 1, 0, 0)).execute();
        try {
            openUiAs("operator-ui", Role.OPERATOR);
            UI.getCurrent().navigate(ModelListView.class);

            ModelOfferRow row = GridKt._findAll(models()).stream().filter(r -> r.model().equals(model)).findFirst().orElseThrow();
            assertThat(row.listed()).isFalse();
            assertThat(row.tokensPerMillionInput()).isEqualTo(3_000L);
            assertThat(GridKt._getFormattedRow(models(), rowOf(model))).contains("not listed by the provider");
        } finally {
            dsl.deleteFrom(ru.rusoragentai.db.Tables.MODEL_PRICE).where(ru.rusoragentai.db.Tables.MODEL_PRICE.MODEL.eq(model)).execute();
        }
    }

    @Test
    void shouldPriceAModelAndShowTheMarginItImplies() {
        openUiAs("operator-ui", Role.OPERATOR);
        UI.getCurrent().navigate(ModelListView.class);
        assertThat(GridKt._findAll(models())).extracting(ModelOfferRow::model).contains("fixed-large", "fixed-small");
        assertThat(_get(Paragraph.class, spec -> spec.withId("provider-errors")).getText())
                .contains("ai-anthropic: Secret 'api-key' is not set");

        _click(button(models(), rowOf("fixed-large"), "actions", "set-price"));
        _get(IntegerField.class, spec -> spec.withId("price-input")).setValue(100_000);
        _get(IntegerField.class, spec -> spec.withId("price-output")).setValue(400_000);
        _click(_get(Button.class, spec -> spec.withId("price-save")));

        NotificationsKt.expectNotifications("Price saved.");
        ModelOfferRow priced = GridKt._findAll(models()).stream().filter(r -> r.model().equals("fixed-large")).findFirst().orElseThrow();
        // input: 100,000 tokens at USD 30 per million platform tokens earn USD 3.00 against the vendor's USD 2
        assertThat(priced.inputMarginPercent()).isEqualByComparingTo(new BigDecimal("33.3"));
        // output: 400,000 tokens earn USD 12.00 against the vendor's USD 8
        assertThat(priced.outputMarginPercent()).isEqualByComparingTo(new BigDecimal("33.3"));
        _click(button(models(), rowOf("fixed-large"), "actions", "set-price"));
        _get(IntegerField.class, spec -> spec.withId("price-input")).setValue(50_000);
        _click(_get(Button.class, spec -> spec.withId("price-save")));
        // 50,000 tokens earn USD 1.50 against USD 2: selling input at a loss
        assertThat(GridKt._findAll(models()).stream().filter(r -> r.model().equals("fixed-large")).findFirst().orElseThrow()
                .inputMarginPercent()).isEqualByComparingTo(new BigDecimal("-33.3"));
    }

    @Test
    void shouldAddARouteToAKnownModelAndRefuseAnUnknownOne() {
        openUiAs("operator-ui", Role.OPERATOR);
        UI.getCurrent().navigate(ModelListView.class);
        String alias = TestData.unique("smart");

        _click(_get(Button.class, spec -> spec.withId("route-add")));
        _get(TextField.class, spec -> spec.withId("route-alias")).setValue(alias);
        comboBox("route-provider").setValue("fixed");
        comboBox("route-model").setValue("fixed-large");
        _click(_get(Button.class, spec -> spec.withId("route-save")));

        NotificationsKt.expectNotifications("Route saved.");
        assertThat(dsl.fetchExists(MODEL_ROUTE, MODEL_ROUTE.ALIAS.eq(alias).and(MODEL_ROUTE.MODEL.eq("fixed-large")))).isTrue();
        assertThatThrownBy(() -> catalog.saveRoute(null, alias, "fixed", "fixed-huge", 2, true))
                .isInstanceOf(PluginException.class).hasMessage("Provider fixed offers no model fixed-huge.");
        assertThatThrownBy(() -> catalog.saveRoute(null, alias, "anthropic", "claude-x", 2, true))
                .isInstanceOf(PluginException.class).hasMessage("Provider anthropic cannot list its models right now.");
        assertThatThrownBy(() -> catalog.saveRoute(null, alias, "fixed", "fixed-small", 1, true))
                .isInstanceOf(PluginException.class).hasMessage("Alias " + alias + " already has a route with priority 1.");
    }

    @Test
    void shouldShowARouteToADisabledProviderAsBroken() {
        signInAs("operator", Role.OPERATOR);
        String alias = TestData.unique("fallback");
        catalog.saveRoute(null, alias, "fixed", "fixed-small", 1, true);
        plugins.disable(PluginFixture.FIXED);

        assertThat(catalog.routes()).filteredOn(r -> r.alias().equals(alias))
                .singleElement().satisfies(r -> assertThat(ru.rusoragentai.console.i18n.Texts.english(r.problem().key(), r.problem().arguments()))
                        .isEqualTo("Provider fixed is not enabled."));
    }

    private static int rowOf(String model) {
        return GridKt._findAll(models()).stream().map(ModelOfferRow::model).toList().indexOf(model);
    }

    /** The row's button of that class (a row's components carry no element id). */
    private static Button button(Grid<?> grid, int row, String column, String name) {
        Component cell = GridKt._getCellComponent(grid, row, column);
        return _get(cell, Button.class, spec -> spec.withClasses(name));
    }

    @SuppressWarnings("unchecked")
    private static ComboBox<String> comboBox(String id) {
        return _get(ComboBox.class, spec -> spec.withId(id));
    }

    @SuppressWarnings("unchecked")
    private static Grid<ModelOfferRow> models() {
        return _get(Grid.class, spec -> spec.withId("models-grid"));
    }

}
