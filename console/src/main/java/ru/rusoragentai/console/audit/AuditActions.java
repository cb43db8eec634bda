package ru.rusoragentai.console.audit;

import com.vaadin.flow.component.Component;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** An audit action code as staff read it: the bundle's wording where there is one, the code itself otherwise. */
public final class AuditActions {

    private static final String PREFIX = "audit.action.";
    private static final ResourceBundle ENGLISH = ResourceBundle.getBundle("vaadin-i18n.translations", java.util.Locale.ROOT);

    private AuditActions() {
    }

    /** Worded in the component's language; a code no bundle knows (a plugin's, a newer version's) shows as written. */
    public static String label(Component in, String code) {
        try {
            ENGLISH.getString(PREFIX + code);
            return in.getTranslation(PREFIX + code);
        } catch (MissingResourceException unknown) {
            return code;
        }
    }
}
