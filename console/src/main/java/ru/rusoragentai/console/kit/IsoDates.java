package ru.rusoragentai.console.kit;

import com.vaadin.flow.component.datepicker.DatePicker;

/** Date pickers show and accept dates as the grids print them: ISO 8601, {@code 2026-12-01}, in either language. */
public final class IsoDates {

    private IsoDates() {
    }

    public static DatePicker apply(DatePicker picker) {
        DatePicker.DatePickerI18n i18n = picker.getI18n() == null ? new DatePicker.DatePickerI18n() : picker.getI18n();
        picker.setI18n(i18n.setDateFormat("yyyy-MM-dd").setFirstDayOfWeek(1));
        return picker;
    }
}
