package ru.rusoragentai.console.usage;

import java.time.LocalDate;
import java.util.List;
import org.jooq.DSLContext;
import org.springframework.stereotype.Repository;

@Repository
class UsagePartitionRepository {

    record Partition(String name, long lessThanToDays) {
    }

    private final DSLContext dsl;

    UsagePartitionRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    List<Partition> partitions() {
        return dsl.resultQuery("""
                        SELECT partition_name, partition_description FROM information_schema.partitions
                        WHERE table_schema = DATABASE() AND table_name = 'usage_event' AND partition_name IS NOT NULL
                        ORDER BY partition_ordinal_position""")
                .fetch(r -> new Partition(r.get(0, String.class), Long.parseLong(r.get(1, String.class))));
    }

    /** Appends partitions; names and bounds come from LocalDate arithmetic, never from user input. */
    void addMonthlyPartitions(List<LocalDate> monthStarts) {
        StringBuilder sql = new StringBuilder("ALTER TABLE usage_event ADD PARTITION (");
        for (int i = 0; i < monthStarts.size(); i++) {
            LocalDate month = monthStarts.get(i);
            sql.append(i == 0 ? "" : ", ")
                    .append("PARTITION ").append(UsagePartitionService.partitionName(month))
                    .append(" VALUES LESS THAN (TO_DAYS('").append(month.plusMonths(1)).append("'))");
        }
        dsl.execute(sql.append(")").toString());
    }

    /** Drops whole partitions: their rows go at once, without row-by-row deletes or undo. */
    void dropPartitions(List<String> names) {
        if (!names.isEmpty()) {
            dsl.execute("ALTER TABLE usage_event DROP PARTITION " + String.join(", ", names));
        }
    }

    /** Deletes events before a time, at most {@code limit} rows; the partition bound limits the scan. */
    int deleteBefore(java.time.LocalDateTime cutoff, int limit) {
        return dsl.execute("DELETE FROM usage_event WHERE occurred_at < ? LIMIT " + limit, cutoff);
    }

    /** Rows of the roll-up for days before a day. */
    int deleteDailyBefore(LocalDate day, int limit) {
        return dsl.execute("DELETE FROM usage_daily WHERE day < ? LIMIT " + limit, day);
    }

    /** Rows of the analysts' usage and cohort roll-ups for days before a day: they go with the usage they came from. */
    int deleteReportBefore(LocalDate day, int limit) {
        return dsl.execute("DELETE FROM report_usage_day WHERE day < ? LIMIT " + limit, day)
                + dsl.execute("DELETE FROM report_usage_users_day WHERE day < ? LIMIT " + limit, day)
                + dsl.execute("DELETE FROM report_user_day WHERE day < ? LIMIT " + limit, day);
    }

    /** Approximate rows per partition (from InnoDB statistics), for reporting. */
    long approximateRows(String partition) {
        var rows = dsl.resultQuery("SELECT table_rows FROM information_schema.partitions WHERE table_schema = DATABASE() "
                + "AND table_name = 'usage_event' AND partition_name = ?", partition).fetchOne(0, Long.class);
        return rows == null ? 0 : rows;
    }
}
