package ru.rusoragentai.console.kit;

import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/**
 * One message at a time: showing a message closes the one shown before it in the same browser tab, so repeated
 * actions (Test connection, Run now) do not pile notifications on top of each other.
 */
public final class Toasts {

    private Toasts() {
    }

    public static Notification show(String text, NotificationVariant variant, int durationMillis, Notification.Position position) {
        UI ui = UI.getCurrent();
        Notification previous = ComponentUtil.getData(ui, Notification.class);
        if (previous != null && previous.isOpened()) {
            previous.close();
        }
        Notification notification = new Notification(text, durationMillis, position);
        notification.addThemeVariants(variant);
        ComponentUtil.setData(ui, Notification.class, notification);
        notification.open();
        return notification;
    }
}
