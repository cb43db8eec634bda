package ru.rusoragentai.console.tokens.ui;

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
import java.util.List;
import com.vaadin.flow.component.html.Span;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.support.KaribuTest;
import ru.rusoragentai.console.support.SupportFixture;
import ru.rusoragentai.console.support.TestData;
import ru.rusoragentai.console.tokens.ui.BulkAdjustmentView;
import ru.rusoragentai.console.tokens.BulkPreview;

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
    void shouldMarkProblemRowsShowTheWrongValuesNameTheUsersAndCountOnlyValidRows() throws Exception {
        SupportFixture user = SupportFixture.create(dsl, TestData.unique("Bulk Named "));
        openUiAs("bulk-ui", Role.ADMIN);
        UI.getCurrent().navigate(BulkAdjustmentView.class);
        BulkAdjustmentView view = _get(BulkAdjustmentView.class);
        String file = "@" + user.username() + ",1200,goodwill,first\n"
                + "@" + user.username() + ",12x,goodwill,second\n"
                + "@" + user.username() + ",-99999999,gift,third\n";
        view.receiveFile("mixed.csv", file.getBytes(StandardCharsets.UTF_8));

        @SuppressWarnings("unchecked")
        Grid<BulkPreview.Row> preview = _get(Grid.class, spec -> spec.withId("bulk-preview"));
        List<String> valid = GridKt._getFormattedRow(preview, 0);
        assertThat(valid.get(2)).isEqualTo(user.displayName() + " (#" + user.userId() + ")");
        assertThat(valid.get(3)).isEqualTo("+1,200");
        List<String> badNumber = GridKt._getFormattedRow(preview, 1);
        assertThat(badNumber.get(3)).as("the cell as written").isEqualTo("12x");
        assertThat(badNumber.get(6)).isEqualTo("“12x” is not a whole number of tokens other than zero");
        List<String> badRow = GridKt._getFormattedRow(preview, 2);
        assertThat(badRow.get(4)).isEqualTo("gift");
        assertThat(badRow.get(6)).contains("99,999,999 is above the approval threshold of").contains("unknown reason code “gift”");

        var parts = preview.getPartNameGenerator();
        assertThat(GridKt._findAll(preview).stream().map(parts::apply).toList()).containsExactly(null, "error-row", "error-row");
        assertThat(preview.getThemeNames()).as("long messages wrap instead of being cut off").contains("wrap-cell-content");
        assertThat(_get(Span.class, spec -> spec.withId("bulk-summary")).getText())
                .isEqualTo("Rows: 3, with problems: 2. Valid rows: 1, tokens in them: 1,200.");
    }

    @Test
    void shouldNotOpenForSupport() {
        openUiAs("agent", Role.SUPPORT);
        assertNotAllowed(() -> UI.getCurrent().navigate(BulkAdjustmentView.class));
    }
}
