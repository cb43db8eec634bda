package ru.rusoragentai.console.models;

import static ru.rusoragentai.db.Tables.MODEL_PRICE;
import static ru.rusoragentai.db.Tables.MODEL_ROUTE;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class ModelRepository {

    /** Our price for a model: platform tokens per million input and output tokens. */
    record Price(String provider, String model, long perMillionInput, long perMillionOutput) {
    }

    private final DSLContext dsl;

    ModelRepository(DSLContext dsl) {
        this.dsl = dsl;
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
