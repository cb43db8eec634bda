package ru.rusoragentai.console.shell.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.page.ColorScheme;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import java.util.Locale;
import org.springframework.stereotype.Component;
import ru.rusoragentai.console.security.CurrentStaff;
import ru.rusoragentai.console.staff.StaffPreferences;
import ru.rusoragentai.console.staff.StaffService;

/** Applies the signed-in staff member's remembered language and theme to every new UI. */
@Component
public class UiPreferences implements VaadinServiceInitListener {

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
                return;
            }
            StaffPreferences preferences = staffService.myPreferences();
            Locale locale = Locale.forLanguageTag(preferences.locale());
            init.getUI().getSession().setLocale(locale);
            init.getUI().setLocale(locale);
            applyTheme(init.getUI(), preferences.theme());
        });
    }

    static void applyTheme(UI ui, String theme) {
        ui.getPage().setColorScheme(StaffPreferences.DARK.equals(theme) ? ColorScheme.Value.DARK : ColorScheme.Value.LIGHT);
    }
}
