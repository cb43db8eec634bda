package ru.rusoragentai.console.models.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.textfield.IntegerField;
import ru.rusoragentai.console.i18n.Texts;
import ru.rusoragentai.console.models.ModelCatalogService;
import ru.rusoragentai.console.models.ModelOfferRow;
import ru.rusoragentai.console.plugins.PluginException;

/** Sets the platform tokens charged per million input and output tokens of one model. */
class PriceDialog extends Dialog {

    private final IntegerField input = new IntegerField();
    private final IntegerField output = new IntegerField();

    PriceDialog(ModelCatalogService catalog, ModelOfferRow row, Runnable onSaved) {
        setId("price-dialog");
        setHeaderTitle(getTranslation("models.set-price") + ": " + row.provider() + " / " + row.model());
        input.setLabel(getTranslation("models.tokens-per-million-input"));
        output.setLabel(getTranslation("models.tokens-per-million-output"));
        input.setId("price-input");
        output.setId("price-output");
        for (IntegerField field : new IntegerField[] {input, output}) {
            field.setMin(1);
            field.setStepButtonsVisible(false);
            field.setRequiredIndicatorVisible(true);
        }
        if (row.tokensPerMillionInput() != null) {
            input.setValue(row.tokensPerMillionInput().intValue());
            output.setValue(row.tokensPerMillionOutput().intValue());
        }
        input.setHelperText(getTranslation("models.vendor-price") + ": $" + plain(row.vendorUsdPerMillionInput()));
        output.setHelperText(getTranslation("models.vendor-price") + ": $" + plain(row.vendorUsdPerMillionOutput()));
        add(new FormLayout(input, output));
        Button save = new Button(getTranslation("action.save"), e -> {
            if (input.getValue() == null || output.getValue() == null) {
                Notification.show(getTranslation("models.price-required")).addThemeVariants(NotificationVariant.LUMO_ERROR);
                return;
            }
            try {
                catalog.setPrice(row.provider(), row.model(), input.getValue(), output.getValue());
                Notification.show(getTranslation("models.price-saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                close();
                onSaved.run();
            } catch (PluginException refused) {
                Notification.show(Texts.of(this, refused)).addThemeVariants(NotificationVariant.LUMO_ERROR);
            }
        });
        save.setId("price-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }

    private static String plain(java.math.BigDecimal value) {
        return value == null ? "?" : value.stripTrailingZeros().toPlainString();
    }
}
