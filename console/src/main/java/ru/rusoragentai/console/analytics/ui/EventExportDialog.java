package ru.rusoragentai.console.analytics.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.RouterLink;
import ru.rusoragentai.console.analytics.ReportException;
import ru.rusoragentai.console.analytics.UsageQuery;
import ru.rusoragentai.console.analytics.downloads.DownloadService;
import ru.rusoragentai.console.analytics.downloads.EventFormat;

/**
 * Asks for the event-level export of the usage report's range and filters: one row per event, users as pseudonyms,
 * built in the background into the analyst's Downloads.
 */
final class EventExportDialog extends Dialog {

    EventExportDialog(DownloadService downloads, UsageQuery query, long expectedRows) {
        setHeaderTitle(getTranslation("downloads.events-heading"));
        setId("event-export-dialog");
        RadioButtonGroup<EventFormat> format = new RadioButtonGroup<>(getTranslation("downloads.format"));
        format.setItems(EventFormat.values());
        format.setItemLabelGenerator(f -> getTranslation("downloads.format." + ReportControls.lower(f)));
        format.setValue(expectedRows > 1_048_575 ? EventFormat.CSV_GZ : EventFormat.XLSX);
        format.setId("event-export-format");
        add(new Paragraph(getTranslation("downloads.events-explained", query.from(), query.until(),
                ru.rusoragentai.console.kit.Numbers.whole(this, expectedRows))), format);
        Button queue = new Button(getTranslation("downloads.queue"), e -> {
            try {
                downloads.requestEvents(query, format.getValue(), this::getTranslation);
            } catch (ReportException refused) {
                ReportControls.refused(this, refused);
                return;
            }
            close();
            Notification notice = new Notification(new com.vaadin.flow.component.html.Span(getTranslation("downloads.queued") + " "),
                    new RouterLink(getTranslation("nav.downloads"), DownloadsView.class));
            notice.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            notice.setDuration(8_000);
            notice.setPosition(Notification.Position.BOTTOM_START);
            notice.open();
        });
        queue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        queue.setId("event-export-queue");
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), queue);
    }
}
