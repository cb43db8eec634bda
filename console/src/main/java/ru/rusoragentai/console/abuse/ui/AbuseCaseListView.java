package ru.rusoragentai.console.abuse.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import jakarta.annotation.security.RolesAllowed;
import ru.rusoragentai.console.abuse.AbuseCaseService;
import ru.rusoragentai.console.abuse.CaseSummary;
import ru.rusoragentai.console.security.Role;

/** Cases, open ones first: each a ring or burst of related flags, worked and closed together. */
@Menu(title = "nav.abuse.cases", order = 5, icon = "vaadin:folder-open")
@Route("abuse/cases")
@RolesAllowed({Role.Names.OPERATOR, Role.Names.ADMIN, Role.Names.SUPPORT})
public class AbuseCaseListView extends VerticalLayout implements HasDynamicTitle {

    public AbuseCaseListView(AbuseCaseService cases) {
        setSizeFull();
        Select<Boolean> open = new Select<>();
        open.setId("cases-open");
        open.setLabel(getTranslation("abuse.status"));
        open.setItems(true, false);
        open.setValue(true);
        open.setItemLabelGenerator(o -> getTranslation(o ? "abuse.case.status.open" : "abuse.case.status.closed"));
        Grid<CaseSummary> grid = new Grid<>();
        grid.setId("cases-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        grid.addColumn(c -> "#" + c.id()).setHeader("#").setAutoWidth(true);
        grid.addColumn(c -> AbuseText.rule(this, c.rule())).setHeader(getTranslation("abuse.rule")).setAutoWidth(true);
        grid.addColumn(CaseSummary::users).setHeader(getTranslation("abuse.case.users")).setAutoWidth(true);
        grid.addColumn(CaseSummary::openFlags).setHeader(getTranslation("abuse.case.open-flags")).setAutoWidth(true);
        grid.addColumn(c -> c.outcome() == null ? "" : getTranslation("abuse.case.outcome." + c.outcome()))
                .setHeader(getTranslation("abuse.case.outcome")).setAutoWidth(true);
        grid.addColumn(c -> AbuseText.time(c.updatedAt())).setHeader(getTranslation("abuse.case.updated")).setAutoWidth(true);
        grid.setEmptyStateText(getTranslation("abuse.case.empty"));
        grid.addItemClickListener(e -> getUI().ifPresent(ui -> ui.navigate(AbuseCaseView.class,
                new RouteParameters("id", Long.toString(e.getItem().id())))));
        grid.setSizeFull();
        Runnable load = () -> grid.setItems(q -> cases.list(open.getValue(), q.getOffset(), q.getLimit()).stream(), q -> cases.count(open.getValue()));
        open.addValueChangeListener(e -> load.run());
        load.run();
        add(new H2(getTranslation("abuse.cases.heading")), open, grid);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("abuse.cases.heading");
    }
}
