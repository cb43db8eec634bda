package ru.rusoragentai.console.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.rusoragentai.db.Tables.USAGE_DAILY;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.support.DatabaseTest;
import ru.rusoragentai.console.support.PlatformRows;
import ru.rusoragentai.console.support.TestData;
import ru.rusoragentai.console.users.UserActivity;
import ru.rusoragentai.console.users.UserService;
import ru.rusoragentai.console.support.TestClock;

class UsageRollupIT extends DatabaseTest {

    @Autowired
    UsageRollupService rollups;
    @Autowired
    UserService users;

    @AfterEach
    void after() {
        signOut();
    }

    @Test
    void shouldRollUpFinishedDaysIdempotentlyAndChartTodayFromTheEvents() {
        long user = TestData.insertUser(dsl, "Rollup");
        LocalDate today = TestClock.today();
        LocalDate twoDaysAgo = today.minusDays(2);
        event(user, twoDaysAgo.atTime(10, 0), "gpt-5", 100);
        event(user, twoDaysAgo.atTime(23, 59), "gpt-5", 50);
        event(user, twoDaysAgo.atTime(12, 0), "claude-haiku-4-5", 7);
        event(user, TestClock.now(), "gpt-5", 9);

        rollups.rebuild(twoDaysAgo);
        rollups.rebuild(twoDaysAgo);
        assertThat(dsl.fetchCount(USAGE_DAILY, USAGE_DAILY.USER_ID.eq(user))).isEqualTo(2);
        assertThat(dsl.select(USAGE_DAILY.TOKENS_CHARGED, USAGE_DAILY.EVENTS).from(USAGE_DAILY)
                .where(USAGE_DAILY.USER_ID.eq(user).and(USAGE_DAILY.MODEL.eq("gpt-5"))).fetchSingle().intoArray())
                .containsExactly(150L, 2);

        signInAs("agent", Role.SUPPORT);
        assertThat(users.usageByDay(user, 30)).containsExactlyInAnyOrder(
                new UserActivity.UsageDay(twoDaysAgo, "claude-haiku-4-5", 7),
                new UserActivity.UsageDay(twoDaysAgo, "gpt-5", 150),
                new UserActivity.UsageDay(today, "gpt-5", 9));
    }

    @Test
    void shouldCountALateEventWhenTheDayIsRebuilt() {
        long user = TestData.insertUser(dsl, "Late");
        LocalDate yesterday = TestClock.today().minusDays(1);
        event(user, yesterday.atTime(8, 0), "gemini-2.5-flash", 3);
        rollups.rollUpFinishedDays();
        event(user, yesterday.atTime(9, 0), "gemini-2.5-flash", 4);
        rollups.rollUpFinishedDays();
        assertThat(dsl.select(USAGE_DAILY.TOKENS_CHARGED).from(USAGE_DAILY).where(USAGE_DAILY.USER_ID.eq(user)).fetchSingle().value1())
                .isEqualTo(7L);
    }

    private void event(long user, LocalDateTime at, String model, long charged) {
        new PlatformRows(dsl).usage(user, at).provider("test").model(model).tokens(1, 1).charged(charged).latency(1).insert();
    }
}
