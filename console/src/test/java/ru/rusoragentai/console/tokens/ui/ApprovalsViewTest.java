package ru.rusoragentai.console.tokens.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.RouteParameters;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.support.KaribuTest;
import ru.rusoragentai.console.support.SupportFixture;
import ru.rusoragentai.console.tokens.ui.ApprovalsView;
import ru.rusoragentai.console.users.ui.UserDetailView;
import ru.rusoragentai.console.tokens.Adjustment;
import ru.rusoragentai.console.tokens.AdjustmentService;
import ru.rusoragentai.console.tokens.ReasonCode;

/** Four-eyes through the screens: a large credit waits, its requester cannot approve it, another admin can. */
class ApprovalsViewTest extends KaribuTest {

    @org.springframework.beans.factory.annotation.Autowired
    ru.rusoragentai.console.tokens.AdjustmentService adjustments;

    @Test
    void shouldHoldALargeCreditRefuseSelfApprovalAndApplyASecondAdminsApproval() throws Exception {
        SupportFixture user = SupportFixture.create(dsl, "Four Eyes");
        openUiAs("admin-requester", Role.ADMIN);
        UI.getCurrent().navigate(UserDetailView.class, new RouteParameters("id", Long.toString(user.userId())));
        _click(_get(Button.class, spec -> spec.withId("user-adjust")));
        _get(IntegerField.class, spec -> spec.withId("adjust-delta")).setValue(25_000);
        @SuppressWarnings("unchecked")
        Select<ReasonCode> reason = _get(Select.class, spec -> spec.withId("adjust-reason"));
        reason.setValue(ReasonCode.COMPENSATION);
        _get(TextArea.class, spec -> spec.withId("adjust-comment")).setValue("outage refund");
        _click(_get(Button.class, spec -> spec.withId("adjust-submit")));
        NotificationsKt.expectNotifications("Adjustment sent for approval.");
        assertThat(balance(user.userId())).isZero();

        decide(user.userId(), "admin-requester");
        NotificationsKt.expectNotifications("You cannot approve your own adjustment; another administrator must.");
        assertThat(balance(user.userId())).isZero();

        com.github.mvysny.kaributesting.v10.MockVaadin.tearDown();
        openUiAs("admin-approver", Role.ADMIN);
        decide(user.userId(), "admin-approver");
        NotificationsKt.expectNotifications("Approved and applied.");
        assertThat(balance(user.userId())).isEqualTo(25_000);
    }

    @Test
    void shouldKeepTheRejectDialogOpenWhenTheReasonIsMissing() throws Exception {
        SupportFixture user = SupportFixture.create(dsl, "Needs A Reason");
        signInAs("admin-requester", Role.ADMIN);
        adjustments.request(user.userId(), 30_000, ReasonCode.COMPENSATION, "outage refund", null, false);
        openUiAs("admin-rejecter", Role.ADMIN);
        UI.getCurrent().navigate(ApprovalsView.class);
        Grid<Adjustment> grid = grid();
        int row = rowOf(grid, user.userId());
        assertThat(((com.vaadin.flow.router.RouterLink) GridKt._getCellComponent(grid, row, "user")).getText())
                .as("the user by name, not by number alone").isEqualTo("Needs A Reason (#" + user.userId() + ")");
        _click(rowButton(grid, row, "reject"));

        _get(TextArea.class, spec -> spec.withId("decision-note")).setValue("   ");
        _click(_get(Button.class, spec -> spec.withId("decision-confirm")));

        TextArea note = _get(TextArea.class, spec -> spec.withId("decision-note"));
        assertThat(note.isInvalid()).isTrue();
        assertThat(note.getErrorMessage()).isNotBlank();
        assertThat(_get(com.vaadin.flow.component.dialog.Dialog.class, spec -> spec.withId("decision-dialog")).isOpened()).isTrue();
        assertThat(adjustments.forUser(user.userId())).extracting(Adjustment::status).containsExactly(Adjustment.Status.PENDING);
    }

    @Test
    void shouldLeaveNoElementIdInTheRowsSoARefreshCannotShowOneTwice() throws Exception {
        SupportFixture first = SupportFixture.create(dsl, "Row Ids One");
        SupportFixture second = SupportFixture.create(dsl, "Row Ids Two");
        signInAs("admin-requester", Role.ADMIN);
        adjustments.request(first.userId(), 30_000, ReasonCode.COMPENSATION, "outage refund", null, false);
        adjustments.request(second.userId(), 40_000, ReasonCode.COMPENSATION, "outage refund", null, false);
        openUiAs("admin-rejecter", Role.ADMIN);
        UI.getCurrent().navigate(ApprovalsView.class);
        Grid<Adjustment> grid = grid();
        _click(rowButton(grid, rowOf(grid, first.userId()), "reject"));
        _get(TextArea.class, spec -> spec.withId("decision-note")).setValue("duplicate request");
        _click(_get(Button.class, spec -> spec.withId("decision-confirm")));

        // after the refresh the browser briefly keeps the old rows beside the new ones: a row component must not carry an id
        List<String> rowIds = new ArrayList<>();
        for (int i = 0; i < GridKt._size(grid); i++) {
            for (String column : List.of("user", "actions")) {
                collectIds(GridKt._getCellComponent(grid, i, column).getElement(), rowIds);
            }
        }
        assertThat(GridKt._size(grid)).isPositive();
        assertThat(rowIds).as("element ids inside the approvals grid's rows").isEmpty();
    }

    private static void collectIds(com.vaadin.flow.dom.Element element, List<String> ids) {
        if (element.getAttribute("id") != null) {
            ids.add(element.getAttribute("id"));
        }
        element.getChildren().forEach(child -> collectIds(child, ids));
    }

    private void decide(long userId, String who) {
        UI.getCurrent().navigate(ApprovalsView.class);
        Grid<Adjustment> grid = grid();
        int row = rowOf(grid, userId);
        assertThat(row).as("pending adjustment visible to " + who).isNotNegative();
        _click(rowButton(grid, row, "approve"));
        _click(_get(Button.class, spec -> spec.withId("decision-confirm")));
    }

    @SuppressWarnings("unchecked")
    private static Grid<Adjustment> grid() {
        return _get(Grid.class, spec -> spec.withId("approvals-grid"));
    }

    private static int rowOf(Grid<Adjustment> grid, long userId) {
        return GridKt._findAll(grid).stream().map(Adjustment::userId).toList().indexOf(userId);
    }

    /** The row's approve or reject button, found by its class and the adjustment it names (data-row). */
    private static Button rowButton(Grid<Adjustment> grid, int row, String action) {
        String id = Long.toString(GridKt._get(grid, row).id());
        var actions = (HorizontalLayout) GridKt._getCellComponent(grid, row, "actions");
        return actions.getChildren().map(Button.class::cast)
                .filter(b -> b.hasClassName(action) && id.equals(b.getElement().getAttribute("data-row"))).findFirst().orElseThrow();
    }

    private long balance(long userId) {
        return dsl.select(ru.rusoragentai.db.Tables.TOKEN_BALANCE.BALANCE).from(ru.rusoragentai.db.Tables.TOKEN_BALANCE)
                .where(ru.rusoragentai.db.Tables.TOKEN_BALANCE.USER_ID.eq(userId)).fetchOptional(r -> r.value1()).orElse(0L);
    }
}
