package ru.rusoragentai.console.reconciliation.ui;

import java.util.stream.Collectors;
import java.util.List;
import ru.rusoragentai.console.kit.Toasts;
import ru.rusoragentai.console.i18n.Texts;
import ru.rusoragentai.console.i18n.Text;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import ru.rusoragentai.console.reconciliation.ReconciliationRow;
import ru.rusoragentai.console.reconciliation.ReconciliationService;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.kit.Badge;
import ru.rusoragentai.console.kit.IsoDates;

/** Provider-reported usage and cost against ours, per day and model, with a "run now" for the chosen days. */
@Menu(title = "nav.reconciliation", order = 14, icon = "vaadin:scale")
@Route("reconciliation")
@RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN})
public class ReconciliationView extends VerticalLayout implements HasDynamicTitle {

    private final ReconciliationService reconciliation;
    private final Grid<ReconciliationRow> grid = new Grid<>();
    private final DatePicker from = IsoDates.apply(new DatePicker());
    private final DatePicker until = IsoDates.apply(new DatePicker());

    public ReconciliationView(ReconciliationService reconciliation) {
        this.reconciliation = reconciliation;
        setSizeFull();
        LocalDate today = reconciliation.today();
        from.setLabel(getTranslation("recon.from"));
        from.setId("recon-from");
        from.setValue(today.minusDays(7));
        until.setLabel(getTranslation("recon.until"));
        until.setId("recon-until");
        until.setValue(today);
        from.addValueChangeListener(e -> refresh());
        until.addValueChangeListener(e -> refresh());
        Button run = new Button(getTranslation("recon.run"), VaadinIcon.PLAY.create(), e -> run());
        run.setId("recon-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        run.setDisableOnClick(true);
        run.addClickListener(e -> run.setEnabled(true));
        HorizontalLayout filters = new HorizontalLayout(from, until, run);
        filters.setAlignItems(Alignment.BASELINE);

        grid.setId("recon-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(ReconciliationRow::day).setHeader(getTranslation("recon.day")).setAutoWidth(true).setSortable(true);
        grid.addColumn(ReconciliationRow::provider).setHeader(getTranslation("models.provider")).setAutoWidth(true).setSortable(true);
        grid.addColumn(ReconciliationRow::model).setHeader(getTranslation("models.model")).setAutoWidth(true);
        grid.addColumn(r -> r.providerInput() == null ? "—" : number(r.providerInput()) + " / " + number(r.providerOutput()))
                .setHeader(getTranslation("recon.provider-tokens")).setAutoWidth(true);
        grid.addColumn(r -> number(r.ourInput()) + " / " + number(r.ourOutput())).setHeader(getTranslation("recon.our-tokens")).setAutoWidth(true);
        grid.addComponentColumn(this::difference).setKey("difference").setHeader(getTranslation("recon.difference")).setAutoWidth(true);
        grid.addColumn(r -> usd(r.providerCost()) + " / " + usd(r.ourCost())).setHeader(getTranslation("recon.cost")).setAutoWidth(true);
        grid.addColumn(this::note).setHeader(getTranslation("recon.note")).setFlexGrow(2).setTooltipGenerator(this::note);
        grid.setEmptyStateText(getTranslation("recon.empty"));
        grid.setSizeFull();
        add(new H2(getTranslation("recon.heading")), filters, grid);
        refresh();
    }

    private Component difference(ReconciliationRow row) {
        BigDecimal percent = row.differencePercent();
        if (row.tokenDifference() == null) {
            return new Span("—");
        }
        String text = number(row.tokenDifference()) + (percent == null ? "" : " (" + percent + "%)");
        boolean off = percent == null || percent.abs().compareTo(BigDecimal.ONE) > 0;
        return Badge.of(text, off ? "error" : "success");
    }

    void run() {
        if (from.getValue() == null || until.getValue() == null || !from.getValue().isBefore(until.getValue())) {
            Notification.show(getTranslation("recon.range")).addThemeVariants(NotificationVariant.LUMO_ERROR);
            return;
        }
        List<Text> parts = reconciliation.runNow(from.getValue(), until.getValue());
        String summary = parts.stream().map(part -> Texts.of(this, part)).collect(Collectors.joining("; "));
        // a provider that could not be asked or failed is not a success: say so in the message's colour
        boolean allCompared = parts.stream().allMatch(part -> part.key().equals("recon.part.compared"));
        Toasts.show(getTranslation("recon.done", summary), allCompared ? NotificationVariant.LUMO_SUCCESS : NotificationVariant.LUMO_WARNING,
                allCompared ? 8_000 : 15_000, Notification.Position.BOTTOM_START);
        refresh();
    }

    private void refresh() {
        if (from.getValue() != null && until.getValue() != null) {
            grid.setItems(reconciliation.rows(null, from.getValue(), until.getValue()));
        }
    }

    private String number(long value) {
        return NumberFormat.getIntegerInstance(getLocale()).format(value);
    }

    private static String usd(BigDecimal value) {
        return value == null ? "?" : "$" + value.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private String note(ReconciliationRow row) {
        if (row.note() == null) {
            return "";
        }
        return row.note().equals(ReconciliationService.NOT_OURS) ? getTranslation(row.note()) : row.note();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("recon.heading");
    }
}
