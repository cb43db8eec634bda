package ru.rusoragentai.console.shell;

import java.util.List;

/** Today's headline numbers; "today" is the current UTC day. */
public record DashboardFigures(long users, long activeUsersToday, long tokensUsedToday, long paymentsToday,
                               List<Revenue> revenueToday) {

    /** Succeeded payments today in one currency, in minor units. */
    public record Revenue(String currency, long amountMinor) {
    }
}
