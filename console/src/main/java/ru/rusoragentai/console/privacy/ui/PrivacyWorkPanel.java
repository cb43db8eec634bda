package ru.rusoragentai.console.privacy.ui;

import ru.rusoragentai.console.privacy.erasure.ErasureService;
import ru.rusoragentai.console.privacy.packages.PackageService;
import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.DetachEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Optional;
import ru.rusoragentai.console.kit.Plurals;
import ru.rusoragentai.console.i18n.Texts;
import ru.rusoragentai.console.privacy.ExportPackage;
import ru.rusoragentai.console.privacy.PrivacyException;
import ru.rusoragentai.console.privacy.PrivacyRequest;
import ru.rusoragentai.console.privacy.PrivacyTask;
import ru.rusoragentai.console.privacy.Recipient;
import ru.rusoragentai.console.privacy.RequestStatus;
import ru.rusoragentai.console.privacy.RequestType;

/**
 * The background work of one request: its data package (build, progress, download) or its erasure (prepare,
 * approve, tasks with progress, Art. 19 recipients, residual scan). Polls while something runs.
 */
class PrivacyWorkPanel extends VerticalLayout {

    private final PackageService packages;
    private final ErasureService erasures;
    private final Runnable onChange;
    private PrivacyRequest request;
    private Registration poll;

    PrivacyWorkPanel(PackageService packages, ErasureService erasures, Runnable onChange) {
        this.packages = packages;
        this.erasures = erasures;
        this.onChange = onChange;
        setPadding(false);
        setSpacing(false);
        setId("privacy-work");
    }

    /** Shows the work of this request (nothing for types without background work). */
    void show(PrivacyRequest shown) {
        this.request = shown;
        removeAll();
        boolean running = false;
        if (shown.userId() != null || shown.status() == RequestStatus.COMPLETED) {
            boolean started = shown.status() != RequestStatus.RECEIVED && shown.status() != RequestStatus.IDENTITY_VERIFIED;
            if ((shown.type() == RequestType.ACCESS || shown.type() == RequestType.PORTABILITY) && started) {
                running = packageSection(shown);
            } else if (shown.type().needsApproval() && started) {
                running = erasureSection(shown);
            }
        }
        setPolling(running);
    }

    private boolean packageSection(PrivacyRequest r) {
        add(new H4(getTranslation("privacy.package")));
        Optional<PrivacyTask> task = packages.packageTask(r.id());
        boolean running = task.map(t -> t.status() == PrivacyTask.TaskStatus.PENDING || t.status() == PrivacyTask.TaskStatus.RUNNING)
                .orElse(false);
        Div state = new Div();
        state.setId("privacy-package-state");
        state.setText(task.map(this::taskState).orElse(getTranslation("privacy.package.none")));
        add(state);
        if (running) {
            ProgressBar bar = new ProgressBar(0, 100, task.get().progress());
            bar.setId("privacy-package-progress");
            add(bar);
        }
        HorizontalLayout actions = new HorizontalLayout();
        if (r.status() == RequestStatus.IN_PROGRESS && !running) {
            actions.add(action(task.isPresent() ? "privacy.package.rebuild" : "privacy.package.build", () -> packages.requestPackage(r.id())));
        }
        packages.currentPackage(r.id()).ifPresent(current -> actions.add(download(r, current)));
        add(actions);
        return running;
    }

