package ru.rusoragentai.console.privacy.ui;

import ru.rusoragentai.console.privacy.erasure.ErasureService;
import ru.rusoragentai.console.privacy.packages.PackageService;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import ru.rusoragentai.console.kit.RowAction;
import ru.rusoragentai.console.kit.Plurals;
import ru.rusoragentai.console.privacy.PrivacyRequest;
import ru.rusoragentai.console.privacy.PrivacyRequestService;
import ru.rusoragentai.console.privacy.RequestStatus;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.kit.Badge;
import ru.rusoragentai.console.users.UserPage;

/** Data-subject requests, soonest due first, with days left; overdue ones stand out. */
@Menu(title = "nav.privacy", order = 9, icon = "vaadin:shield")
@Route("privacy")
@RolesAllowed({Role.Names.SUPPORT, Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
public class PrivacyRequestListView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private final PrivacyRequestService requests;
    private final PackageService packages;
    private final ErasureService erasures;
    private final Grid<PrivacyRequest> grid = new Grid<>();
    private final ComboBox<RequestStatus> status = new ComboBox<>();
    private final Checkbox openOnly = new Checkbox();

    public PrivacyRequestListView(PrivacyRequestService requests, PackageService packages, ErasureService erasures) {
        this.packages = packages;
        this.erasures = erasures;
        this.requests = requests;
        setSizeFull();
        status.setId("privacy-status");
        status.setPlaceholder(getTranslation("privacy.all-statuses"));
        status.setClearButtonVisible(true);
        status.setItems(Arrays.asList(RequestStatus.values()));
        status.setItemLabelGenerator(s -> getTranslation("privacy.status." + s.dbValue()));
        status.addValueChangeListener(e -> refresh());
        openOnly.setLabel(getTranslation("privacy.open-only"));
        openOnly.setId("privacy-open-only");
        openOnly.setValue(true);
        openOnly.addValueChangeListener(e -> refresh());
        Button create = new Button(getTranslation("privacy.new"), VaadinIcon.PLUS.create(),
                e -> new NewPrivacyRequestDialog(requests, this::refresh).open());
        create.setId("privacy-new");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout filters = new HorizontalLayout(status, openOnly, create);
        filters.setAlignItems(Alignment.BASELINE);

        grid.setId("privacy-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(PrivacyRequest::id).setHeader("#").setAutoWidth(true);
        grid.addColumn(r -> DAY.format(r.receivedAt())).setHeader(getTranslation("privacy.received")).setAutoWidth(true);
        grid.addColumn(r -> getTranslation("privacy.type." + r.type().dbValue())).setHeader(getTranslation("privacy.type")).setAutoWidth(true);
        grid.addComponentColumn(this::subject).setHeader(getTranslation("privacy.subject")).setFlexGrow(1);
        grid.addColumn(r -> r.jurisdiction().name()).setHeader(getTranslation("privacy.jurisdiction")).setAutoWidth(true);
        grid.addComponentColumn(r -> Badge.of(getTranslation("privacy.status." + r.status().dbValue()),
                r.status() == RequestStatus.COMPLETED ? "success" : r.status() == RequestStatus.REJECTED ? "contrast" : ""))
                .setHeader(getTranslation("privacy.status")).setAutoWidth(true);
        grid.addColumn(r -> DAY.format(r.due())).setHeader(getTranslation("privacy.due")).setAutoWidth(true);
        grid.addComponentColumn(this::daysLeft).setKey("days-left").setHeader(getTranslation("privacy.days-left")).setAutoWidth(true);
        grid.addComponentColumn(this::open).setKey("actions").setHeader(getTranslation("staff.actions")).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("privacy.empty"));
        grid.setSizeFull();
        add(new H2(getTranslation("privacy.heading")), filters, grid);
        refresh();
    }

    private Component subject(PrivacyRequest request) {
        if (request.userId() != null) {
            return UserPage.link("#" + request.userId() + " · " + subject(this, request), request.userId());
        }
        return new Span(subject(this, request) + " · " + getTranslation("privacy.no-user"));
    }

    private Component daysLeft(PrivacyRequest request) {
        if (!request.status().open()) {
            return new Span("—");
        }
        LocalDate today = requests.today();
        long left = request.daysLeft(today);
        if (request.overdue(today)) {
            return Badge.of(Plurals.text(this, "privacy.overdue", -left, -left), "error primary");
        }
        return Badge.of(Plurals.text(this, "privacy.days", left, left), left <= 5 ? "error" : left <= 10 ? "contrast" : "success");
    }

    /** The subject as the request names it; an erased subject's neutral label in the reader's language. */
    static String subject(Component in, PrivacyRequest request) {
        return request.subjectErased() ? in.getTranslation("privacy.subject.erased", Long.toString(request.id())) : request.subjectReference();
    }

    private Component open(PrivacyRequest request) {
        Button open = new Button(getTranslation("privacy.open"), e -> new PrivacyRequestDialog(requests, packages, erasures, request.id(), this::refresh).open());
        RowAction.mark(open, "privacy-open", request.id());
        open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return open;
    }

    private void refresh() {
        RequestStatus filter = status.getValue();
        boolean open = openOnly.getValue();
        grid.setItems(q -> requests.list(filter, open, q.getOffset(), q.getLimit()).stream(), q -> requests.count(filter, open));
    }

    @Override
    public String getPageTitle() {
        return getTranslation("privacy.heading");
    }
}
