package ru.rusoragentai.console.privacy.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.ComponentUtil;
import com.vaadin.flow.component.PollEvent;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import ru.rusoragentai.console.jobs.ClusterJob;
import ru.rusoragentai.console.privacy.PrivacyRequest;
import ru.rusoragentai.console.privacy.PrivacyRequestService;
import ru.rusoragentai.console.privacy.PrivacyTask;
import ru.rusoragentai.console.privacy.RequestStatus;
import ru.rusoragentai.console.privacy.RequestType;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.support.KaribuTest;
import ru.rusoragentai.console.support.SupportFixture;

/**
 * An approved erasure runs after the approving click has returned, as in production: the open dialog shows its tasks
 * at once, polls while they run and shows the final state without being reopened. Queued work waits for the worker
 * here, which the test runs between two polls.
 */
class ErasureProgressViewTest extends KaribuTest {

    @DynamicPropertySource
    static void workerOnly(DynamicPropertyRegistry registry) {
        registry.add("console.privacy.run-on", () -> "worker");
    }

    @Autowired
    PrivacyRequestService requests;
    @Autowired
    List<ClusterJob> jobs;

    @Test
    void shouldShowTheErasureRunningAndThenDoneInTheOpenDialog() throws Exception {
        SupportFixture user = SupportFixture.create(dsl, "Leaves While Watched");
        openUiAs("officer-one", Role.PRIVACY_OFFICER);
        PrivacyRequest request = PrivacyScreen.intakeAndStart(requests, "@" + user.username(), RequestType.DELETION);
        _click(_get(Button.class, spec -> spec.withId("privacy-erasure-prepare")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("privacy-erasure-prepare-confirm")));

        openUiAs("officer-two", Role.PRIVACY_OFFICER);
        UI.getCurrent().navigate(PrivacyRequestListView.class);
        PrivacyScreen.openRequest(request);
        _click(_get(Button.class, spec -> spec.withId("privacy-erasure-approve")));
        ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("privacy-erasure-approve-confirm")));

        assertThat(requests.get(request.id()).status()).as("nothing has run yet").isEqualTo(RequestStatus.AWAITING_APPROVAL);
        assertThat(taskStatuses()).isNotEmpty().allMatch(s -> s.equals("Pending"));
        assertThat(UI.getCurrent().getPollInterval()).as("the dialog polls while the erasure runs").isPositive();

        jobs.stream().filter(j -> j.name().equals("privacy-worker")).findFirst().orElseThrow().run();
        assertThat(requests.get(request.id()).status()).isEqualTo(RequestStatus.COMPLETED);
        ComponentUtil.fireEvent(UI.getCurrent(), new PollEvent(UI.getCurrent(), true));

        assertThat(statusLine()).isEqualTo("Status: Completed");
        assertThat(taskStatuses()).isNotEmpty().allMatch(s -> s.equals("Done"));
        assertThat(UI.getCurrent().getPollInterval()).as("polling stops with the work").isNegative();

        // the tasks' results read in the reader's language, each step's label and the transactions included
        _get(Dialog.class, spec -> spec.withId("privacy-dialog")).close();
        UI.getCurrent().setLocale(java.util.Locale.forLanguageTag("ru"));
        UI.getCurrent().navigate(PrivacyRequestListView.class);
        _get(com.vaadin.flow.component.checkbox.Checkbox.class, spec -> spec.withId("privacy-open-only")).setValue(false);
        PrivacyScreen.openRequest(request);
        List<String> results = taskResults();
        assertThat(results).anySatisfy(r -> assertThat(r).contains("переписки 0").contains("транзакций: 1"));
        assertThat(results).anySatisfy(r -> assertThat(r).contains("улики связанных аккаунтов"));
        assertThat(results).noneMatch(r -> r.contains("!{") || r.contains("transaction"));
        assertThat(_get(Dialog.class, spec -> spec.withId("privacy-dialog")).getElement().getTextRecursively())
                .as("the erased subject's neutral label in the reader's language")
                .contains("удалённый субъект данных, запрос №" + request.id()).doesNotContain("erased data subject");
    }

    @SuppressWarnings("unchecked")
    private static List<String> taskResults() {
        Grid<PrivacyTask> grid = _get(Grid.class, spec -> spec.withId("privacy-tasks"));
        return java.util.stream.IntStream.range(0, GridKt._size(grid)).mapToObj(i -> GridKt._getFormattedRow(grid, i).get(3)).toList();
    }

    private static String statusLine() {
        return _get(Dialog.class, spec -> spec.withId("privacy-dialog")).getChildren()
                .flatMap(c -> c.getChildren()).map(c -> c.getElement().getText())
                .filter(t -> t.startsWith("Status: ")).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    private static List<String> taskStatuses() {
        Grid<PrivacyTask> grid = _get(Grid.class, spec -> spec.withId("privacy-tasks"));
        return GridKt._findAll(grid).stream().map(t -> GridKt._getFormattedRow(grid, GridKt._findAll(grid).indexOf(t)).get(1)).toList();
    }
}
