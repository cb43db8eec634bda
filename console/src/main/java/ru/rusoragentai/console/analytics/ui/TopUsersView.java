package ru.rusoragentai.console.analytics.ui;

import com.vaadin.flow.component.AbstractField;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import ru.rusoragentai.console.analytics.ReportException;
import ru.rusoragentai.console.analytics.TopUsersService;
import ru.rusoragentai.console.analytics.UsageReportService;
import ru.rusoragentai.console.security.Role;

/**
 * The heaviest users of a range by tokens charged or bought, pseudonymised: no name, username, email, Telegram id or
 * address, and pseudonyms that change with every view and export.
 */
@Menu(title = "nav.top-users", order = 8.3, icon = "vaadin:users")
@Route("reports/top-users")
@RolesAllowed({Role.Names.ANALYST, Role.Names.ADMIN})
public class TopUsersView extends VerticalLayout implements HasDynamicTitle {

    private final TopUsersService top;
    private final ReportControls controls;
    private final RadioButtonGroup<Boolean> rankBy = new RadioButtonGroup<>();
    private final ReportGrid grid;

    public TopUsersView(TopUsersService top, UsageReportService usage) {
        this.top = top;
        setWidthFull();
        controls = new ReportControls(this, "top", usage.today());
        rankBy.setLabel(getTranslation("top.rank-by"));
        rankBy.setItems(false, true);
        rankBy.setItemLabelGenerator(spend -> getTranslation(spend ? "top.by-spend" : "top.by-usage"));
        rankBy.setValue(false);
        rankBy.setId("top-rank-by");
        HorizontalLayout filters = new HorizontalLayout(controls.from, controls.until, rankBy);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        grid = new ReportGrid(getLocale(), getTranslation("reports.total"));
        grid.setId("top-grid");
        Paragraph note = new Paragraph(getTranslation("top.note"));
        note.addClassName("hint");
        add(new H2(getTranslation("top.heading")), filters, ReportControls.downloads(this, "top",
                () -> "top-users-" + controls.from.getValue() + "-" + controls.until.getValue(),
                (format, out) -> top.export(controls.from.getValue(), controls.until.getValue(), rankBy.getValue(), format,
                        this::getTranslation, out)), note, grid);
        for (AbstractField<?, ?> field : List.of(controls.from, controls.until, rankBy)) {
            field.addValueChangeListener(e -> refresh());
        }
        refresh();
    }

    private void refresh() {
        if (!controls.ready()) {
            return;
        }
        try {
            grid.show(TopUsersService.table(top.top(controls.from.getValue(), controls.until.getValue(), rankBy.getValue()),
                    this::getTranslation));
        } catch (ReportException refused) {
            ReportControls.refused(this, refused);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("top.heading");
    }
}
