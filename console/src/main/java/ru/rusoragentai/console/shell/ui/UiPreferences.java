package ru.rusoragentai.console.shell.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import org.springframework.stereotype.Component;
import ru.rusoragentai.console.security.CurrentStaff;
import ru.rusoragentai.console.staff.StaffPreferences;
import ru.rusoragentai.console.staff.StaffService;

/**
 * Applies the signed-in staff member's remembered language and theme to every new UI; before sign-in, the language
 * the browser asks for.
 */
@Component
public class UiPreferences implements VaadinServiceInitListener {

    private static final Set<String> SPOKEN = Set.of("en", "ru");

    private final StaffService staffService;
    private final CurrentStaff currentStaff;

    UiPreferences(StaffService staffService, CurrentStaff currentStaff) {
        this.staffService = staffService;
        this.currentStaff = currentStaff;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> {
            if (currentStaff.username().isEmpty()) {
                // before sign-in (the login page) the browser's languages decide; English unless it prefers Russian
                apply(init.getUI(), browserLocale(VaadinRequest.getCurrent()));
                return;
            }
            StaffPreferences preferences = staffService.myPreferences();
            apply(init.getUI(), Locale.forLanguageTag(preferences.locale()));
            applyTheme(init.getUI(), preferences.theme());
        });
    }

    /** Sets the language for the session and the UI, and the page's {@code <html lang>} with it. */
    private static void apply(UI ui, Locale locale) {
        ui.getSession().setLocale(locale);
        ui.setLocale(locale);
        ui.getPage().executeJs("document.documentElement.lang = $0", locale.getLanguage());
    }

    /** The first of the request's languages (Accept-Language, in order) that the console speaks; English otherwise. */
    static Locale browserLocale(VaadinRequest request) {
        if (request != null) {
            for (Locale locale : Collections.list(request.getLocales())) {
                if (SPOKEN.contains(locale.getLanguage())) {
                    return Locale.forLanguageTag(locale.getLanguage());
                }
            }
        }
        return Locale.ENGLISH;
    }

    static void applyTheme(UI ui, String theme) {
        ui.getPage().setColorScheme(StaffPreferences.DARK.equals(theme) ? ColorScheme.Value.DARK : ColorScheme.Value.LIGHT);
    }
}
