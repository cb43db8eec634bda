package ru.rusoragentai.console.tokens;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.NotificationsKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.support.KaribuTest;
import ru.rusoragentai.console.support.SupportFixture;
import ru.rusoragentai.console.support.TestData;
import ru.rusoragentai.console.tokens.ui.BulkAdjustmentView;

class BulkAdjustmentViewTest extends KaribuTest {

    @Test
    void shouldPreviewApplyAndOfferTheResult() throws Exception {
        SupportFixture user = SupportFixture.create(dsl, "Bulk View");
        openUiAs("bulk-ui", Role.ADMIN);
        UI.getCurrent().navigate(BulkAdjustmentView.class);
        BulkAdjustmentView view = _get(BulkAdjustmentView.class);
        view.receiveFile("ok.csv", ("@" + user.username() + ",75,goodwill," + TestData.unique("c")).getBytes(StandardCharsets.UTF_8));
        @SuppressWarnings("unchecked")
        Grid<BulkPreview.Row> preview = _get(Grid.class, spec -> spec.withId("bulk-preview"));
        assertThat(GridKt._size(preview)).isEqualTo(1);
        Button apply = _get(Button.class, spec -> spec.withId("bulk-apply"));
        assertThat(apply.isEnabled()).isTrue();
        _click(apply);
        com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class, spec -> spec.withId("bulk-apply-confirm")));
        assertThat(_get(Anchor.class, spec -> spec.withId("bulk-download")).getHref()).isNotBlank();
        assertThat(dsl.select(ru.rusoragentai.db.Tables.TOKEN_BALANCE.BALANCE).from(ru.rusoragentai.db.Tables.TOKEN_BALANCE)
                .where(ru.rusoragentai.db.Tables.TOKEN_BALANCE.USER_ID.eq(user.userId())).fetchSingle().value1()).isEqualTo(75);
    }

    @Test
    void shouldKeepApplyDisabledForABadFileAndExplainWhy() {
        openUiAs("bulk-ui", Role.ADMIN);
        UI.getCurrent().navigate(BulkAdjustmentView.class);
        BulkAdjustmentView view = _get(BulkAdjustmentView.class);
        view.receiveFile("bad.csv", "nobody_at_all_x,5,goodwill,x".getBytes(StandardCharsets.UTF_8));
        assertThat(_get(Button.class, spec -> spec.withId("bulk-apply")).isEnabled()).isFalse();
        view.receiveFile("fake.xlsx", "nope".getBytes(StandardCharsets.UTF_8));
        NotificationsKt.expectNotifications("The file cannot be read; it is damaged or not what its name says.");
    }

    @Test
    void shouldNotOpenForSupport() {
        openUiAs("agent", Role.SUPPORT);
        assertNotAllowed(() -> UI.getCurrent().navigate(BulkAdjustmentView.class));
    }
}
