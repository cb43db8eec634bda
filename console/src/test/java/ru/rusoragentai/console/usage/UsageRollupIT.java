package ru.rusoragentai.console.usage;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.rusoragentai.db.Tables.APP_USER;
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

    @Test
    void shouldRollUpEveryUserPerModelInTheSamePassAsTheAnalystsLeavingNoOneOutOfTheirOwnRows() {
        long kept = TestData.insertUser(dsl, "Counted");
        long restricted = TestData.insertUser(dsl, "Restricted");
        dsl.update(APP_USER).set(APP_USER.PROCESSING_RESTRICTED, true).where(APP_USER.ID.eq(restricted)).execute();
        LocalDate day = TestClock.today().minusDays(3);
        new PlatformRows(dsl).usage(kept, day.atTime(1, 0)).provider("zeta").model("shared-model").tokens(10, 20).charged(30).latency(1).insert();
        new PlatformRows(dsl).usage(kept, day.atTime(2, 0)).provider("alpha").model("shared-model").tokens(1, 2).charged(3).latency(1).insert();
        new PlatformRows(dsl).usage(kept, day.plusDays(1).atTime(0, 0)).provider("alpha").model("shared-model").tokens(5, 5).charged(5)
                .latency(1).insert();
        new PlatformRows(dsl).usage(restricted, day.atTime(3, 0)).provider("alpha").model("shared-model").tokens(4, 4).charged(4)
                .latency(1).insert();

        rollups.rebuild(day);

        assertThat(dsl.select(USAGE_DAILY.PROVIDER, USAGE_DAILY.EVENTS, USAGE_DAILY.INPUT_TOKENS, USAGE_DAILY.OUTPUT_TOKENS,
                        USAGE_DAILY.TOKENS_CHARGED).from(USAGE_DAILY).where(USAGE_DAILY.USER_ID.eq(kept), USAGE_DAILY.DAY.eq(day))
                .fetchSingle().intoArray()).as("the day's two events, the least provider as MIN() gives it")
                .containsExactly("alpha", 2, 11L, 22L, 33L);
        assertThat(dsl.select(USAGE_DAILY.TOKENS_CHARGED).from(USAGE_DAILY).where(USAGE_DAILY.USER_ID.eq(restricted))
                .fetchSingle().value1()).as("a restricted user's own roll-up (support sees it), unlike the analysts'").isEqualTo(4L);
    }

    private void event(long user, LocalDateTime at, String model, long charged) {
        new PlatformRows(dsl).usage(user, at).provider("test").model(model).tokens(1, 1).charged(charged).latency(1).insert();
    }
}
