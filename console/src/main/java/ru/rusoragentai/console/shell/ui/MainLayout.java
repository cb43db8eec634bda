package ru.rusoragentai.console.shell.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import ru.rusoragentai.console.analytics.ui.UsageReportView;
import ru.rusoragentai.console.models.ui.ModelListView;
import ru.rusoragentai.console.payments.ui.WebhookInboxView;
import ru.rusoragentai.console.plugins.ui.PluginListView;
import ru.rusoragentai.console.privacy.ui.PrivacyRequestListView;
import ru.rusoragentai.console.retention.ui.RetentionView;
import ru.rusoragentai.console.reconciliation.ui.ReconciliationView;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;
import java.util.Set;
import ru.rusoragentai.console.audit.ui.AuditLogView;
import ru.rusoragentai.console.security.CurrentStaff;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.staff.StaffPreferences;
import ru.rusoragentai.console.staff.StaffService;
import ru.rusoragentai.console.staff.ui.ChangePasswordView;
import ru.rusoragentai.console.staff.ui.StaffListView;
import ru.rusoragentai.console.tokens.ui.ApprovalsView;
import ru.rusoragentai.console.tokens.ui.BulkAdjustmentView;
import ru.rusoragentai.console.users.ui.UserSearchView;

/** The frame around every signed-in screen: navigation filtered by role, language, theme, sign-out. */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements BeforeEnterObserver {

    private final StaffService staffService;

    public MainLayout(StaffService staffService, CurrentStaff currentStaff, AuthenticationContext authentication) {
        this.staffService = staffService;
        DrawerToggle toggle = new DrawerToggle();
        toggle.setAriaLabel(getTranslation("nav.toggle"));
        Span title = new Span(getTranslation("app.title"));
        title.addClassName("app-title");
        addToNavbar(toggle, title, toolbar(currentStaff, authentication));
        addToDrawer(navigation(currentStaff.roles()));
        setPrimarySection(Section.DRAWER);
    }

    private SideNav navigation(Set<Role> roles) {
        SideNav nav = new SideNav();
        nav.setId("main-nav");
        addIfAllowed(nav, roles, new SideNavItem(getTranslation("nav.dashboard"), DashboardView.class, VaadinIcon.DASHBOARD.create()), DashboardView.class);
        addIfAllowed(nav, roles, new SideNavItem(getTranslation("nav.users"), UserSearchView.class, VaadinIcon.SEARCH.create()), UserSearchView.class);
        addIfAllowed(nav, roles, new SideNavItem(getTranslation("nav.approvals"), ApprovalsView.class, VaadinIcon.CHECK_SQUARE_O.create()), ApprovalsView.class);
        addRouteIfAllowed(nav, roles, "nav.abuse", "abuse", VaadinIcon.FLAG);
        addRouteIfAllowed(nav, roles, "nav.abuse.cases", "abuse/cases", VaadinIcon.FOLDER_OPEN);
        addRouteIfAllowed(nav, roles, "nav.abuse.rules", "abuse/rules", VaadinIcon.SLIDERS);
        addIfAllowed(nav, roles, new SideNavItem(getTranslation("nav.bulk"), BulkAdjustmentView.class, VaadinIcon.UPLOAD.create()), BulkAdjustmentView.class);
        addIfAllowed(nav, roles, new SideNavItem(getTranslation("nav.reports"), UsageReportView.class, VaadinIcon.CHART.create()), UsageReportView.class);
        addIfAllowed(nav, roles, new SideNavItem(getTranslation("nav.privacy"), PrivacyRequestListView.class, VaadinIcon.SHIELD.create()), PrivacyRequestListView.class);
        addIfAllowed(nav, roles, new SideNavItem(getTranslation("nav.retention"), RetentionView.class, VaadinIcon.TRASH.create()), RetentionView.class);
        addIfAllowed(nav, roles, new SideNavItem(getTranslation("nav.plugins"), PluginListView.class, VaadinIcon.PLUG.create()), PluginListView.class);
        addIfAllowed(nav, roles, new SideNavItem(getTranslation("nav.models"), ModelListView.class, VaadinIcon.CLUSTER.create()), ModelListView.class);
        addIfAllowed(nav, roles, new SideNavItem(getTranslation("nav.webhooks"), WebhookInboxView.class, VaadinIcon.INBOX.create()), WebhookInboxView.class);
        addIfAllowed(nav, roles, new SideNavItem(getTranslation("nav.reconciliation"), ReconciliationView.class, VaadinIcon.SCALE.create()), ReconciliationView.class);
        addIfAllowed(nav, roles, new SideNavItem(getTranslation("nav.staff"), StaffListView.class, VaadinIcon.USERS.create()), StaffListView.class);
        addIfAllowed(nav, roles, new SideNavItem(getTranslation("nav.audit"), AuditLogView.class, VaadinIcon.RECORDS.create()), AuditLogView.class);
        return nav;
    }

    /**
     * An entry found by its route rather than its class, so the frame does not depend on the capability that owns the
     * view (the step #18 takes for every entry); the route's own access annotation decides who sees it.
     */
    private void addRouteIfAllowed(SideNav nav, Set<Role> roles, String key, String path, VaadinIcon icon) {
        RouteConfiguration.forApplicationScope().getRoute(path).ifPresent(view ->
                addIfAllowed(nav, roles, new SideNavItem(getTranslation(key), path, icon.create()), view));
    }

    private static void addIfAllowed(SideNav nav, Set<Role> roles, SideNavItem item, Class<?> view) {
        if (NavigationAccess.canOpen(view, roles)) {
            nav.addItem(item);
        }
    }

    private HorizontalLayout toolbar(CurrentStaff currentStaff, AuthenticationContext authentication) {
        StaffPreferences preferences = staffService.myPreferences();

        Select<String> language = new Select<>();
        language.setId("language-select");
        language.setAriaLabel(getTranslation("prefs.language"));
        language.setItems("en", "ru");
        language.setItemLabelGenerator(code -> getTranslation("prefs.language." + code));
        language.setValue(preferences.locale());
        language.addValueChangeListener(e -> {
            if (e.getValue() != null && !e.getValue().equals(e.getOldValue())) {
                staffService.saveMyPreferences(e.getValue(), staffService.myPreferences().theme());
                UI ui = UI.getCurrent();
                ui.getSession().setLocale(Locale.forLanguageTag(e.getValue()));
                ui.getPage().reload();
            }
        });

        Button theme = new Button(VaadinIcon.ADJUST.create());
        theme.setId("theme-toggle");
        theme.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        theme.setTooltipText(getTranslation("prefs.theme.toggle"));
        theme.setAriaLabel(getTranslation("prefs.theme.toggle"));
        theme.addClickListener(e -> {
            StaffPreferences current = staffService.myPreferences();
            String next = StaffPreferences.DARK.equals(current.theme()) ? StaffPreferences.LIGHT : StaffPreferences.DARK;
            staffService.saveMyPreferences(current.locale(), next);
            UiPreferences.applyTheme(UI.getCurrent(), next);
        });

        Span who = new Span(currentStaff.actor());
        who.setId("current-staff");
        who.addClassName("current-staff");

        Button logout = new Button(getTranslation("nav.logout"), VaadinIcon.SIGN_OUT.create(), e -> authentication.logout());
        logout.setId("logout-button");
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);

        HorizontalLayout bar = new HorizontalLayout(language, theme, who, logout);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        bar.addClassName("navbar-tools");
        return bar;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (staffService.myPreferences().mustChangePassword()) {
            // forwarded, not rerouted: the address becomes /change-password instead of keeping the sign-in's /?continue
            event.forwardTo(RouteConfiguration.forApplicationScope().getUrl(ChangePasswordView.class), QueryParameters.empty());
        }
    }
}
