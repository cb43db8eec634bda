package ru.rusoragentai.console.abuse;

import org.jspecify.annotations.Nullable;
import java.util.List;

/**
 * Accounts joined to one or more starting accounts by what they share, bounded in size.
 *
 * @param accounts the accounts, starting ones first
 * @param links    one line per shared thing between two accounts: {@code via} is ip, network, device or referral
 */
public record LinkedAccounts(List<Account> accounts, List<Link> links, boolean cut) {

    public record Account(long userId, @Nullable String displayName, @Nullable String username, String status, int score, boolean start) {
    }

    public record Link(long from, long to, String via, String value) {
    }
}
