package ru.rusoragentai.console.analytics.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.Locale;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import ru.rusoragentai.console.analytics.ExportFormat;
import ru.rusoragentai.console.analytics.Grouping;
import ru.rusoragentai.console.i18n.Refusal;
import ru.rusoragentai.console.i18n.Texts;
import ru.rusoragentai.console.kit.IsoDates;
import ru.rusoragentai.console.kit.Toasts;

/** The fields and buttons every report screen has: the range, the grouping, the exports, and how refusals show. */
final class ReportControls {

    final DatePicker from = IsoDates.apply(new DatePicker());
    final DatePicker until = IsoDates.apply(new DatePicker());
    final Select<Grouping> grouping = new Select<>();

    ReportControls(Component view, String idPrefix, LocalDate today) {
        from.setLabel(view.getTranslation("recon.from"));
        from.setId(idPrefix + "-from");
        from.setValue(today.minusDays(30));
        until.setLabel(view.getTranslation("recon.until"));
        until.setId(idPrefix + "-until");
        until.setValue(today);
        grouping.setLabel(view.getTranslation("reports.grouping"));
        grouping.setItems(Grouping.values());
        grouping.setItemLabelGenerator(g -> view.getTranslation("reports.grouping." + lower(g)));
        grouping.setValue(Grouping.DAY);
        grouping.setId(idPrefix + "-grouping");
    }

    /** Whether both ends of the range are filled in. */
    boolean ready() {
        return from.getValue() != null && until.getValue() != null;
    }

    /**
     * The export buttons: each runs in its own request and writes what {@code shown} says was shown last, through
     * {@code write} (the format and the stream).
     */
    static HorizontalLayout downloads(Component view, String idPrefix, Supplier<String> fileName,
                                      BiConsumer<ExportFormat, OutputStream> write) {
        HorizontalLayout buttons = new HorizontalLayout();
        buttons.setAlignItems(FlexComponent.Alignment.BASELINE);
        for (ExportFormat format : ExportFormat.values()) {
            Anchor anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                write.accept(format, out);
                byte[] bytes = out.toByteArray();
                return new DownloadResponse(new ByteArrayInputStream(bytes), fileName.get() + "." + format.extension(),
                        format.mediaType(), bytes.length);
            }), "");
            anchor.getElement().setAttribute("download", true);
            anchor.setId(idPrefix + "-download-" + lower(format));
            anchor.add(new Button(view.getTranslation("reports.export." + lower(format).replace("csv-with-bom", "csv-excel")),
                    VaadinIcon.DOWNLOAD.create()));
            buttons.add(anchor);
        }
        return buttons;
    }

    /** A wrapping row of filter fields. */
    static com.vaadin.flow.component.orderedlayout.FlexLayout filterBar(Component... fields) {
        com.vaadin.flow.component.orderedlayout.FlexLayout bar = new com.vaadin.flow.component.orderedlayout.FlexLayout(fields);
        bar.setFlexWrap(com.vaadin.flow.component.orderedlayout.FlexLayout.FlexWrap.WRAP);
        bar.getStyle().set("gap", "var(--lumo-space-s)");
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        return bar;
    }

    /** Offers the values the range holds, keeping a chosen one even when the range no longer has it. */
    static void offer(com.vaadin.flow.component.combobox.ComboBox<String> filter, java.util.List<String> values) {
        String chosen = filter.getValue();
        filter.setItems(chosen == null || values.contains(chosen) ? values
                : java.util.stream.Stream.concat(values.stream(), java.util.stream.Stream.of(chosen)).toList());
        filter.setValue(chosen);
    }

    static void refused(Component view, Refusal refusal) {
        Toasts.show(Texts.of(view, refusal), NotificationVariant.LUMO_ERROR, 6_000, Notification.Position.BOTTOM_START);
    }

    static String lower(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
