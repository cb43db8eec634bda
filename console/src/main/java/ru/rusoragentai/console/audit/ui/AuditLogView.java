package ru.rusoragentai.console.audit.ui;

import ru.rusoragentai.console.audit.AuditActions;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import ru.rusoragentai.console.kit.Plurals;
import ru.rusoragentai.console.audit.AuditEvent;
import ru.rusoragentai.console.audit.AuditFilter;
import ru.rusoragentai.console.audit.AuditService;
import ru.rusoragentai.console.audit.ChainVerification;
import ru.rusoragentai.console.security.Role;

@Menu(title = "nav.audit", order = 16, icon = "vaadin:records")
@Route("audit")
@RolesAllowed({Role.Names.ADMIN, Role.Names.PRIVACY_OFFICER})
public class AuditLogView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final AuditService auditService;
    private final Grid<AuditEvent> grid = new Grid<>();
    private final TextField actor = new TextField();
    private final TextField action = new TextField();
    private final TextField target = new TextField();

    public AuditLogView(AuditService auditService) {
        this.auditService = auditService;
        setSizeFull();
        actor.setPlaceholder(getTranslation("audit.actor"));
        actor.setId("audit-filter-actor");
        action.setPlaceholder(getTranslation("audit.action"));
        action.setId("audit-filter-action");
        target.setPlaceholder(getTranslation("audit.target-id"));
        target.setId("audit-filter-target");
        for (TextField field : new TextField[] {actor, action, target}) {
            field.setClearButtonVisible(true);
            field.setValueChangeMode(ValueChangeMode.LAZY);
            field.addValueChangeListener(e -> refresh());
        }
        Button verify = new Button(getTranslation("audit.verify"), VaadinIcon.CHECK_CIRCLE.create(), e -> verify());
        verify.setId("audit-verify");
        verify.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout filters = new HorizontalLayout(actor, action, target, verify);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        configureGrid();
        add(new H2(getTranslation("audit.heading")), filters, grid);
        refresh();
    }

    private void configureGrid() {
        grid.setId("audit-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(AuditEvent::id).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(e -> TIME.format(e.occurredAt())).setHeader(getTranslation("audit.time")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(AuditEvent::actor).setHeader(getTranslation("audit.actor")).setAutoWidth(true);
        grid.addColumn(e -> AuditActions.label(grid, e.action())).setHeader(getTranslation("audit.action")).setAutoWidth(true)
                .setTooltipGenerator(AuditEvent::action);
        grid.addColumn(e -> e.targetType() == null ? "" : e.targetType() + ":" + e.targetId()).setHeader(getTranslation("audit.target"));
        grid.addColumn(AuditEvent::details).setHeader(getTranslation("audit.details")).setFlexGrow(2);
        grid.setSizeFull();
    }

    private void refresh() {
        AuditFilter filter = new AuditFilter(actor.getValue(), action.getValue(), null, target.getValue());
        grid.setItems(query -> auditService.find(filter, query.getOffset(), query.getLimit()).stream(),
                query -> auditService.count(filter));
    }

    private void verify() {
        ChainVerification result = auditService.verifyChain();
        if (result.intact()) {
            Notification.show(Plurals.text(this, "audit.verify.ok", result.checkedEvents(), result.checkedEvents()))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
        } else {
            Notification notification = Notification.show(getTranslation("audit.verify.broken", result.firstBadId(),
                    getTranslation("audit.problem." + result.problem().name())));
            notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
            notification.setDuration(15_000);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("audit.heading");
    }
}
