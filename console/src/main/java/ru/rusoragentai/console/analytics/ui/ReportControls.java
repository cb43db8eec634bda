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

    private final String idPrefix;
    private final LocalDate today;

    ReportControls(Component view, String idPrefix, LocalDate today) {
        this.idPrefix = idPrefix;
        this.today = today;
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

    /**
     * A "Save…" button: the screen's range (as a rolling number of days), grouping, {@code split} and {@code filters}
     * under a name.
     */
    Button saveButton(Component view, ru.rusoragentai.console.analytics.downloads.SavedReportService saved,
                      ru.rusoragentai.console.analytics.downloads.SavedReport.Kind kind,
                      java.util.function.Supplier<? extends @org.jspecify.annotations.Nullable Enum<?>> split,
                      java.util.function.Supplier<java.util.Map<String, String>> filters) {
        Button save = new Button(view.getTranslation("saved.save-button"), VaadinIcon.BOOKMARK.create(), e -> {
            if (!ready()) {
                return;
            }
            Enum<?> chosen = split.get();
            new SaveReportDialog(saved, kind, new ru.rusoragentai.console.analytics.downloads.SavedReport.Params(
                    (int) java.time.temporal.ChronoUnit.DAYS.between(from.getValue(), until.getValue()), grouping.getValue().name(),
                    chosen == null ? null : chosen.name(), filters.get(), Texts.locale(view).toLanguageTag())).open();
        });
        save.setId(idPrefix + "-save");
        return save;
    }

    /** Puts the "Save…" button beside the view's export buttons. */
    void addSave(com.vaadin.flow.component.orderedlayout.VerticalLayout view, Button save) {
        view.getChildren().filter(c -> c.getId().filter((idPrefix + "-exports")::equals).isPresent()).findFirst()
                .map(HorizontalLayout.class::cast).orElseThrow().add(save);
    }

    /** Sets the range (the saved number of days up to today) and grouping of a saved report. */
    void apply(ru.rusoragentai.console.analytics.downloads.SavedReport.Params params) {
        until.setValue(today);
        from.setValue(today.minusDays(params.days()));
        grouping.setValue(Grouping.valueOf(params.grouping()));
    }

    /** The filters that are set, by name. */
    static java.util.Map<String, String> filters(Object... nameThenField) {
        java.util.Map<String, String> set = new java.util.TreeMap<>();
        for (int i = 0; i < nameThenField.length; i += 2) {
            Object value = ((com.vaadin.flow.component.HasValue<?, ?>) nameThenField[i + 1]).getValue();
            if (value != null) {
                set.put((String) nameThenField[i], value.toString());
            }
        }
        return set;
    }

    /** The saved report an address names ({@code ?saved=ID}), if the analyst sees it and it belongs on this screen. */
    static java.util.Optional<ru.rusoragentai.console.analytics.downloads.SavedReport> saved(
            com.vaadin.flow.router.BeforeEnterEvent event, ru.rusoragentai.console.analytics.downloads.SavedReportService saved,
            ru.rusoragentai.console.analytics.downloads.SavedReport.Kind kind) {
        return event.getLocation().getQueryParameters().getSingleParameter("saved").flatMap(id -> {
            try {
                long wanted = Long.parseLong(id);
                return saved.visible().stream().filter(r -> r.id() == wanted && r.kind() == kind).findFirst();
            } catch (NumberFormatException e) {
                return java.util.Optional.empty();
            }
        });
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
        buttons.setId(idPrefix + "-exports");
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

    /** A filter offering the values the range holds, empty for all of them. */
    static com.vaadin.flow.component.combobox.ComboBox<String> filter(Component view, String labelKey, String id) {
        com.vaadin.flow.component.combobox.ComboBox<String> filter = new com.vaadin.flow.component.combobox.ComboBox<>(
                view.getTranslation(labelKey));
        filter.setId(id);
        filter.setClearButtonVisible(true);
        filter.setPlaceholder(view.getTranslation("reports.all"));
        return filter;
    }

    /** What a report's rows are split by: the enum's constants, each worded as {@code labelPrefix} + its name. */
    static <E extends Enum<E>> Select<E> split(Component view, E[] values, E initial, String labelPrefix, String id) {
        Select<E> split = new Select<>();
        split.setLabel(view.getTranslation("reports.breakdown"));
        split.setItems(values);
        split.setItemLabelGenerator(s -> view.getTranslation(labelPrefix + lower(s)));
        split.setValue(initial);
        split.setId(id);
        return split;
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
