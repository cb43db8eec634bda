package ru.rusoragentai.console.demo;

import static ru.rusoragentai.db.Tables.APP_USER;
import static ru.rusoragentai.db.Tables.MODEL_PRICE;
import static ru.rusoragentai.db.Tables.PLUGIN_SETTING;

import java.time.LocalDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.jooq.DSLContext;

class DemoDataRepository {

    private final DSLContext dsl;

    DemoDataRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    boolean hasUsers() {
        return dsl.fetchExists(APP_USER);
    }

    /**
     * Gives the demo payment channel its key and product map, unless it has a key already.
     *
     * @return whether the settings were written
     */
    boolean configureChannel(String pluginId, byte[] encryptedKey, String products, LocalDateTime now) {
        return dsl.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            if (t.fetchExists(PLUGIN_SETTING, PLUGIN_SETTING.PLUGIN_ID.eq(pluginId), PLUGIN_SETTING.NAME.eq("api-key"))) {
                return false;
            }
            t.insertInto(PLUGIN_SETTING, PLUGIN_SETTING.PLUGIN_ID, PLUGIN_SETTING.NAME, PLUGIN_SETTING.VALUE_TEXT, PLUGIN_SETTING.VALUE_ENC,
                            PLUGIN_SETTING.SECRET, PLUGIN_SETTING.UPDATED_BY, PLUGIN_SETTING.UPDATED_AT)
                    .values(pluginId, "api-key", null, encryptedKey, true, "demo", now)
                    .values(pluginId, "products", products, null, false, "demo", now)
                    .onDuplicateKeyIgnore()
                    .execute();
            return true;
        });
    }

    /** The platform's price per model that the demo's usage is charged at, unless a price is set already. */
    void priceModels(List<DemoCatalog.Model> models, LocalDateTime now) {
        for (DemoCatalog.Model m : models) {
            dsl.insertInto(MODEL_PRICE).set(MODEL_PRICE.PROVIDER, m.provider()).set(MODEL_PRICE.MODEL, m.model())
                    .set(MODEL_PRICE.TOKENS_PER_MILLION_INPUT, (long) m.tokensPerMillionInput())
                    .set(MODEL_PRICE.TOKENS_PER_MILLION_OUTPUT, (long) m.tokensPerMillionOutput())
                    .set(MODEL_PRICE.UPDATED_BY, "demo").set(MODEL_PRICE.UPDATED_AT, now)
                    .onDuplicateKeyIgnore().execute();
        }
    }

    long[] load(DemoDataGenerator generator) {
        AtomicReference<long[]> counts = new AtomicReference<>();
        dsl.connection(connection -> counts.set(generator.generate(connection)));
        return counts.get();
    }
}
