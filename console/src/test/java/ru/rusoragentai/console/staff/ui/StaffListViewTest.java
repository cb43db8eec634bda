package ru.rusoragentai.console.staff.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;
import static ru.rusoragentai.db.Tables.AUDIT_EVENT;
import static ru.rusoragentai.db.Tables.STAFF_ACCOUNT;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.shell.ui.DashboardView;
import ru.rusoragentai.console.staff.ui.ChangePasswordView;
import ru.rusoragentai.console.staff.ui.StaffListView;
import ru.rusoragentai.console.support.KaribuTest;
import ru.rusoragentai.console.support.TestData;
import ru.rusoragentai.console.staff.StaffService;
import ru.rusoragentai.console.staff.StaffSummary;

class StaffListViewTest extends KaribuTest {

    @Autowired
    StaffService staffService;

    @Test
    void shouldCreateAStaffMemberAndShowTheOneTimePasswordOnce() {
        openUiAs("admin-ui", Role.ADMIN);
        UI.getCurrent().navigate(StaffListView.class);
        String username = TestData.unique("newagent");
        _click(_get(Button.class, spec -> spec.withId("staff-new")));
        _get(TextField.class, spec -> spec.withId("staff-username")).setValue(username);
        _get(TextField.class, spec -> spec.withId("staff-display-name")).setValue("Новый Агент");
        @SuppressWarnings("unchecked")
        CheckboxGroup<Role> roles = _get(CheckboxGroup.class, spec -> spec.withId("staff-roles"));
        roles.setValue(Set.of(Role.SUPPORT, Role.ANALYST));
        _click(_get(Button.class, spec -> spec.withId("staff-save")));

        String password = _get(Span.class, spec -> spec.withId("one-time-password")).getText();
        assertThat(password).hasSize(16);
        _click(_get(Button.class, spec -> spec.withId("one-time-password-copy")));
        com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications("Copied to the clipboard.");
        assertThat(dsl.fetchExists(STAFF_ACCOUNT, STAFF_ACCOUNT.USERNAME.eq(username).and(STAFF_ACCOUNT.MUST_CHANGE_PASSWORD.isTrue()))).isTrue();
        assertThat(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("staff.created").and(AUDIT_EVENT.TARGET_ID.eq(username))
                .and(AUDIT_EVENT.ACTOR.eq("admin-ui")))).isEqualTo(1);
        @SuppressWarnings("unchecked")
        Grid<StaffSummary> grid = _get(Grid.class, spec -> spec.withId("staff-grid"));
        assertThat(GridKt._findAll(grid)).extracting(StaffSummary::username).contains(username);
    }

    @Test
    void shouldRefuseAnInvalidUsernameWithAClearMessageAndCreateNothing() {
        openUiAs("admin-ui", Role.ADMIN);
        UI.getCurrent().navigate(StaffListView.class);
        int before = dsl.fetchCount(STAFF_ACCOUNT);
        _click(_get(Button.class, spec -> spec.withId("staff-new")));
        _get(TextField.class, spec -> spec.withId("staff-username")).setValue("Bad Name!");
        @SuppressWarnings("unchecked")
        CheckboxGroup<Role> roles = _get(CheckboxGroup.class, spec -> spec.withId("staff-roles"));
        roles.setValue(Set.of(Role.SUPPORT));
        _click(_get(Button.class, spec -> spec.withId("staff-save")));
        NotificationsKt.expectNotifications("The username is not valid: lower case letters, digits, dot, dash or underscore, 3 to 64 characters, starting with a letter.");
        assertThat(dsl.fetchCount(STAFF_ACCOUNT)).isEqualTo(before);
    }

    @Test
    void shouldResetAPasswordAfterConfirmation() {
        signInAs("admin-ui", Role.ADMIN);
        String username = TestData.unique("resetme");
        staffService.create(username, "Reset Me", EnumSet.of(Role.OPERATOR));
        String hashBefore = dsl.select(STAFF_ACCOUNT.PASSWORD_HASH).from(STAFF_ACCOUNT).where(STAFF_ACCOUNT.USERNAME.eq(username)).fetchSingle().value1();
        openUiAs("admin-ui", Role.ADMIN);
        UI.getCurrent().navigate(StaffListView.class);
        @SuppressWarnings("unchecked")
        Grid<StaffSummary> grid = _get(Grid.class, spec -> spec.withId("staff-grid"));
        int row = GridKt._findAll(grid).stream().map(StaffSummary::username).toList().indexOf(username);
        var actions = (com.vaadin.flow.component.orderedlayout.HorizontalLayout) GridKt._getCellComponent(grid, row, "actions");
        _click(actions.getChildren().map(Button.class::cast).filter(b -> b.hasClassName("staff-reset") && username.equals(b.getElement().getAttribute("data-row"))).findFirst().orElseThrow());
        ConfirmDialog confirm = _get(ConfirmDialog.class, spec -> spec.withId("staff-reset-confirm"));
        com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm(confirm);
        assertThat(_get(Span.class, spec -> spec.withId("one-time-password")).getText()).hasSize(16);
        String hashAfter = dsl.select(STAFF_ACCOUNT.PASSWORD_HASH).from(STAFF_ACCOUNT).where(STAFF_ACCOUNT.USERNAME.eq(username)).fetchSingle().value1();
        assertThat(hashAfter).isNotEqualTo(hashBefore);
        assertThat(dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("staff.password_reset").and(AUDIT_EVENT.TARGET_ID.eq(username)))).isEqualTo(1);
    }

    @Test
    void shouldSendAStaffMemberWithAOneTimePasswordToChangeItFirst() {
        signInAs("admin-ui", Role.ADMIN);
        String username = TestData.unique("fresh");
        String password = staffService.create(username, "Fresh", EnumSet.of(Role.SUPPORT));
        openUiAs(username, Role.SUPPORT);
        UI.getCurrent().navigate("", com.vaadin.flow.router.QueryParameters.of("continue", ""));
        assertThat(_find(DashboardView.class)).isEmpty();
        _get(ChangePasswordView.class);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters()).isEqualTo("change-password");
        _get(PasswordField.class, spec -> spec.withId("current-password")).setValue(password);
        _get(PasswordField.class, spec -> spec.withId("new-password")).setValue("a-brand-new-password");
        _get(PasswordField.class, spec -> spec.withId("repeat-password")).setValue("a-brand-new-password");
        _click(_get(Button.class, spec -> spec.withId("save-password")));
        _get(DashboardView.class);
        assertThat(UI.getCurrent().getInternals().getActiveViewLocation().getPathWithQueryParameters()).isEmpty();
    }

    @Test
    void shouldNotOpenForNonAdmins() {
        openUiAs("support-ui", Role.SUPPORT, Role.PRIVACY_OFFICER);
        assertNotAllowed(() -> UI.getCurrent().navigate("staff"));
        assertThat(_find(StaffListView.class)).isEmpty();
    }
}
