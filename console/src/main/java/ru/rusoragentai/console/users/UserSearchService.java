package ru.rusoragentai.console.users;

import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import ru.rusoragentai.console.security.CurrentStaff;
import ru.rusoragentai.console.security.Role;

/**
 * Finds users from whatever a user told support. Exact matches (id, Telegram id, @username, email,
 * payment id, IP) come first, then username and email prefixes, then names any of whose words start with the words
 * typed (first name, surname, patronymic; any case, ё as е), which page lazily. Every lookup is an index range scan.
 */
@Service
@Transactional(readOnly = true)
public class UserSearchService {

    static final int PREFIX_HEAD_LIMIT = 20;
    /**
     * Name matches are counted up to this many and then summed up as "more than": past it nobody reads the list, and
     * counting a common surname's tens of thousands of matches cost each search tens of milliseconds at 1M users.
     */
    static final int COUNT_CAP = 1_000;

    private final UserSearchRepository repository;
    private final CurrentStaff currentStaff;
    private final Clock clock;

    UserSearchService(UserSearchRepository repository, CurrentStaff currentStaff, Clock clock) {
        this.repository = repository;
        this.currentStaff = currentStaff;
        this.clock = clock;
    }

    @RolesAllowed({Role.Names.SUPPORT, Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    public List<SearchHit> search(String query, int offset, int limit) {
        var terms = SearchTerms.parse(query);
        if (terms.isEmpty()) {
            return List.of();
        }
        List<SearchHit> head = head(terms.get());
        List<SearchHit> page = new ArrayList<>();
        if (offset < head.size()) {
            page.addAll(head.subList(offset, Math.min(head.size(), offset + limit)));
        }
        int remaining = limit - page.size();
        if (remaining > 0) {
            int nameOffset = Math.max(0, offset - head.size());
            page.addAll(repository.byNameWords(nameWords(terms.get()), ids(head), nameOffset, remaining));
        }
        return page;
    }

    /** Number of results, with name matches counted up to {@value #COUNT_CAP}. */
    @RolesAllowed({Role.Names.SUPPORT, Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    public int count(String query) {
        var terms = SearchTerms.parse(query);
        if (terms.isEmpty()) {
            return 0;
        }
        List<SearchHit> head = head(terms.get());
        return head.size() + repository.countNameWords(nameWords(terms.get()), ids(head), COUNT_CAP);
    }

    /**
     * What to tell staff about the number of results: the count, and whether more match than it says (the username
     * and email prefix lists stop at {@value #PREFIX_HEAD_LIMIT}, the name count at {@value #COUNT_CAP}).
     */
    @RolesAllowed({Role.Names.SUPPORT, Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    public SearchCount countForSummary(String query) {
        var parsed = SearchTerms.parse(query);
        if (parsed.isEmpty()) {
            return new SearchCount(0, false);
        }
        SearchTerms terms = parsed.get();
        List<SearchHit> head = head(terms);
        int names = repository.countNameWords(nameWords(terms), ids(head), COUNT_CAP);
        String username = terms.username() != null ? terms.username() : terms.text();
        boolean more = names >= COUNT_CAP
                || repository.byUsernamePrefix(terms.likePrefix(username), PREFIX_HEAD_LIMIT + 1).size() > PREFIX_HEAD_LIMIT
                || terms.email() != null
                && repository.byEmailPrefix(terms.likePrefix(terms.email()), PREFIX_HEAD_LIMIT + 1).size() > PREFIX_HEAD_LIMIT;
        return new SearchCount(head.size() + names, more);
    }

    /** A result count; {@code more}: at least this many match, and more than the count says. */
    public record SearchCount(int count, boolean more) {
    }

    @RolesAllowed({Role.Names.SUPPORT, Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    @Transactional
    public void rememberSearch(String query) {
        if (query != null && !query.isBlank()) {
            repository.remember(currentStaff.actor(), "search", query.strip(), LocalDateTime.now(clock));
        }
    }

    @RolesAllowed({Role.Names.SUPPORT, Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    @Transactional
    public void rememberOpenedUser(long userId) {
        repository.remember(currentStaff.actor(), "user", Long.toString(userId), LocalDateTime.now(clock));
    }

    @RolesAllowed({Role.Names.SUPPORT, Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    public List<String> recentSearches() {
        return repository.recent(currentStaff.actor(), "search");
    }

    @RolesAllowed({Role.Names.SUPPORT, Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    public List<SearchHit> recentUsers() {
        List<Long> ids = repository.recent(currentStaff.actor(), "user").stream().map(Long::valueOf).toList();
        return ids.isEmpty() ? List.of() : repository.byIds(ids);
    }

    /** The display names of the given users, for lists that name them (ids of users that no longer exist are absent). */
    @RolesAllowed({Role.Names.SUPPORT, Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    public Map<Long, String> displayNames(java.util.Collection<Long> ids) {
        Map<Long, String> names = new java.util.HashMap<>();
        List<Long> distinct = List.copyOf(new java.util.LinkedHashSet<>(ids));
        for (int from = 0; from < distinct.size(); from += 1_000) {
            repository.byIds(distinct.subList(from, Math.min(distinct.size(), from + 1_000)))
                    .forEach(hit -> names.put(hit.userId(), hit.displayName()));
        }
        return names;
    }

    /**
     * The one user an identifier names exactly (user id, Telegram id, @username or username, email);
     * empty when none or when it names more than one user (e.g. one user's id is another's Telegram id).
     */
    @RolesAllowed({Role.Names.SUPPORT, Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
    public java.util.Optional<Long> resolveExactly(String identifier) {
        var terms = SearchTerms.parse(identifier);
        if (terms.isEmpty()) {
            return java.util.Optional.empty();
        }
        Map<Long, SearchHit> hits = new LinkedHashMap<>();
        if (terms.get().number() != null) {
            add(hits, repository.byId(terms.get().number()));
            add(hits, repository.byTelegramId(terms.get().number()));
        }
        add(hits, repository.byUsername(terms.get().username() != null ? terms.get().username() : terms.get().text()));
        if (terms.get().email() != null) {
            add(hits, repository.byEmail(terms.get().email()));
        }
        return hits.size() == 1 ? java.util.Optional.of(hits.keySet().iterator().next()) : java.util.Optional.empty();
    }

    private List<SearchHit> head(SearchTerms terms) {
        Map<Long, SearchHit> hits = new LinkedHashMap<>();
        if (terms.number() != null) {
            add(hits, repository.byId(terms.number()));
            add(hits, repository.byTelegramId(terms.number()));
        }
        String username = terms.username() != null ? terms.username() : terms.text();
        add(hits, repository.byUsername(username));
        if (terms.email() != null) {
            add(hits, repository.byEmail(terms.email()));
        }
        add(hits, repository.byPaymentExternalId(terms.text()));
        if (terms.ip() != null) {
            add(hits, repository.byIp(terms.ip()));
        }
        add(hits, repository.byUsernamePrefix(terms.likePrefix(username), PREFIX_HEAD_LIMIT));
        if (terms.email() != null) {
            add(hits, repository.byEmailPrefix(terms.likePrefix(terms.email()), PREFIX_HEAD_LIMIT));
        }
        return new ArrayList<>(hits.values());
    }

    /** Each word typed, as a prefix of some word of the name (at most four words; the rest are ignored). */
    private static List<String> nameWords(SearchTerms terms) {
        return java.util.Arrays.stream(terms.text().split("\\s+")).limit(4).map(terms::likePrefix).toList();
    }

    private static void add(Map<Long, SearchHit> hits, List<SearchHit> found) {
        for (SearchHit hit : found) {
            hits.putIfAbsent(hit.userId(), hit);
        }
    }

    private static List<Long> ids(List<SearchHit> hits) {
        return hits.stream().map(SearchHit::userId).toList();
    }
}
