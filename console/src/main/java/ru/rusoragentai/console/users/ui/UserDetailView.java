package ru.rusoragentai.console.users.ui;

import org.springframework.beans.factory.ObjectProvider;
import ru.rusoragentai.console.users.UserPageAction;
import ru.rusoragentai.console.users.UserPageSection;
import ru.rusoragentai.console.users.UserRiskScores;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.function.Supplier;
import ru.rusoragentai.console.audit.AuditService;
import ru.rusoragentai.console.security.CurrentStaff;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.kit.ReasonDialog;
import ru.rusoragentai.console.users.UserException;
import ru.rusoragentai.console.users.UserProfile;
import ru.rusoragentai.console.users.UserSearchService;
import ru.rusoragentai.console.users.UserService;

/** Everything about one user on one page, and the actions support takes on them. */
@Route("users/:id")
@RolesAllowed({Role.Names.SUPPORT, Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
public class UserDetailView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final UserService userService;
    private final UserSearchService searchService;
    private final AuditService audit;
    private final CurrentStaff currentStaff;
    private final ObjectProvider<UserPageSection> contributed;
    private final ObjectProvider<UserPageAction> contributedActions;
    private final ObjectProvider<UserRiskScores> risks;
    private UserProfile profile;
    private String title = "";

    public UserDetailView(UserService userService, UserSearchService searchService, AuditService audit, CurrentStaff currentStaff,
                          ObjectProvider<UserPageSection> contributed,
                          ObjectProvider<UserPageAction> contributedActions,
                          ObjectProvider<UserRiskScores> risks) {
        this.contributed = contributed;
        this.contributedActions = contributedActions;
        this.risks = risks;
        this.userService = userService;
        this.searchService = searchService;
        this.audit = audit;
        this.currentStaff = currentStaff;
        setSizeFull();
    }

    /** Query parameter naming the privacy (correction) request the staff member came from. */
    public static final String PRIVACY_REQUEST = ru.rusoragentai.console.users.UserPage.PRIVACY_REQUEST;
    private String privacyRequest;

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long id;
        try {
            id = Long.parseLong(event.getRouteParameters().get("id").orElse(""));
            profile = userService.profile(id);
        } catch (NumberFormatException | UserException notFound) {
            event.forwardTo(UserSearchView.class);
            Notification.show(getTranslation("user.error.not-found")).addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        searchService.rememberOpenedUser(id);
        title = profile.displayName();
        // opened from a correction request: the edit's note names it, so the audit entry links the two
        privacyRequest = event.getLocation().getQueryParameters().getSingleParameter(PRIVACY_REQUEST)
                .filter(v -> v.matches("\\d{1,18}")).map(v -> getTranslation("user.edit.note.privacy", v)).orElse(null);
        render();
    }

    private void render() {
        removeAll();
        var risk = risks.getIfAvailable() == null ? null : risks.getIfAvailable().scores(java.util.List.of(profile.id())).get(profile.id());
        add(new UserHeader(profile, risk), actions(), sections());
    }

    private HorizontalLayout actions() {
        HorizontalLayout bar = new HorizontalLayout();
        bar.add(button("user-edit", "user.action.edit", VaadinIcon.EDIT, () -> new EditUserDialog(profile, privacyRequest, this::correct).open()));
        boolean canSuspend = currentStaff.hasRole(Role.SUPPORT) || currentStaff.hasRole(Role.ADMIN);
        if (canSuspend && !"deleted".equals(profile.status())) {
            boolean suspended = "suspended".equals(profile.status());
            bar.add(button("user-suspend", suspended ? "user.action.unsuspend" : "user.action.suspend", VaadinIcon.BAN,
                    () -> new ReasonDialog(getTranslation(suspended ? "user.action.unsuspend" : "user.action.suspend"),
                            getTranslation(suspended ? "user.confirm.unsuspend" : "user.confirm.suspend", profile.displayName()),
                            reason -> change(() -> userService.setSuspended(profile.id(), profile.version(), !suspended, reason))).open()));
        }
        boolean restricted = profile.processingRestricted();
        bar.add(button("user-restrict", restricted ? "user.action.unrestrict" : "user.action.restrict", VaadinIcon.LOCK,
                () -> new ReasonDialog(getTranslation(restricted ? "user.action.unrestrict" : "user.action.restrict"),
                        getTranslation(restricted ? "user.confirm.unrestrict" : "user.confirm.restrict", profile.displayName()),
                        reason -> change(() -> userService.setProcessingRestricted(profile.id(), profile.version(), !restricted, reason))).open()));
        contributedActions.orderedStream().filter(action -> action.visibleTo(currentStaff.roles(), profile))
                .forEach(action -> bar.add(action.create(profile, this::reload)));
        return bar;
    }

    private Button button(String id, String key, VaadinIcon icon, Runnable action) {
        Button button = new Button(getTranslation(key), icon.create(), e -> action.run());
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return button;
    }

    private TabSheet sections() {
        TabSheet tabs = new TabSheet();
        tabs.setId("user-sections");
        tabs.setSizeFull();
        long id = profile.id();
        // the page's own tabs and those other capabilities contribute, in their positions (see UserPageSection)
        java.util.TreeMap<Integer, java.util.List<Runnable>> byPosition = new java.util.TreeMap<>();
        java.util.function.BiConsumer<Integer, Runnable> at = (position, add) -> byPosition.computeIfAbsent(position, p -> new java.util.ArrayList<>()).add(add);
        at.accept(10, () -> lazyTab(tabs, "user.section.profile", () -> UserSections.profile(profile)));
        at.accept(40, () -> lazyTab(tabs, "user.section.usage", () -> new UsageSection(id, userService)));
        at.accept(50, () -> lazyTab(tabs, "user.section.sessions", () -> UserSections.sessions(userService.sessions(id))));
        at.accept(60, () -> lazyTab(tabs, "user.section.payments", () -> UserSections.payments(userService.payments(id))));
        at.accept(70, () -> lazyTab(tabs, "user.section.linked", () -> UserSections.linked(userService.linkedAccounts(id))));
        contributed.orderedStream().filter(section -> section.visibleTo(currentStaff.roles()))
                .forEach(section -> at.accept(section.position(), () -> lazyTab(tabs, section.tabKey(), () -> section.create(id))));
        at.accept(90, () -> lazyTab(tabs, "user.section.privacy", () -> UserSections.privacyRequests(userService.privacyRequests(id))));
        at.accept(100, () -> lazyTab(tabs, "user.section.staff-actions",
                () -> UserSections.staffActions(audit.forTarget(UserService.AUDIT_TARGET, Long.toString(id), 0, 500))));
        byPosition.values().forEach(adds -> adds.forEach(Runnable::run));
        return tabs;
    }

    /** Builds a section when its tab is first selected, so opening the page stays fast. */
    private void lazyTab(TabSheet tabs, String key, Supplier<Component> content) {
        VerticalLayout holder = new VerticalLayout();
        holder.setSizeFull();
        holder.setPadding(false);
        var tab = tabs.add(getTranslation(key), holder);
        tab.setId("tab-" + key.substring(key.lastIndexOf('.') + 1));
        Runnable fill = () -> {
            if (holder.getComponentCount() == 0) {
                holder.add(content.get());
            }
        };
        if (tabs.getSelectedTab() == tab) {
            fill.run();
        }
        tabs.addSelectedChangeListener(e -> {
            if (e.getSelectedTab() == tab) {
                fill.run();
            }
        });
    }

    private void correct(EditUserDialog.Values values) {
        change(() -> userService.correct(profile.id(), profile.version(), values.username(), values.displayName(), values.email(), values.note()));
    }

    /** After a contributed action changed the user: the page shows them as they are now. */
    private void reload() {
        profile = userService.profile(profile.id());
        render();
    }

    private void change(Supplier<UserProfile> action) {
        try {
            profile = action.get();
            Notification.show(getTranslation("user.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } catch (UserException refused) {
            error(getTranslation(refused.messageKey()));
            profile = userService.profile(profile.id());
        }
        render();
    }

    private static void error(String message) {
        Notification notification = Notification.show(message);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.setDuration(8000);
    }

    @Override
    public String getPageTitle() {
        return title;
    }
}
