package ru.rusoragentai.console.shell.ui;

import org.jspecify.annotations.Nullable;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.Icon;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.menu.MenuConfiguration;
import com.vaadin.flow.server.menu.MenuEntry;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Layout;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.RouteConfiguration;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.Locale;
import java.util.Set;
import ru.rusoragentai.console.security.CurrentStaff;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.staff.StaffPreferences;
import ru.rusoragentai.console.staff.StaffService;

/** The frame around every signed-in screen: navigation filtered by role, language, theme, sign-out. */
@Layout
@PermitAll
public class MainLayout extends AppLayout implements BeforeEnterObserver {

    /** The staff capability's password page, named by its route so that the frame does not depend on the view. */
    static final String CHANGE_PASSWORD = "change-password";

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

    /**
     * The side navigation, built from the routes themselves: every view that carries {@code @Menu} (its title a
     * translation key, its order, its icon) and that the staff member's roles may open, by the route's own access
     * annotation. The frame imports no feature's view.
     */
    private SideNav navigation(Set<Role> roles) {
        SideNav nav = new SideNav();
        nav.setId("main-nav");
        for (MenuEntry entry : MenuConfiguration.getMenuEntries()) {
            if (entry.menuClass() != null && NavigationAccess.canOpen(entry.menuClass(), roles)) {
                nav.addItem(new SideNavItem(getTranslation(entry.title()), entry.path(), icon(entry.icon())));
            }
        }
        return nav;
    }

    /** {@code vaadin:search} as an icon; nothing for an entry without one. */
    private static @Nullable Icon icon(@Nullable String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        int colon = name.indexOf(':');
        return colon < 0 ? new Icon(name) : new Icon(name.substring(0, colon), name.substring(colon + 1));
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
            event.forwardTo(CHANGE_PASSWORD, QueryParameters.empty());
        }
    }
}
