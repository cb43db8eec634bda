package ru.rusoragentai.console.models;

import java.util.List;

/** Every offered model, and the providers that could not be asked (with why). */
public record ModelCatalog(List<ModelOfferRow> offers, List<String> providerErrors) {
}
