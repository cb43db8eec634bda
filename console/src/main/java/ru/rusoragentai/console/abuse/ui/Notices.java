package ru.rusoragentai.console.abuse.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import ru.rusoragentai.console.abuse.AbuseException;

/** Success and refusal messages of the abuse screens, in the staff member's language. */
final class Notices {

    private Notices() {
    }

    static void done(Component in, String key, Object... args) {
        Notification.show(in.getTranslation(key, args), 5_000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    static void refused(Component in, AbuseException refused) {
        Notification notification = Notification.show(in.getTranslation(refused.messageKey(), refused.arguments()), 8_000,
                Notification.Position.MIDDLE);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    /** Runs a change; a refusal is shown instead of thrown. Returns whether it went through. */
    static boolean attempt(Component in, Runnable change) {
        try {
            change.run();
            return true;
        } catch (AbuseException refused) {
            refused(in, refused);
            return false;
        }
    }
}
