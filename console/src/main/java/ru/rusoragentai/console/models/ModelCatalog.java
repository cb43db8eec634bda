package ru.rusoragentai.console.models;

import java.util.List;
import ru.rusoragentai.console.i18n.Text;

/**
 * Every offered model, and the providers that could not be asked (with why); a provider that could not be asked is
 * listed with the catalogue it last reported, marked with when that was.
 */
public record ModelCatalog(List<ModelOfferRow> offers, List<Text> providerErrors) {
}
