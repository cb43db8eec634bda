package ru.rusoragentai.console.analytics.downloads;

import static ru.rusoragentai.db.Tables.SAVED_REPORT;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Repository;
import org.jooq.DSLContext;
import ru.rusoragentai.db.tables.records.SavedReportRecord;
import tools.jackson.databind.json.JsonMapper;

/** Analysts' saved reports ({@code saved_report}). */
@Repository
class SavedReportRepository {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DSLContext dsl;

    SavedReportRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** An analyst's own reports and those others share, by name. */
    List<SavedReport> visibleTo(String analyst) {
        return dsl.selectFrom(SAVED_REPORT).where(SAVED_REPORT.OWNER.eq(analyst).or(SAVED_REPORT.SHARED.isTrue()))
                .orderBy(SAVED_REPORT.NAME, SAVED_REPORT.OWNER).fetch(r -> report(r, analyst));
    }

    Optional<SavedReport> find(long id, String analyst) {
        return dsl.selectFrom(SAVED_REPORT).where(SAVED_REPORT.ID.eq(id)).fetchOptional(r -> report(r, analyst));
    }

    boolean nameTaken(String owner, String name) {
        return dsl.fetchExists(SAVED_REPORT, SAVED_REPORT.OWNER.eq(owner), SAVED_REPORT.NAME.eq(name));
    }

    long insert(String owner, String name, SavedReport.Kind kind, SavedReport.Params params, boolean shared,
                SavedReport.Schedule schedule, LocalDateTime now) {
        return dsl.insertInto(SAVED_REPORT).set(SAVED_REPORT.OWNER, owner).set(SAVED_REPORT.NAME, name)
                .set(SAVED_REPORT.REPORT, kind.name()).set(SAVED_REPORT.PARAMS, JSON.writeValueAsString(params))
                .set(SAVED_REPORT.SHARED, shared).set(SAVED_REPORT.SCHEDULE, schedule.code()).set(SAVED_REPORT.CREATED_AT, now)
                .set(SAVED_REPORT.UPDATED_AT, now).returningResult(SAVED_REPORT.ID).fetchSingle().value1();
    }

    int update(long id, String owner, boolean shared, SavedReport.Schedule schedule, LocalDateTime now) {
        return dsl.update(SAVED_REPORT).set(SAVED_REPORT.SHARED, shared).set(SAVED_REPORT.SCHEDULE, schedule.code())
                .set(SAVED_REPORT.UPDATED_AT, now).where(SAVED_REPORT.ID.eq(id), SAVED_REPORT.OWNER.eq(owner)).execute();
    }

    int delete(long id, String owner) {
        return dsl.deleteFrom(SAVED_REPORT).where(SAVED_REPORT.ID.eq(id), SAVED_REPORT.OWNER.eq(owner)).execute();
    }

    /** Scheduled reports not yet built today; weekly ones only on Mondays. */
    List<SavedReport> due(LocalDate today) {
        List<String> schedules = today.getDayOfWeek() == java.time.DayOfWeek.MONDAY ? List.of("daily", "weekly") : List.of("daily");
        return dsl.selectFrom(SAVED_REPORT).where(SAVED_REPORT.SCHEDULE.in(schedules),
                        SAVED_REPORT.LAST_BUILT.isNull().or(SAVED_REPORT.LAST_BUILT.lt(today)))
                .orderBy(SAVED_REPORT.ID).fetch(r -> report(r, r.getOwner()));
    }

    /** Marks a report built for a day; false when another instance did first. */
    boolean markBuilt(long id, LocalDate today) {
        return dsl.update(SAVED_REPORT).set(SAVED_REPORT.LAST_BUILT, today)
                .where(SAVED_REPORT.ID.eq(id), SAVED_REPORT.LAST_BUILT.isNull().or(SAVED_REPORT.LAST_BUILT.lt(today))).execute() == 1;
    }

    private static SavedReport report(SavedReportRecord r, String analyst) {
        return new SavedReport(r.getId(), r.getOwner(), r.getName(), SavedReport.Kind.valueOf(r.getReport()),
                JSON.readValue(r.getParams(), SavedReport.Params.class), r.getShared(),
                SavedReport.Schedule.valueOf(r.getSchedule().toUpperCase(Locale.ROOT)), r.getLastBuilt(), r.getOwner().equals(analyst));
    }
}
