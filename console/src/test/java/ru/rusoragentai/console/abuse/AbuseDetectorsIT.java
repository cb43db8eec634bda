package ru.rusoragentai.console.abuse;

import static org.assertj.core.api.Assertions.assertThat;
import static ru.rusoragentai.db.Tables.APP_USER;
import static ru.rusoragentai.db.Tables.MODEL_PRICE;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.support.DatabaseTest;
import ru.rusoragentai.console.support.TestClock;
import ru.rusoragentai.console.support.TestData;

/**
 * Every detector on crafted data: a case just over its threshold is flagged, one just under is not, and judging the
 * same data again raises nothing new. Each test puts its rows on days of its own in the past and re-evaluates that
 * range, so data other tests leave in the shared database never reaches it.
 */
class AbuseDetectorsIT extends DatabaseTest {

    private static final AtomicInteger DAYS_BACK = new AtomicInteger(150);

    @Autowired
    private AbuseRuleService rules;

    private AbuseFixture data;
    private LocalDateTime base;

    @BeforeEach
    void setUp() {
        signInAs("operator_abuse", Role.OPERATOR);
        data = new AbuseFixture(dsl);
        base = TestClock.now().minusDays(DAYS_BACK.getAndAdd(9)).withHour(12).withMinute(0).withSecond(0).withNano(0);
    }

    /** Judges the days around {@code base} twice; the second pass must raise nothing. */
    private void judgeTwice(String rule, int daysAfter) {
        var first = rules.reevaluate(rule, base.minusDays(1), base.plusDays(daysAfter));
        assertThat(first.error()).isNull();
        var second = rules.reevaluate(rule, base.minusDays(1), base.plusDays(daysAfter));
        assertThat(second.error()).isNull();
        assertThat(second.raised()).as("a re-run over data already judged raises nothing").isZero();
    }

    @Test
    void shouldFlagFourAccountsOnOneAddressButNotThree() {
        String over = AbuseFixture.network() + "7";
        String under = AbuseFixture.network() + "8";
        List<Long> ring = users("ring", 4);
        List<Long> trio = users("trio", 3);
        ring.forEach(u -> data.session(u, base.plusHours(1), over, "RU", "Moscow"));
        trio.forEach(u -> data.session(u, base.plusHours(1), under, "RU", "Moscow"));

        judgeTwice("multi_account", 1);

        ring.forEach(u -> assertThat(data.flags("multi_account", u)).hasSize(1).first().asString().startsWith("ip:"));
        trio.forEach(u -> assertThat(data.flags("multi_account", u)).isEmpty());
        assertThat(dsl.fetchCount(ru.rusoragentai.db.Tables.ABUSE_CASE, ru.rusoragentai.db.Tables.ABUSE_CASE.CASE_KEY
                .eq("multi_account:" + data.flags("multi_account", ring.getFirst()).getFirst()))).as("the ring is one case").isEqualTo(1);
    }

    @Test
    void shouldFlagTenAccountsOnANetworkAndSixOnADeviceButNotNineOrFive() {
        String crowded = AbuseFixture.network();
        String quiet = AbuseFixture.network();
        List<Long> onNetwork = users("crowd", 10);
        List<Long> fewOnNetwork = users("quiet", 9);
        for (int i = 0; i < onNetwork.size(); i++) {
            data.session(onNetwork.get(i), base.plusHours(1), crowded + (i + 1), "RU", "Moscow");
        }
        for (int i = 0; i < fewOnNetwork.size(); i++) {
            data.session(fewOnNetwork.get(i), base.plusHours(1), quiet + (i + 1), "RU", "Moscow");
        }
        String device = "Mozilla/5.0 one phone " + java.util.UUID.randomUUID();
        String fewDevice = "Mozilla/5.0 another phone " + java.util.UUID.randomUUID();
        List<Long> onDevice = users("phone", 6);
        List<Long> fewOnDevice = users("tablet", 5);
        // a device is its agent within a /16: each account on a /24 of its own in one /16
        String sixteen = AbuseFixture.network().replaceAll("\\d+\\.$", "");
        for (int i = 0; i < onDevice.size(); i++) {
            data.session(onDevice.get(i), base.plusHours(2), sixteen + (200 + i) + ".1", device, "RU", "Moscow");
        }
        for (int i = 0; i < fewOnDevice.size(); i++) {
            data.session(fewOnDevice.get(i), base.plusHours(2), sixteen + (220 + i) + ".1", fewDevice, "RU", "Moscow");
        }

        judgeTwice("multi_account", 1);

        onNetwork.forEach(u -> assertThat(data.flags("multi_account", u)).hasSize(1).first().asString().startsWith("net:"));
        onDevice.forEach(u -> assertThat(data.flags("multi_account", u)).hasSize(1).first().asString().startsWith("device_fp:"));
        fewOnNetwork.forEach(u -> assertThat(data.flags("multi_account", u)).isEmpty());
        fewOnDevice.forEach(u -> assertThat(data.flags("multi_account", u)).isEmpty());
    }

