package ru.rusoragentai.console.usage;

import static ru.rusoragentai.db.Tables.REPORT_USAGE_DAY;
import static ru.rusoragentai.db.Tables.REPORT_USAGE_USERS_DAY;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.InsertValuesStep4;
import org.roaringbitmap.RoaringBitmap;
import org.springframework.stereotype.Repository;
import ru.rusoragentai.db.tables.records.ReportUsageUsersDayRecord;

/**
 * The distinct users of a day per single provider, model, feature and country, and of the whole day
 * ({@code report_usage_users_day}): the unions of that day's {@code report_usage_day} bitmaps over the other dimensions,
 * so that a report split by one dimension reads one bitmap per day and bucket.
 */
@Repository
class UsageUsersRollupRepository {

    /** The dimensions as stored; {@code all} (value '') is everyone active on the day. */
    static final List<String> DIMENSIONS = List.of("all", "provider", "model", "feature", "country");

    private final DSLContext dsl;

    UsageUsersRollupRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Replaces one day's rows with the unions of its {@code report_usage_day} bitmaps (rebuild that first). */
    void rebuild(LocalDate day) {
        dsl.deleteFrom(REPORT_USAGE_USERS_DAY)
                .where(REPORT_USAGE_USERS_DAY.DIMENSION.in(DIMENSIONS), REPORT_USAGE_USERS_DAY.DAY.eq(day)).execute();
        Map<String, Map<String, RoaringBitmap>> unions = new LinkedHashMap<>();
        DIMENSIONS.forEach(dimension -> unions.put(dimension, new LinkedHashMap<>()));
        dsl.select(REPORT_USAGE_DAY.PROVIDER, REPORT_USAGE_DAY.MODEL, REPORT_USAGE_DAY.FEATURE, REPORT_USAGE_DAY.COUNTRY,
                        REPORT_USAGE_DAY.USERS)
                .from(REPORT_USAGE_DAY).where(REPORT_USAGE_DAY.DAY.eq(day))
                .forEach(row -> {
                    RoaringBitmap users = read(row.value5());
                    String[] values = {"", row.value1(), row.value2(), row.value3(), row.value4()};
                    for (int i = 0; i < values.length; i++) {
                        unions.get(DIMENSIONS.get(i)).computeIfAbsent(values[i], v -> new RoaringBitmap()).or(users);
                    }
                });
        List<Object[]> rows = new ArrayList<>();
        unions.forEach((dimension, byValue) -> byValue.forEach((value, users) ->
                rows.add(new Object[] {dimension, value, Bitmaps.bytes(users)})));
        for (int start = 0; start < rows.size(); start += 200) {
            InsertValuesStep4<ReportUsageUsersDayRecord, String, LocalDate, String, byte[]> insert = dsl.insertInto(
                    REPORT_USAGE_USERS_DAY, REPORT_USAGE_USERS_DAY.DIMENSION, REPORT_USAGE_USERS_DAY.DAY,
                    REPORT_USAGE_USERS_DAY.VALUE, REPORT_USAGE_USERS_DAY.USERS);
            for (Object[] row : rows.subList(start, Math.min(rows.size(), start + 200))) {
                insert = insert.values((String) row[0], day, (String) row[1], (byte[]) row[2]);
            }
            insert.execute();
        }
    }

    /**
     * The days {@code report_usage_day} has and this table has not: after the upgrade that added it, each is derived
     * once from the stored rows (seconds a day), without reading events again.
     */
    List<LocalDate> daysToDerive() {
        return dsl.selectDistinct(REPORT_USAGE_DAY.DAY).from(REPORT_USAGE_DAY)
                .whereNotExists(dsl.selectOne().from(REPORT_USAGE_USERS_DAY).where(REPORT_USAGE_USERS_DAY.DIMENSION.eq("all"),
                        REPORT_USAGE_USERS_DAY.DAY.eq(REPORT_USAGE_DAY.DAY)))
                .orderBy(REPORT_USAGE_DAY.DAY).fetch(REPORT_USAGE_DAY.DAY);
    }

    private static RoaringBitmap read(byte[] bytes) {
        RoaringBitmap users = new RoaringBitmap();
        try {
            users.deserialize(ByteBuffer.wrap(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return users;
    }
}
