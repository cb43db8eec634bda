package ru.rusoragentai.console.users.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import java.text.NumberFormat;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.router.RouteParameters;
import java.util.List;
import ru.rusoragentai.console.audit.AuditEvent;
import ru.rusoragentai.console.audit.AuditActions;
import ru.rusoragentai.console.kit.GridColumns;
import ru.rusoragentai.console.kit.Numbers;
import ru.rusoragentai.console.users.UserActivity;
import ru.rusoragentai.console.users.UserProfile;

/** The read-only sections of the user page: small grids over lists the service returns. */
final class UserSections {

    private UserSections() {
    }

    static Component profile(UserProfile p) {
        FormLayout form = new FormLayout();
        form.setId("user-profile");
        field(form, "user.id", Long.toString(p.id()));
        field(form, "user.username", p.username());
        field(form, "user.display-name", p.displayName());
        field(form, "user.email", p.email());
        field(form, "user.telegram-id", Long.toString(p.telegramUserId()));
        field(form, "user.created", GridColumns.time(p.createdAt()));
        field(form, "user.last-seen", GridColumns.time(p.lastSeenAt()));
        field(form, "user.locale", p.locale());
        field(form, "user.retention", p.conversationRetentionDays() == null ? "∞" : p.conversationRetentionDays().toString());
        field(form, "user.birth-year", p.birthYear() == null ? "" : p.birthYear().toString());
        return form;
    }

    static Component sessions(List<UserActivity.Session> rows) {
        Grid<UserActivity.Session> grid = grid("user-sessions");
        grid.addColumn(s -> GridColumns.time(s.startedAt())).setHeader(grid.getTranslation("session.started")).setComparator(UserActivity.Session::startedAt);
        grid.addColumn(UserActivity.Session::ip).setHeader(grid.getTranslation("session.ip"));
        grid.addColumn(UserActivity.Session::deviceType).setHeader(grid.getTranslation("session.device"));
        grid.addColumn(UserActivity.Session::browser).setHeader(grid.getTranslation("session.browser"));
        grid.addColumn(UserActivity.Session::os).setHeader(grid.getTranslation("session.os"));
        grid.addColumn(s -> s.country() + (s.region() == null ? "" : ", " + s.region())).setHeader(grid.getTranslation("session.location"));
        grid.setItems(rows);
        return grid;
    }

    static Component payments(List<UserActivity.Payment> rows) {
        Grid<UserActivity.Payment> grid = grid("user-payments");
        grid.addColumn(p -> GridColumns.time(p.paidAt())).setHeader(grid.getTranslation("payment.paid-at")).setComparator(UserActivity.Payment::paidAt);
        grid.addColumn(UserActivity.Payment::externalId).setHeader(grid.getTranslation("payment.external-id"));
        grid.addColumn(p -> money(grid, p.amountMinor(), p.currency())).setHeader(grid.getTranslation("payment.amount"))
                .setTextAlign(ColumnTextAlign.END).setComparator(UserActivity.Payment::amountMinor);
        GridColumns.numberColumn(grid, UserActivity.Payment::tokens, false).setHeader(grid.getTranslation("user.tokens"));
        grid.addColumn(p -> grid.getTranslation("payment.status." + p.status())).setHeader(grid.getTranslation("user.status"));
        grid.addColumn(UserActivity.Payment::channel).setHeader(grid.getTranslation("payment.channel"));
        grid.setItems(rows);
        return grid;
    }

    static Component linked(List<UserActivity.LinkedAccount> rows) {
        Grid<UserActivity.LinkedAccount> grid = grid("user-linked");
        grid.addComponentColumn(a -> new RouterLink(a.displayName() + " (@" + a.username() + ")", UserDetailView.class,
                new RouteParameters("id", Long.toString(a.userId())))).setHeader(grid.getTranslation("user.display-name"));
        grid.addColumn(a -> grid.getTranslation("linked.shared-ip", a.sharedIp())).setHeader(grid.getTranslation("linked.why"));
        grid.setItems(rows);
        return grid;
    }

    static Component privacyRequests(List<UserActivity.PrivacyRequest> rows) {
        Grid<UserActivity.PrivacyRequest> grid = grid("user-privacy");
        grid.addColumn(UserActivity.PrivacyRequest::id).setHeader("#").setComparator(UserActivity.PrivacyRequest::id);
        grid.addColumn(r -> grid.getTranslation("privacy.type." + r.type())).setHeader(grid.getTranslation("privacy.type")).setSortable(true);
        grid.addColumn(r -> grid.getTranslation("privacy.status." + r.status())).setHeader(grid.getTranslation("user.status")).setSortable(true);
        grid.addColumn(r -> GridColumns.time(r.receivedAt())).setHeader(grid.getTranslation("privacy.received")).setComparator(UserActivity.PrivacyRequest::receivedAt);
        grid.addColumn(r -> GridColumns.time(r.dueAt())).setHeader(grid.getTranslation("privacy.due")).setComparator(UserActivity.PrivacyRequest::dueAt);
        grid.setItems(rows);
        return grid;
    }

    static Component staffActions(List<AuditEvent> rows) {
        Grid<AuditEvent> grid = grid("user-staff-actions");
        grid.addColumn(e -> GridColumns.time(e.occurredAt())).setHeader(grid.getTranslation("audit.time")).setAutoWidth(true).setComparator(AuditEvent::occurredAt);
        grid.addColumn(AuditEvent::actor).setHeader(grid.getTranslation("audit.actor")).setAutoWidth(true).setSortable(true);
        grid.addColumn(e -> AuditActions.label(grid, e.action())).setHeader(grid.getTranslation("audit.action")).setAutoWidth(true)
                .setSortable(true).setTooltipGenerator(AuditEvent::action);
        grid.addColumn(AuditEvent::details).setHeader(grid.getTranslation("audit.details")).setFlexGrow(3);
        grid.setItems(rows);
        return grid;
    }

    /** An amount in minor units with its currency, in the staff member's language's number format. */
    private static String money(Component in, long amountMinor, String currency) {
        NumberFormat format = NumberFormat.getNumberInstance(Numbers.locale(in));
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(amountMinor / 100.0) + " " + currency;
    }

    private static <T> Grid<T> grid(String id) {
        Grid<T> grid = new Grid<>();
        grid.setId(id);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.setSizeFull();
        grid.setEmptyStateText(grid.getTranslation("grid.empty"));
        return grid;
    }

    private static void field(FormLayout form, String key, String value) {
        TextField field = new TextField(form.getTranslation(key));
        field.setValue(value == null ? "" : value);
        field.setReadOnly(true);
        form.add(field);
    }
}
