package ru.rusoragentai.console.retention.ui;

import ru.rusoragentai.console.i18n.Texts;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
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
import ru.rusoragentai.console.jobs.JobRun;
import ru.rusoragentai.console.retention.RetentionService;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.kit.Badge;

/** Retention runs with what each removed, and a confirmed "Run now". */
@Menu(title = "nav.retention", order = 10, icon = "vaadin:trash")
@Route("retention")
@RolesAllowed({Role.Names.PRIVACY_OFFICER, Role.Names.ADMIN})
public class RetentionView extends VerticalLayout implements HasDynamicTitle {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final RetentionService retention;
    private final Grid<JobRun> grid = new Grid<>();

    public RetentionView(RetentionService retention) {
        this.retention = retention;
        setSizeFull();
        Button run = new Button(getTranslation("retention.run"), VaadinIcon.PLAY.create(), e -> confirm());
        run.setId("retention-run");
        run.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Paragraph policy = new Paragraph(getTranslation("retention.policy"));
        policy.addClassName("hint");
        grid.setId("retention-grid");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(r -> TIME.format(r.startedAt())).setHeader(getTranslation("retention.started")).setAutoWidth(true);
        grid.addColumn(r -> r.finishedAt() == null ? "" : TIME.format(r.finishedAt())).setHeader(getTranslation("retention.finished")).setAutoWidth(true);
        grid.addColumn(Badge.<JobRun>renderer(r -> getTranslation("job.status." + r.status()),
                        r -> "succeeded".equals(r.status()) ? "success" : "failed".equals(r.status()) ? "error" : ""))
                .setHeader(getTranslation("retention.status")).setAutoWidth(true);
        grid.addColumn(this::summary).setHeader(getTranslation("retention.summary")).setFlexGrow(4);
        grid.setEmptyStateText(getTranslation("retention.empty"));
        grid.setSizeFull();
        add(new HorizontalLayout(new H2(getTranslation("retention.heading")), run), policy, grid);
        refresh();
    }

    private void confirm() {
        ConfirmDialog dialog = new ConfirmDialog(getTranslation("retention.run"), getTranslation("retention.run.confirm"),
                getTranslation("retention.run"), e -> {
            String summary = Texts.of(this, retention.runNow());
            Notification.show(summary, 8_000, Notification.Position.BOTTOM_START).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            refresh();
        });
        dialog.setId("retention-confirm");
        dialog.setCancelable(true);
        dialog.setCancelText(getTranslation("action.cancel"));
        dialog.setConfirmButtonTheme("error primary");
        dialog.open();
    }

    /** What the run did, in the reader's language where the run kept it as a text (older runs: as written). */
    private String summary(JobRun run) {
        return run.summaryText() != null ? Texts.of(this, run.summaryText()) : run.summary() == null ? "" : run.summary();
    }

    private void refresh() {
        grid.setItems(q -> retention.recentRuns(q.getOffset(), q.getLimit()).stream(), q -> retention.runCount());
    }

    @Override
    public String getPageTitle() {
        return getTranslation("retention.heading");
    }
}