    private Anchor download(PrivacyRequest r, ExportPackage current) {
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> {
            PackageService.Download file = packages.download(r.id());
            return new DownloadResponse(file.content(), file.fileName(), "application/zip", file.size());
        }), "");
        link.getElement().setAttribute("download", true);
        link.setId("privacy-package-download");
        link.add(new Button(getTranslation("privacy.package.download", current.fileName(), current.sizeBytes() / 1024 + 1,
                current.expiresAt().toLocalDate()), VaadinIcon.DOWNLOAD.create()));
        return link;
    }

    private boolean erasureSection(PrivacyRequest r) {
        add(new H4(getTranslation("privacy.erasure")));
        List<PrivacyTask> tasks = erasures.tasks(r.id());
        if (r.status() == RequestStatus.IN_PROGRESS) {
            add(new Span(getTranslation("privacy.erasure.explain")));
            add(confirmed("privacy.erasure.prepare", "privacy.erasure.prepare.confirm", false, () -> erasures.prepare(r.id(), r.version())));
            return false;
        }
        if (r.status() == RequestStatus.AWAITING_APPROVAL && r.approvedBy() == null) {
            add(new Span(getTranslation("privacy.erasure.waiting", r.preparedBy())));
            add(confirmed("privacy.erasure.approve", "privacy.erasure.approve.confirm", true, () -> erasures.approve(r.id(), r.version())));
        } else if (r.approvedBy() != null) {
            add(new Span(getTranslation("privacy.erasure.approved", r.preparedBy(), r.approvedBy())));
        }
        boolean running = r.status() == RequestStatus.AWAITING_APPROVAL && r.approvedBy() != null
                && tasks.stream().anyMatch(t -> t.status() == PrivacyTask.TaskStatus.PENDING || t.status() == PrivacyTask.TaskStatus.RUNNING);
        if (!tasks.isEmpty()) {
            add(taskGrid(tasks));
        }
        if (r.approvedBy() != null && r.status() == RequestStatus.AWAITING_APPROVAL
                && tasks.stream().anyMatch(t -> t.status() == PrivacyTask.TaskStatus.FAILED)) {
            add(action("privacy.erasure.retry", () -> erasures.retry(r.id())));
        }
        erasures.residualScan(r.id()).ifPresent(scan -> {
            VerticalLayout lines = new VerticalLayout();
            lines.setPadding(false);
            lines.setSpacing(false);
            scan.checks().forEach(l -> lines.add(new Span(l.check() + " (" + l.identifier() + "): " + l.rows() + " · " + l.verdict())));
            Details details = new Details(getTranslation(scan.clean() ? "privacy.scan.clean" : "privacy.scan.residue", scan.checks().size()),
                    lines);
            details.setId("privacy-residual-scan");
            add(details);
        });
        List<Recipient> recipients = erasures.recipients(r.id());
        if (!recipients.isEmpty()) {
            add(new H4(getTranslation("privacy.recipients")));
            recipients.forEach(recipient -> add(recipientRow(r, recipient)));
        }
        return running;
    }

    private Grid<PrivacyTask> taskGrid(List<PrivacyTask> tasks) {
        Grid<PrivacyTask> grid = new Grid<>();
        grid.setId("privacy-tasks");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(PrivacyTask::system).setHeader(getTranslation("privacy.task.system")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(t -> getTranslation("privacy.task.status." + t.status().dbValue())
                + (t.status() == PrivacyTask.TaskStatus.RUNNING ? " " + t.progress() + "%" : ""))
                .setHeader(getTranslation("privacy.status")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(PrivacyTask::attempts).setHeader(getTranslation("privacy.task.attempts")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(t -> t.lastError() != null && t.status() != PrivacyTask.TaskStatus.DONE ? t.lastError()
                : t.result() == null ? "" : t.system().equals(PrivacyTask.RESIDUAL_SCAN) ? getTranslation("privacy.scan.stored")
                : t.resultText() != null ? Texts.of(this, t.resultText()) : t.result())
                .setHeader(getTranslation("privacy.task.result"));
        grid.setItems(tasks);
        grid.setAllRowsVisible(true);
        return grid;
    }

    private HorizontalLayout recipientRow(PrivacyRequest r, Recipient recipient) {
        String name = Recipient.KNOWN.containsKey(recipient.name()) ? getTranslation("privacy.recipient.name." + recipient.name())
                : recipient.name();
        Span label = new Span(name + ": "
                + getTranslation("privacy.recipient." + recipient.status())
                + (recipient.updatedBy() == null ? "" : " (" + recipient.updatedBy() + (recipient.note() == null ? "" : ", " + recipient.note()) + ")"));
        HorizontalLayout row = new HorizontalLayout(label);
        row.setAlignItems(Alignment.CENTER);
        if ("pending".equals(recipient.status())) {
            Button notified = action("privacy.recipient.mark-notified", () -> erasures.markRecipient(r.id(), recipient.name(), "notified", null));
            notified.setId("privacy-recipient-notified-" + recipient.name());
            Button notRequired = action("privacy.recipient.mark-not-required",
                    () -> erasures.markRecipient(r.id(), recipient.name(), "not_required", null));
            notRequired.setId("privacy-recipient-not-required-" + recipient.name());
            row.add(notified, notRequired);
        }
        return row;
    }

    private Button confirmed(String key, String questionKey, boolean destructive, Runnable work) {
        Button button = new Button(getTranslation(key), e -> {
            ConfirmDialog dialog = new ConfirmDialog(getTranslation(key), getTranslation(questionKey), getTranslation(key),
                    ok -> perform(work));
            dialog.setId(key.replace('.', '-') + "-confirm");
            dialog.setCancelable(true);
            dialog.setCancelText(getTranslation("action.cancel"));
            dialog.setConfirmButtonTheme(destructive ? "error primary" : "primary");
            dialog.open();
        });
        button.setId(key.replace('.', '-'));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, destructive ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_PRIMARY);
        return button;
    }

    private Button action(String key, Runnable work) {
        Button button = new Button(getTranslation(key), e -> perform(work));
        button.setId(key.replace('.', '-'));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return button;
    }

    private void perform(Runnable work) {
        perform(this, work);
        onChange.run();
    }

    /** Runs a staff step and says how it went: saved, refused (the reason), or not allowed for this role. */
    static boolean perform(Component source, Runnable work) {
        try {
            work.run();
            Notification.show(source.getTranslation("privacy.saved")).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            return true;
        } catch (PrivacyException refused) {
            Notification.show(Texts.of(source, refused), 6_000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
        } catch (org.springframework.security.access.AccessDeniedException denied) {
            Notification.show(source.getTranslation("privacy.officer-only")).addThemeVariants(NotificationVariant.LUMO_ERROR);
        }
        return false;
    }

    private String taskState(PrivacyTask task) {
        return switch (task.status()) {
            case PENDING -> getTranslation("privacy.package.queued");
            case RUNNING -> getTranslation("privacy.package.building", task.progress());
            case DONE -> getTranslation("privacy.package.built", task.resultText() != null ? Texts.of(this, task.resultText()) : task.result());
            case FAILED -> Plurals.text(this, "privacy.package.failed", task.attempts(), task.attempts(), task.lastError());
        };
    }

    private void setPolling(boolean on) {
        if (on && poll == null) {
            getUI().ifPresent(ui -> start(ui));
        } else if (!on && poll != null) {
            stop();
        }
    }

    private void start(UI ui) {
        ui.setPollInterval(1_000);
        poll = ui.addPollListener(e -> onChange.run());
    }

    private void stop() {
        poll.remove();
        poll = null;
        getUI().ifPresent(ui -> ui.setPollInterval(-1));
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        if (request != null) {
            show(request);
        }
    }

    @Override
    protected void onDetach(DetachEvent detachEvent) {
        if (poll != null) {
            poll.remove();
            poll = null;
            detachEvent.getUI().setPollInterval(-1);
        }
    }
}
