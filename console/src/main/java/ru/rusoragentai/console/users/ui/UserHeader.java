package ru.rusoragentai.console.users.ui;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import ru.rusoragentai.console.kit.Badge;
import java.text.NumberFormat;
import ru.rusoragentai.console.users.UserProfile;
import ru.rusoragentai.console.users.UserRiskScores;

/** Identity, status and balance at the top of the user page. */
class UserHeader extends Div {

    UserHeader(UserProfile profile, UserRiskScores.Risk risk) {
        addClassName("user-header");
        H2 name = new H2(profile.displayName());
        name.setId("user-name");
        Span handle = new Span("@" + profile.username() + " · Telegram " + profile.telegramUserId()
                + (profile.email() == null ? "" : " · " + profile.email()) + " · #" + profile.id());
        handle.addClassName("hint");
        Span status = badge(getTranslation("user.status." + profile.status()), "active".equals(profile.status()) ? "success" : "error");
        status.setId("user-status");
        Div badges = new Div(status);
        badges.addClassName("badges");
        if (profile.processingRestricted()) {
            badges.add(badge(getTranslation("user.flag.restricted"), "contrast"));
        }
        if (profile.processingObjected()) {
            badges.add(badge(getTranslation("user.flag.objected"), "contrast"));
        }
        if (profile.possibleMinor()) {
            badges.add(badge(getTranslation("user.flag.minor"), "error"));
        }
        if (risk != null && risk.score() > 0) {
            Span score = badge(getTranslation("user.risk", risk.score()), risk.score() >= RiskText.HIGH ? "error" : "contrast");
            score.setId("user-risk");
            score.setTitle(RiskText.breakdown(this, risk));
            badges.add(score);
        }
        Span balance = new Span(NumberFormat.getIntegerInstance(getLocale()).format(profile.balance()));
        balance.setId("user-balance");
        balance.addClassName("figure-value");
        Div balanceBox = new Div(balance, new Span(" " + getTranslation("user.tokens")));
        balanceBox.addClassName("user-balance");
        add(new Div(name, handle, badges), balanceBox);
    }

    private static Span badge(String text, String theme) {
        return Badge.of(text, theme);
    }
}
