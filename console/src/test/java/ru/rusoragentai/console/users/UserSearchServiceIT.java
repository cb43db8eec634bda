package ru.rusoragentai.console.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.support.DatabaseTest;
import ru.rusoragentai.console.support.SupportFixture;
import ru.rusoragentai.console.support.TestData;

class UserSearchServiceIT extends DatabaseTest {

    @Autowired
    UserSearchService search;

    private SupportFixture user;

    @BeforeEach
    void createUser() throws Exception {
        user = SupportFixture.create(dsl, TestData.unique("Ёжиков Пётр "));
        signInAs("agent-search", Role.SUPPORT);
    }

    @AfterEach
    void after() {
        signOut();
    }

    @Test
    void shouldFindTheUserByEveryKindOfIdentifier() {
        assertFirst(Long.toString(user.userId()), MatchKind.USER_ID);
        assertFirst(Long.toString(user.telegramId()), MatchKind.TELEGRAM_ID);
        assertFirst("@" + user.username(), MatchKind.USERNAME);
        assertFirst(user.username().toUpperCase(), MatchKind.USERNAME);
        assertFirst(user.email(), MatchKind.EMAIL);
        assertFirst("  " + user.email().toUpperCase() + " ", MatchKind.EMAIL);
        assertFirst(user.paymentId(), MatchKind.PAYMENT_ID);
        assertThat(search.search(user.ip(), 0, 50)).anyMatch(h -> h.userId() == user.userId() && h.matchedBy() == MatchKind.IP_ADDRESS);
    }

    @Test
    void shouldFindByCaseInsensitiveCyrillicNamePrefix() {
        List<SearchHit> hits = search.search(user.displayName().substring(0, 10).toLowerCase(), 0, 50);
        assertThat(hits).anyMatch(h -> h.userId() == user.userId() && h.matchedBy() == MatchKind.NAME_PREFIX);
        assertThat(search.count(user.displayName().substring(0, 10).toUpperCase())).isGreaterThanOrEqualTo(1);
    }

    @Test
    void shouldFindAUserByAnyWordOfTheNameInAnyCaseAndWithЁAsЕ() {
        String surname = TestData.unique("Соколёва");
        long id = TestData.insertUser(dsl, "Дарья " + surname + " Петровна");
        String typed = surname.replace('ё', 'е');
        assertThat(ids(typed.toUpperCase())).as("the surname, in capitals, with е for ё").contains(id);
        assertThat(ids(typed.substring(0, 5).toLowerCase())).as("the start of the surname").contains(id);
        assertThat(ids("петровна")).as("the patronymic").contains(id);
        assertThat(ids("петровна " + typed)).as("two words in another order").contains(id);
        assertThat(ids("Ивановна " + typed)).as("a word the name does not have").doesNotContain(id);
        assertThat(ids("оковёва")).as("the middle of a word").doesNotContain(id);
        assertThat(search.countForSummary(typed)).isEqualTo(new UserSearchService.SearchCount(1, false));
    }

    @Test
    void shouldListWholeNameMatchesThenSecondThenThirdWordMatchesAndPageAcrossThem() {
        String word = TestData.unique("Квазар");
        long third = TestData.insertUser(dsl, "Борис Иванович " + word);
        long second = TestData.insertUser(dsl, "Анна " + word);
        long first = TestData.insertUser(dsl, word + " Один");
        List<Long> paged = java.util.stream.IntStream.range(0, 3)
                .mapToObj(offset -> search.search(word, offset, 1).getFirst().userId()).toList();
        assertThat(paged).containsExactly(first, second, third);
        assertThat(ids(word)).containsExactly(first, second, third);
        assertThat(search.count(word)).isEqualTo(3);
    }

    private List<Long> ids(String query) {
        return search.search(query, 0, 50).stream().map(SearchHit::userId).toList();
    }

    @Test
    void shouldListExactMatchesBeforePrefixMatches() {
        List<SearchHit> hits = search.search(user.username(), 0, 50);
        assertThat(hits.getFirst().matchedBy()).isEqualTo(MatchKind.USERNAME);
        assertThat(hits).extracting(SearchHit::userId).doesNotHaveDuplicates();
    }

    @Test
    void shouldTreatWildcardsLiterally() {
        assertThat(search.search("%", 0, 50)).noneMatch(h -> h.matchedBy() == MatchKind.NAME_PREFIX);
        assertThat(search.count("")).isZero();
    }

    @Test
    void shouldSayWhenMoreUsersMatchAUsernamePrefixThanItCounts() {
        String prefix = TestData.unique("newbie_").toLowerCase();
        for (int i = 0; i < 24; i++) {
            long id = TestData.insertUser(dsl, "Newbie " + i);
            dsl.update(ru.rusoragentai.db.Tables.APP_USER).set(ru.rusoragentai.db.Tables.APP_USER.USERNAME, prefix + "_" + i)
                    .where(ru.rusoragentai.db.Tables.APP_USER.ID.eq(id)).execute();
        }
        UserSearchService.SearchCount found = search.countForSummary(prefix);
        assertThat(found.more()).isTrue();
        assertThat(found.count()).isEqualTo(20);
        assertThat(search.countForSummary(prefix + "_13")).isEqualTo(new UserSearchService.SearchCount(1, false));
    }

    @Test
    void shouldPageThroughPrefixMatchesWithoutRepeats() {
        String prefix = TestData.unique("Пагинация ");
        for (int i = 0; i < 7; i++) {
            ru.rusoragentai.console.support.TestData.insertUser(dsl, prefix + " " + i);
        }
        assertThat(search.count(prefix)).isEqualTo(7);
        List<SearchHit> first = search.search(prefix, 0, 4);
        List<SearchHit> second = search.search(prefix, 4, 4);
        assertThat(first).hasSize(4);
        assertThat(second).hasSize(3);
        assertThat(first).extracting(SearchHit::userId).doesNotContainAnyElementsOf(second.stream().map(SearchHit::userId).toList());
    }

    @Test
    void shouldRememberTheAgentsRecentSearchesAndUsers() {
        search.rememberSearch(user.email());
        search.rememberOpenedUser(user.userId());
        assertThat(search.recentSearches()).first().isEqualTo(user.email());
        assertThat(search.recentUsers()).first().extracting(SearchHit::userId).isEqualTo(user.userId());
    }

    private void assertFirst(String query, MatchKind kind) {
        List<SearchHit> hits = search.search(query, 0, 50);
        assertThat(hits).as(query).isNotEmpty();
        assertThat(hits.getFirst().userId()).as(query).isEqualTo(user.userId());
        assertThat(hits.getFirst().matchedBy()).as(query).isEqualTo(kind);
    }
}