    @Test
    void shouldFlagEightNewAccountsFromOneNetworkButNotSeven() {
        String burstNet = AbuseFixture.network();
        String calmNet = AbuseFixture.network();
        List<Long> burst = new ArrayList<>();
        List<Long> calm = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            burst.add(data.user("burst " + i, base.plusMinutes(i * 10)));
            data.session(burst.getLast(), base.plusMinutes(i * 10 + 1), burstNet + (10 + i), "RU", "Kazan");
        }
        for (int i = 0; i < 7; i++) {
            calm.add(data.user("calm " + i, base.plusMinutes(i * 10)));
            data.session(calm.getLast(), base.plusMinutes(i * 10 + 1), calmNet + (10 + i), "RU", "Kazan");
        }

        judgeTwice("signup_burst", 1);

        burst.forEach(u -> assertThat(data.flags("signup_burst", u)).hasSize(1));
        calm.forEach(u -> assertThat(data.flags("signup_burst", u)).isEmpty());
    }

    @Test
    void shouldFlagMoscowToCaliforniaInAnHourButNotMoscowToPetersburg() {
        long traveller = TestData.insertUser(dsl, "traveller");
        long commuter = TestData.insertUser(dsl, "commuter");
        data.session(traveller, base, AbuseFixture.network() + "1", "RU", "Moscow");
        data.session(traveller, base.plusMinutes(65), AbuseFixture.network() + "1", "US", "California");
        data.session(commuter, base, AbuseFixture.network() + "1", "RU", "Moscow");
        data.session(commuter, base.plusMinutes(65), AbuseFixture.network() + "1", "RU", "Saint Petersburg");

        judgeTwice("impossible_travel", 1);

        assertThat(data.flags("impossible_travel", traveller)).hasSize(1);
        assertThat(data.flags("impossible_travel", commuter)).isEmpty();
    }

    @Test
    void shouldFlagFourNetworksWithinTheHourButNotThree() {
        long shared = TestData.insertUser(dsl, "shared");
        long mobile = TestData.insertUser(dsl, "mobile");
        for (int i = 0; i < 4; i++) {
            data.session(shared, base.plusMinutes(i * 5), AbuseFixture.network() + "1", "RU", "Moscow");
        }
        for (int i = 0; i < 3; i++) {
            data.session(mobile, base.plusMinutes(i * 5), AbuseFixture.network() + "1", i == 0 ? "KZ" : "RU", null);
        }

        judgeTwice("shared_account", 1);

        assertThat(data.flags("shared_account", shared)).hasSize(1);
        assertThat(data.flags("shared_account", mobile)).isEmpty();
    }

    @Test
    void shouldJudgeTheLastWindowOfARangeWholeWhenItOverlapsTheOneBefore() {
        // a range of 90 minutes is judged in windows of an hour ending at +60 and at +90; the second window starts at +30
        // and so holds sessions read for the first one
        long straddler = TestData.insertUser(dsl, "straddler");
        for (int i = 0; i < 4; i++) {
            data.session(straddler, base.plusMinutes(40 + i * 10), AbuseFixture.network() + "1", "RU", "Moscow");
        }

        var run = rules.reevaluate("shared_account", base, base.plusMinutes(90));

        assertThat(run.error()).isNull();
        assertThat(data.flags("shared_account", straddler)).as("four networks within [+30, +90)").hasSize(1);
    }

    @Test
    void shouldFlagAnHourAtTheFloorButNotOneTokenBelowIt() {
        long spiker = TestData.insertUser(dsl, "spiker");
        long steady = TestData.insertUser(dsl, "steady");
        for (int day = 1; day <= 14; day++) {
            data.usage(spiker, base.minusDays(day), "gpt-5", 100, "ok", 1);
            data.usage(steady, base.minusDays(day), "gpt-5", 100, "ok", 1);
        }
        data.usage(spiker, base.plusMinutes(10), "gpt-5", 1_000, "ok", 5);
        data.usage(steady, base.plusMinutes(10), "gpt-5", 1_000, "ok", 4);
        data.usage(steady, base.plusMinutes(11), "gpt-5", 999, "ok", 1);

        judgeTwice("usage_spike", 1);

        assertThat(data.flags("usage_spike", spiker)).hasSize(1);
        assertThat(data.flags("usage_spike", steady)).isEmpty();
    }

    @Test
    void shouldFindEachHourlyPatternWhenEveryRuleJudgesTheRangeTogether() {
        // the hourly rules share one read of the range: the second and third replay what the first read
        long spiker = TestData.insertUser(dsl, "together spiker");
        for (int day = 1; day <= 14; day++) {
            data.usage(spiker, base.minusDays(day), "gpt-5", 100, "ok", 1);
        }
        data.usage(spiker, base.plusMinutes(10), "gpt-5", 1_000, "ok", 5);
        long bot = TestData.insertUser(dsl, "together bot");
        data.usage(bot, base.plusMinutes(5), "gpt-5-mini", 1, "ok", 400);
        for (long peer : users("together peer", 120)) {
            data.usage(peer, base.plusMinutes(7), "gpt-5-mini", 1, "ok", 1);
        }
        List<Long> trio = users("together scripted", 3);
        for (int k = 0; k < 20; k++) {
            for (long u : trio) {
                data.usage(u, base.plusHours(2).plusSeconds(k * 61L), "gpt-5-mini", 1, "ok", 1);
            }
        }

        for (int round = 0; round < 2; round++) {
            var runs = rules.reevaluateAll(base.minusDays(1), base.plusDays(1));
            assertThat(runs).allSatisfy(run -> assertThat(run.error()).isNull());
            assertThat(runs).extracting(AbuseRuleService.RunResult::rule).contains("usage_spike", "automation", "lockstep");
            if (round == 1) {
                assertThat(runs).as("a second pass over the same range raises nothing").allSatisfy(run -> assertThat(run.raised()).isZero());
            }
        }

        assertThat(data.flags("usage_spike", spiker)).hasSize(1);
        assertThat(data.flags("automation", bot)).hasSize(1);
        trio.forEach(u -> assertThat(data.flags("lockstep", u)).hasSize(1));
        assertThat(data.flags("usage_spike", bot)).as("400 tokens are under the floor").isEmpty();
    }

    @Test
    void shouldFlagFreeTokensBurntOnTheDearestModelButNotByABuyer() {
        String dearest = TestData.unique("dear-model-");
        dsl.insertInto(MODEL_PRICE).set(MODEL_PRICE.PROVIDER, "test").set(MODEL_PRICE.MODEL, dearest)
                .set(MODEL_PRICE.TOKENS_PER_MILLION_INPUT, Long.MAX_VALUE / 4).set(MODEL_PRICE.TOKENS_PER_MILLION_OUTPUT, Long.MAX_VALUE / 4)
                .set(MODEL_PRICE.UPDATED_BY, "test").set(MODEL_PRICE.UPDATED_AT, TestClock.now()).execute();
        try {
            long burner = TestData.insertUser(dsl, "burner");
            long justUnder = TestData.insertUser(dsl, "just under");
            long buyer = TestData.insertUser(dsl, "buyer");
            data.usage(burner, base, dearest, 3_000, "ok", 1);
            data.usage(justUnder, base, dearest, 2_999, "ok", 1);
            data.usage(buyer, base, dearest, 3_000, "ok", 1);
            data.ledger(buyer, 100_000, "purchase", "trb-" + buyer, base.minusDays(1));

            judgeTwice("expensive_burn", 1);

            assertThat(data.flags("expensive_burn", burner)).hasSize(1);
            assertThat(data.flags("expensive_burn", justUnder)).isEmpty();
            assertThat(data.flags("expensive_burn", buyer)).isEmpty();

            // the incremental run, from the rule's watermark, judges the same way
            long newBurner = TestData.insertUser(dsl, "new burner");
            long newBuyer = TestData.insertUser(dsl, "new buyer");
            data.usage(newBurner, TestClock.now().minusHours(1), dearest, 3_000, "ok", 1);
            data.usage(newBuyer, TestClock.now().minusHours(1), dearest, 3_000, "ok", 1);
            data.ledger(newBuyer, 100_000, "purchase", "trb-" + newBuyer, TestClock.now().minusDays(1));
            assertThat(rules.runNow("expensive_burn")).allSatisfy(run -> assertThat(run.error()).isNull());
            assertThat(data.flags("expensive_burn", newBurner)).hasSize(1);
            assertThat(data.flags("expensive_burn", newBuyer)).isEmpty();
        } finally {
            dsl.deleteFrom(MODEL_PRICE).where(MODEL_PRICE.MODEL.eq(dearest)).execute();
        }
    }

    @Test
    void shouldFlagRequestRatesFarAboveButNotJustUnderAndFailingClients() {
        long bot = TestData.insertUser(dsl, "bot");
        long busy = TestData.insertUser(dsl, "busy");
        long failing = TestData.insertUser(dsl, "failing");
        long flaky = TestData.insertUser(dsl, "flaky");
        data.usage(bot, base.plusMinutes(5), "gpt-5-mini", 1, "ok", 400);
        data.usage(busy, base.plusMinutes(5), "gpt-5-mini", 1, "ok", 399);
        data.usage(failing, base.plusMinutes(5), "gpt-5-mini", 0, "error", 25);
        data.usage(failing, base.plusMinutes(6), "gpt-5-mini", 1, "ok", 25);
        data.usage(flaky, base.plusMinutes(5), "gpt-5-mini", 0, "error", 24);
        data.usage(flaky, base.plusMinutes(6), "gpt-5-mini", 1, "ok", 26);
        for (long peer : users("peer", 120)) {
            data.usage(peer, base.plusMinutes(7), "gpt-5-mini", 1, "ok", 1);
        }

        judgeTwice("automation", 1);

        assertThat(data.flags("automation", bot)).hasSize(1);
        assertThat(data.flags("automation", busy)).isEmpty();
        assertThat(data.flags("automation", failing)).hasSize(1);
        assertThat(data.flags("automation", flaky)).isEmpty();
    }

    @Test
    void shouldFlagThreeAccountsInLockStepButNotTwo() {
        List<Long> trio = users("scripted", 3);
        List<Long> pair = users("scripted pair", 2);
        for (int k = 0; k < 20; k++) {
            for (long u : trio) {
                data.usage(u, base.plusMinutes(5).plusSeconds(k * 61L), "gpt-5-mini", 1, "ok", 1);
            }
            for (long u : pair) {
                data.usage(u, base.plusHours(3).plusSeconds(k * 61L), "gpt-5-mini", 1, "ok", 1);
            }
        }

        judgeTwice("lockstep", 1);

        trio.forEach(u -> assertThat(data.flags("lockstep", u)).hasSize(1));
        pair.forEach(u -> assertThat(data.flags("lockstep", u)).isEmpty());

        // the incremental run: a run that only touched idle accounts changes nothing, a new scripted trio is found
        long idle = TestData.insertUser(dsl, "idle");
        data.usage(idle, TestClock.now().minusMinutes(5), "gpt-5-mini", 1, "ok", 1);
        assertThat(rules.runNow("lockstep")).allSatisfy(run -> assertThat(run.error()).isNull());
        assertThat(data.flags("lockstep", idle)).isEmpty();
        List<Long> newTrio = users("new scripted", 3);
        for (int k = 0; k < 20; k++) {
            for (long u : newTrio) {
                data.usage(u, TestClock.now().minusMinutes(30).plusSeconds(k * 61L), "gpt-5-mini", 1, "ok", 1);
            }
        }
        assertThat(rules.runNow("lockstep")).allSatisfy(run -> assertThat(run.error()).isNull());
        newTrio.forEach(u -> assertThat(data.flags("lockstep", u)).hasSize(1));
    }

    @Test
    void shouldFlagAFreeTokenLifeAloneAndAReferralRingButNotTheirBuyingNeighbours() {
        long farmer = TestData.insertUser(dsl, "farmer");
        long buyer = TestData.insertUser(dsl, "buyer");
        for (long u : List.of(farmer, buyer)) {
            for (int i = 0; i < 3; i++) {
                data.ledger(u, 2_000, "bonus", "grant-" + i, base.plusMinutes(i));
            }
            data.ledger(u, -5_000, "usage", "usage", base.plusHours(2));
        }
        data.ledger(buyer, 100_000, "purchase", "trb-" + buyer, base.plusHours(1));
        // staff credits count as grants beside the bonuses; a staff debit does not
        long mixed = TestData.insertUser(dsl, "bonuses and a credit");
        long mixedUnder = TestData.insertUser(dsl, "bonuses and a debit");
        for (long u : List.of(mixed, mixedUnder)) {
            data.ledger(u, 2_000, "bonus", "grant-a", base.plusMinutes(1));
            data.ledger(u, 2_000, "bonus", "grant-b", base.plusMinutes(2));
            data.ledger(u, -5_000, "usage", "usage", base.plusHours(2));
        }
        data.ledger(mixed, 2_000, "adjustment", "goodwill", base.plusMinutes(3));
        data.ledger(mixedUnder, -2_000, "adjustment", "correction", base.plusMinutes(3));

        long referrer = TestData.insertUser(dsl, "referrer");
        long smallReferrer = TestData.insertUser(dsl, "small referrer");
        List<Long> ring = users("referred", 3);
        List<Long> pair = users("referred", 2);
        ring.forEach(u -> data.referredBy(u, referrer));
        pair.forEach(u -> data.referredBy(u, smallReferrer));
        for (long u : concat(ring, pair)) {
            data.ledger(u, 1_000, "bonus", "signup", base);
            data.ledger(u, -900, "usage", "usage", base.plusHours(3));
        }

        judgeTwice("bonus_farming", 1);

        assertThat(data.flags("bonus_farming", farmer)).containsExactly("alone");
        assertThat(data.flags("bonus_farming", buyer)).isEmpty();
        assertThat(data.flags("bonus_farming", mixed)).containsExactly("alone");
        assertThat(data.flags("bonus_farming", mixedUnder)).isEmpty();
        assertThat(data.flags("bonus_farming", referrer)).containsExactly("ref:" + referrer);
        ring.forEach(u -> assertThat(data.flags("bonus_farming", u)).containsExactly("ref:" + referrer));
        assertThat(data.flags("bonus_farming", smallReferrer)).isEmpty();
        pair.forEach(u -> assertThat(data.flags("bonus_farming", u)).isEmpty());
    }

    @Test
    void shouldFlagThreeRefundsButNotTwoAndAChargebackAfterHeavyUse() {
        long refunder = TestData.insertUser(dsl, "refunder");
        long unlucky = TestData.insertUser(dsl, "unlucky");
        for (int i = 0; i < 3; i++) {
            data.ledger(refunder, -1_000, "refund", "r-" + refunder + "-" + i, base.plusDays(i));
        }
        for (int i = 0; i < 2; i++) {
            data.ledger(unlucky, -1_000, "refund", "r-" + unlucky + "-" + i, base.plusDays(i));
        }
        long heavy = TestData.insertUser(dsl, "heavy");
        long light = TestData.insertUser(dsl, "light");
        for (long u : List.of(heavy, light)) {
            data.ledger(u, 1_000, "purchase", "p-" + u, base);
            data.usage(u, base.plusHours(1), "gpt-5", u == heavy ? 500 : 499, "ok", 1);
            data.ledger(u, -1_000, "chargeback", "p-" + u, base.plusDays(1));
        }

        judgeTwice("refunds", 3);

        assertThat(data.flags("refunds", refunder)).hasSize(1).first().asString().startsWith("count:");
        assertThat(data.flags("refunds", unlucky)).isEmpty();
        assertThat(data.flags("refunds", heavy)).containsExactly("chargeback:p-" + heavy);
        assertThat(data.flags("refunds", light)).isEmpty();
    }

    @Test
    void shouldFlagAStaffMemberFarAboveTheirPeersButNotOneAtTheirLevel() {
        String insider = TestData.unique("insider_");
        String generous = TestData.unique("generous_");
        String peerA = TestData.unique("peer_a_");
        String peerB = TestData.unique("peer_b_");
        long user = TestData.insertUser(dsl, "grantee");
        for (int i = 0; i < 5; i++) {
            data.goodwill(insider, user, 20_000, base.plusMinutes(i));
            data.goodwill(generous, user, 19_999, base.plusMinutes(i));
        }
        data.goodwill(peerA, user, 1_000, base);
        data.goodwill(peerB, user, 1_000, base);

        judgeTwice("insider", 1);

        assertThat(data.staffFlags("insider", insider)).hasSize(1);
        assertThat(data.staffFlags("insider", generous)).as("99,995 tokens stay under the 100,000 floor").isEmpty();
        assertThat(data.staffFlags("insider", peerA)).isEmpty();
    }

    @Test
    void shouldSurfaceAPossibleMinorOnceAndNobodyElse() {
        long minor = TestData.insertUser(dsl, "minor");
        long adult = TestData.insertUser(dsl, "adult");
        dsl.update(APP_USER).set(APP_USER.POSSIBLE_MINOR, true).where(APP_USER.ID.eq(minor)).execute();

        assertThat(rules.runNow("possible_minor").getFirst().error()).isNull();
        assertThat(rules.runNow("possible_minor").getFirst().raised()).isZero();

        assertThat(data.flags("possible_minor", minor)).containsExactly("minor");
        assertThat(data.flags("possible_minor", adult)).isEmpty();
    }

    private List<Long> users(String name, int count) {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(TestData.insertUser(dsl, name + " " + i));
        }
        return ids;
    }

    private static List<Long> concat(List<Long> a, List<Long> b) {
        List<Long> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
