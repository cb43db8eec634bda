package ru.rusoragentai.console.models;

import org.jspecify.annotations.Nullable;
import static ru.rusoragentai.db.Tables.MODEL_CATALOGUE;
import static ru.rusoragentai.db.Tables.MODEL_PRICE;
import static ru.rusoragentai.db.Tables.MODEL_ROUTE;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;
import ru.rusoragentai.spi.ModelOffer;

@Repository
class ModelRepository {

    /** Our price for a model: platform tokens per million input and output tokens. */
    record Price(@Nullable String provider, String model, long perMillionInput, long perMillionOutput) {
    }

    /** A model as its provider last listed it, and when. */
    record Remembered(ModelOffer offer, @Nullable LocalDateTime fetchedAt) {
    }

    private final DSLContext dsl;

    ModelRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Keeps what the provider listed now in place of what it listed before, in one statement batch. */
    void rememberCatalogue(String provider, String pluginId, List<ModelOffer> offers, LocalDateTime now) {
        dsl.transaction(tx -> {
            DSLContext t = tx.dsl();
            t.deleteFrom(MODEL_CATALOGUE).where(MODEL_CATALOGUE.PROVIDER.eq(provider)).execute();
            for (ModelOffer offer : offers) {
                t.insertInto(MODEL_CATALOGUE)
                        .set(MODEL_CATALOGUE.PROVIDER, provider).set(MODEL_CATALOGUE.MODEL, clip(offer.id(), 128))
                        .set(MODEL_CATALOGUE.PLUGIN_ID, pluginId).set(MODEL_CATALOGUE.DISPLAY_NAME, clip(offer.displayName(), 200))
                        .set(MODEL_CATALOGUE.CONTEXT_WINDOW, offer.contextWindow().isPresent() ? offer.contextWindow().getAsInt() : null)
                        .set(MODEL_CATALOGUE.USD_PER_MILLION_INPUT, offer.inputUsdPerMillion().orElse(null))
                        .set(MODEL_CATALOGUE.USD_PER_MILLION_OUTPUT, offer.outputUsdPerMillion().orElse(null))
                        .set(MODEL_CATALOGUE.FETCHED_AT, now)
                        .onDuplicateKeyIgnore()
                        .execute();
            }
        });
    }

    List<Remembered> rememberedCatalogue(String provider) {
        return dsl.selectFrom(MODEL_CATALOGUE).where(MODEL_CATALOGUE.PROVIDER.eq(provider)).orderBy(MODEL_CATALOGUE.MODEL)
                .fetch(r -> new Remembered(new ModelOffer(r.getModel(), r.getDisplayName(),
                        r.getContextWindow() == null ? OptionalInt.empty() : OptionalInt.of(r.getContextWindow()),
                        Optional.ofNullable(r.getUsdPerMillionInput()), Optional.ofNullable(r.getUsdPerMillionOutput())), r.getFetchedAt()));
    }

    private static String clip(String text, int length) {
        return text.length() > length ? text.substring(0, length) : text;
    }

    Map<String, Price> prices() {
        return dsl.selectFrom(MODEL_PRICE).fetch(r -> new Price(r.getProvider(), r.getModel(),
                        r.getTokensPerMillionInput(), r.getTokensPerMillionOutput()))
                .stream().collect(Collectors.toMap(p -> p.provider() + "/" + p.model(), p -> p));
    }

    Optional<Price> price(String provider, String model) {
        return Optional.ofNullable(prices().get(provider + "/" + model));
    }

    void savePrice(String provider, String model, long input, long output, String actor, LocalDateTime now) {
        dsl.insertInto(MODEL_PRICE)
                .set(MODEL_PRICE.PROVIDER, provider).set(MODEL_PRICE.MODEL, model)
                .set(MODEL_PRICE.TOKENS_PER_MILLION_INPUT, input).set(MODEL_PRICE.TOKENS_PER_MILLION_OUTPUT, output)
                .set(MODEL_PRICE.UPDATED_BY, actor).set(MODEL_PRICE.UPDATED_AT, now)
                .onDuplicateKeyUpdate()
                .set(MODEL_PRICE.TOKENS_PER_MILLION_INPUT, input).set(MODEL_PRICE.TOKENS_PER_MILLION_OUTPUT, output)
                .set(MODEL_PRICE.UPDATED_BY, actor).set(MODEL_PRICE.UPDATED_AT, now)
                .execute();
    }

    List<ModelRoute> routes() {
        return dsl.selectFrom(MODEL_ROUTE).orderBy(MODEL_ROUTE.ALIAS, MODEL_ROUTE.PRIORITY)
                .fetch(r -> new ModelRoute(r.getId(), r.getAlias(), r.getProvider(), r.getModel(), r.getPriority(),
                        r.getEnabled(), null));
    }

    Optional<ModelRoute> route(long id) {
        return routes().stream().filter(r -> r.id() == id).findFirst();
    }

    /** @throws org.springframework.dao.DuplicateKeyException when the alias already has a route at that priority */
    long insertRoute(String alias, String provider, String model, int priority, boolean enabled) {
        return dsl.insertInto(MODEL_ROUTE)
                .set(MODEL_ROUTE.ALIAS, alias).set(MODEL_ROUTE.PROVIDER, provider).set(MODEL_ROUTE.MODEL, model)
                .set(MODEL_ROUTE.PRIORITY, priority).set(MODEL_ROUTE.ENABLED, enabled)
                .returningResult(MODEL_ROUTE.ID).fetchSingle().value1();
    }

    void updateRoute(long id, String alias, String provider, String model, int priority, boolean enabled) {
        dsl.update(MODEL_ROUTE)
                .set(MODEL_ROUTE.ALIAS, alias).set(MODEL_ROUTE.PROVIDER, provider).set(MODEL_ROUTE.MODEL, model)
                .set(MODEL_ROUTE.PRIORITY, priority).set(MODEL_ROUTE.ENABLED, enabled)
                .where(MODEL_ROUTE.ID.eq(id)).execute();
    }

    void deleteRoute(long id) {
        dsl.deleteFrom(MODEL_ROUTE).where(MODEL_ROUTE.ID.eq(id)).execute();
    }
}
