package ru.rusoragentai.console.demo;

import static ru.rusoragentai.db.Tables.APP_USER;

import java.util.concurrent.atomic.AtomicReference;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class DemoDataRepository {

    private final DSLContext dsl;

    DemoDataRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    boolean hasUsers() {
        return dsl.fetchExists(APP_USER);
    }

    long[] load(DemoDataGenerator generator) {
        AtomicReference<long[]> counts = new AtomicReference<>();
        dsl.connection(connection -> counts.set(generator.generate(connection)));
        return counts.get();
    }
}
