package ru.rusoragentai.console.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DeadlinesTest {

    @ParameterizedTest(name = "GDPR request received {0} is due {1}")
    @CsvSource({
            // a 31-day month: the calendar month (same date) is later than 30 days, so 30 days win
            "2026-03-01, 2026-03-31",
            "2026-01-15, 2026-02-14",
            // February: one calendar month is shorter than 30 days
            "2026-02-01, 2026-03-01",
            "2026-02-10, 2026-03-10",
            // the 31st: the month ends on the last day of the shorter month
            "2026-01-31, 2026-02-28",
            "2028-01-31, 2028-02-29",
            "2026-03-31, 2026-04-30",
            // leap years change the 30-day count across February
            "2028-01-30, 2028-02-29",
            "2027-01-30, 2027-02-28",
            // year end
            "2026-12-15, 2027-01-14"})
    void shouldDueAGdprRequestAtTheEarlierOfThirtyDaysAndOneCalendarMonth(LocalDate received, LocalDate due) {
        assertThat(Deadlines.due(Jurisdiction.GDPR, received)).isEqualTo(due);
    }

    @Test
    void shouldGiveCcpaFortyFiveDaysAndTenBusinessDaysToAcknowledge() {
        LocalDate friday = LocalDate.of(2026, 11, 27);
        assertThat(Deadlines.due(Jurisdiction.CCPA, friday)).isEqualTo(LocalDate.of(2027, 1, 11));
        // ten working days after a Friday skip two weekends: the Friday two weeks later
        assertThat(Deadlines.acknowledgeBy(Jurisdiction.CCPA, friday)).isEqualTo(LocalDate.of(2026, 12, 11));
        // received on a Saturday: counting starts Monday
        assertThat(Deadlines.acknowledgeBy(Jurisdiction.CCPA, LocalDate.of(2026, 11, 28))).isEqualTo(LocalDate.of(2026, 12, 11));
        assertThat(Deadlines.acknowledgeBy(Jurisdiction.GDPR, friday)).isNull();
    }

    @Test
    void shouldExtendGdprByAtMostTwoMonthsInAll() {
        LocalDate due = Deadlines.due(Jurisdiction.GDPR, LocalDate.of(2026, 1, 31));
        assertThat(Deadlines.extended(Jurisdiction.GDPR, due, 0, 2)).isEqualTo(LocalDate.of(2026, 4, 28));
        assertThat(Deadlines.extended(Jurisdiction.GDPR, due, 1, 1)).isEqualTo(LocalDate.of(2026, 4, 28));
        assertThatThrownBy(() -> Deadlines.extended(Jurisdiction.GDPR, due, 2, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("two further months");
    }

    @Test
    void shouldExtendCcpaOnceByFortyFiveDays() {
        LocalDate due = Deadlines.due(Jurisdiction.CCPA, LocalDate.of(2026, 11, 27));
        assertThat(Deadlines.extended(Jurisdiction.CCPA, due, 0, 45)).isEqualTo(LocalDate.of(2027, 2, 25));
        assertThatThrownBy(() -> Deadlines.extended(Jurisdiction.CCPA, due, 45, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldCountDaysLeftAndGoNegativeWhenOverdue() {
        LocalDate due = LocalDate.of(2026, 12, 1);
        assertThat(Deadlines.daysLeft(due, LocalDate.of(2026, 11, 27))).isEqualTo(4);
        assertThat(Deadlines.daysLeft(due, due)).isZero();
        assertThat(Deadlines.daysLeft(due, LocalDate.of(2026, 12, 3))).isEqualTo(-2);
    }
}
