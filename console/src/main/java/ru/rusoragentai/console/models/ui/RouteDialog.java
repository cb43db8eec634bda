package ru.rusoragentai.console.models.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import ru.rusoragentai.console.i18n.Texts;
import ru.rusoragentai.console.models.ModelCatalogService;
import ru.rusoragentai.console.models.ModelOfferRow;
import ru.rusoragentai.console.models.ModelRoute;
import ru.rusoragentai.console.plugins.PluginException;

/** Adds or edits a route: alias, priority (1 = first choice), provider and one of its models. */
class RouteDialog extends Dialog {

    RouteDialog(ModelCatalogService catalog, List<ModelOfferRow> offers, ModelRoute route, Runnable onSaved) {
        setId("route-dialog");
        setHeaderTitle(getTranslation(route == null ? "routes.add" : "action.edit"));
        TextField alias = new TextField(getTranslation("routes.alias"));
        alias.setId("route-alias");
        alias.setHelperText(getTranslation("routes.alias.help"));
        IntegerField priority = new IntegerField(getTranslation("routes.priority"));
        priority.setId("route-priority");
        priority.setMin(1);
        priority.setMax(99);
        priority.setHelperText(getTranslation("routes.priority.help"));
        ComboBox<String> provider = new ComboBox<>(getTranslation("models.provider"));
        provider.setId("route-provider");
        provider.setItems(catalog.providers());
        ComboBox<String> model = new ComboBox<>(getTranslation("models.model"));
        model.setId("route-model");
        provider.addValueChangeListener(e -> model.setItems(offers.stream()
                .filter(o -> o.provider().equals(e.getValue())).map(ModelOfferRow::model).toList()));
        Checkbox enabled = new Checkbox(getTranslation("routes.enabled"), true);
        enabled.setId("route-enabled");
        if (route != null) {
            alias.setValue(route.alias());
            priority.setValue(route.priority());
            provider.setValue(route.provider());
            model.setValue(route.model());
            enabled.setValue(route.enabled());
        } else {
            priority.setValue(1);
        }
        add(new FormLayout(alias, priority, provider, model, enabled));
        Button save = new Button(getTranslation("action.save"), e -> {
            try {
                catalog.saveRoute(route == null ? null : route.id(), alias.getValue(), provider.getValue(), model.getValue(),
                        priority.getValue() == null ? 0 : priority.getValue(), enabled.getValue());
                Notification.show(getTranslation("routes.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                close();
                onSaved.run();
            } catch (PluginException refused) {
                Notification.show(Texts.of(this, refused), 6_000, Notification.Position.MIDDLE)
                        .addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        save.setId("route-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }
}
