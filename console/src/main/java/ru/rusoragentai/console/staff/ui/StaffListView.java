package ru.rusoragentai.console.staff.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import ru.rusoragentai.console.kit.RowAction;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.staff.StaffException;
import ru.rusoragentai.console.staff.StaffService;
import ru.rusoragentai.console.staff.StaffSummary;

@Menu(title = "nav.staff", order = 15, icon = "vaadin:users")
@Route("staff")
@RolesAllowed(Role.Names.ADMIN)
public class StaffListView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final StaffService staffService;
    private final Grid<StaffSummary> grid = new Grid<>();

    public StaffListView(StaffService staffService) {
        this.staffService = staffService;
        setSizeFull();
        Button create = new Button(getTranslation("staff.new"), VaadinIcon.PLUS.create(), e -> openCreate());
        create.setId("staff-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        configureGrid();
        add(new HorizontalLayout(new H2(getTranslation("staff.heading")), create), grid);
        refresh();
    }

    private void configureGrid() {
        grid.setId("staff-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.addColumn(StaffSummary::username).setHeader(getTranslation("staff.username")).setSortable(true).setAutoWidth(true);
        grid.addColumn(StaffSummary::displayName).setHeader(getTranslation("staff.display-name")).setSortable(true);
        grid.addColumn(s -> s.roles().stream().map(r -> getTranslation("role." + r.name())).sorted().collect(Collectors.joining(", ")))
                .setHeader(getTranslation("staff.roles"));
        grid.addColumn(this::state).setHeader(getTranslation("staff.state"));
        grid.addColumn(s -> s.lastLoginAt() == null ? "" : TIME.format(s.lastLoginAt())).setHeader(getTranslation("staff.last-login")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setKey("actions").setHeader(getTranslation("staff.actions")).setAutoWidth(true);
        grid.setSizeFull();
    }

    private String state(StaffSummary staff) {
        if (!staff.enabled()) {
            return getTranslation("staff.state.disabled");
        }
        if (staff.lockedUntil() != null && staff.lockedUntil().isAfter(staffService.now())) {
            return getTranslation("staff.state.locked");
        }
        return getTranslation(staff.mustChangePassword() ? "staff.state.password-pending" : "staff.state.active");
    }

    private HorizontalLayout actions(StaffSummary staff) {
        Button edit = new Button(getTranslation("action.edit"), e -> openEdit(staff));
        RowAction.mark(edit, "staff-edit", staff.username());
        edit.addThemeVariants(ButtonVariant.LUMO_SMALL);
        Button reset = new Button(getTranslation("staff.reset-password"), e -> confirmReset(staff));
        RowAction.mark(reset, "staff-reset", staff.username());
        reset.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(edit, reset);
    }

    private void openCreate() {
        StaffDialog[] holder = new StaffDialog[1];
        holder[0] = new StaffDialog(null, values -> run(() -> {
            String password = staffService.create(values.username(), values.displayName(), values.roles());
            holder[0].close();
            new OneTimePasswordDialog(values.username().trim().toLowerCase(), password).open();
        }));
        holder[0].open();
    }

    private void openEdit(StaffSummary staff) {
        StaffDialog[] holder = new StaffDialog[1];
        holder[0] = new StaffDialog(staff, values -> run(() -> {
            staffService.update(staff.id(), staff.version(), values.displayName(), values.enabled(), values.roles());
            holder[0].close();
            Notification.show(getTranslation("staff.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        }));
        holder[0].open();
    }

    private void confirmReset(StaffSummary staff) {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("staff.reset-password"),
                getTranslation("staff.reset-password.confirm", staff.username()),
                getTranslation("staff.reset-password"), e -> run(() -> {
                    String password = staffService.resetPassword(staff.id());
                    new OneTimePasswordDialog(staff.username(), password).open();
                }));
        confirm.setId("staff-reset-confirm");
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("action.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private void run(Runnable action) {
        try {
            action.run();
        } catch (StaffException refused) {
            Notification.show(getTranslation(refused.messageKey())).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        refresh();
    }

    private void refresh() {
        grid.setItems(staffService.list());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("staff.heading");
    }
}
