package ru.rusoragentai.console.analytics.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import ru.rusoragentai.console.analytics.ReportException;
import ru.rusoragentai.console.analytics.downloads.SavedReport;
import ru.rusoragentai.console.analytics.downloads.SavedReportService;
import ru.rusoragentai.console.i18n.Texts;
import ru.rusoragentai.console.kit.Toasts;

/** Saves what a report screen shows under a name: shared or not, and built daily or weekly into Downloads if asked. */
final class SaveReportDialog extends Dialog {

    SaveReportDialog(SavedReportService saved, SavedReport.Kind kind, SavedReport.Params params) {
        setHeaderTitle(getTranslation("saved.save-heading"));
        setId("save-report-dialog");
        TextField name = new TextField(getTranslation("saved.name"));
        name.setId("save-report-name");
        name.setRequired(true);
        name.setMaxLength(128);
        name.setWidthFull();
        Checkbox shared = new Checkbox(getTranslation("saved.shared"));
        shared.setId("save-report-shared");
        Select<SavedReport.Schedule> schedule = scheduleField(this);
        schedule.setId("save-report-schedule");
        VerticalLayout form = new VerticalLayout(new Paragraph(getTranslation("saved.rolling", params.days())), name, shared, schedule);
        form.setPadding(false);
        add(form);
        Button save = new Button(getTranslation("saved.save"), e -> {
            try {
                saved.save(name.getValue(), kind, params, shared.getValue(), schedule.getValue());
            } catch (ReportException refused) {
                name.setInvalid(true);
                name.setErrorMessage(Texts.of(this, refused));
                return;
            }
            close();
            Toasts.show(getTranslation("saved.saved", name.getValue().strip()), NotificationVariant.LUMO_SUCCESS, 4_000,
                    Notification.Position.BOTTOM_START);
        });
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("save-report-save");
        getFooter().add(new Button(getTranslation("action.cancel"), e -> close()), save);
    }

    static Select<SavedReport.Schedule> scheduleField(com.vaadin.flow.component.Component in) {
        Select<SavedReport.Schedule> schedule = new Select<>();
        schedule.setLabel(in.getTranslation("saved.schedule"));
        schedule.setItems(SavedReport.Schedule.values());
        schedule.setItemLabelGenerator(s -> in.getTranslation("saved.schedule." + s.code()));
        schedule.setValue(SavedReport.Schedule.NONE);
        return schedule;
    }
}
