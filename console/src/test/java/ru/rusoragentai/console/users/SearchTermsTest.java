package ru.rusoragentai.console.users;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTermsTest {

    @Test
    void shouldReadDigitsAsANumber() {
        SearchTerms terms = SearchTerms.parse(" 123456789 ").orElseThrow();
        assertThat(terms.number()).isEqualTo(123456789L);
        assertThat(terms.ip()).isNull();
    }

    @Test
    void shouldReadAtPrefixAndTelegramLinksAsUsernames() {
        assertThat(SearchTerms.parse("@ivan_petrov").orElseThrow().username()).isEqualTo("ivan_petrov");
        assertThat(SearchTerms.parse("t.me/ivan_petrov").orElseThrow().username()).isEqualTo("ivan_petrov");
        assertThat(SearchTerms.parse("@ivan_petrov").orElseThrow().email()).isNull();
    }

    @Test
    void shouldReadMailAddressesAsEmail() {
        assertThat(SearchTerms.parse("anna@yandex.ru").orElseThrow().email()).isEqualTo("anna@yandex.ru");
    }

    @Test
    void shouldReadIpLiteralsWithoutResolvingNames() {
        assertThat(SearchTerms.parse("203.0.113.77").orElseThrow().ip()).containsExactly(203, 0, 113, 77);
        assertThat(SearchTerms.parse("2a02:6b8::1").orElseThrow().ip()).hasSize(16);
        assertThat(SearchTerms.parse("localhost").orElseThrow().ip()).isNull();
        assertThat(SearchTerms.parse("example.com").orElseThrow().ip()).isNull();
    }

    @Test
    void shouldEscapeLikeWildcards() {
        SearchTerms terms = SearchTerms.parse("50%_off").orElseThrow();
        assertThat(terms.likePrefix(terms.text())).isEqualTo("50\\%\\_off%");
    }

    @Test
    void shouldIgnoreBlankOrOverlongInput() {
        assertThat(SearchTerms.parse("   ")).isEmpty();
        assertThat(SearchTerms.parse(null)).isEmpty();
        assertThat(SearchTerms.parse("x".repeat(300))).isEmpty();
    }
}
