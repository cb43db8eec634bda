package ru.rusoragentai.console.shell.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static ru.rusoragentai.db.Tables.STAFF_ACCOUNT;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import java.util.EnumSet;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.staff.StaffService;
import ru.rusoragentai.console.support.KaribuTest;
import ru.rusoragentai.console.support.TestData;

class PreferencesTest extends KaribuTest {

    @Autowired
    StaffService staffService;

    @Test
    void shouldRememberLanguageAndThemeAndApplyThemAtTheNextSignIn() {
        String username = createSettledStaff();
        openUiAs(username, Role.SUPPORT);
        UI.getCurrent().navigate("");
        @SuppressWarnings("unchecked")
        Select<String> language = _get(Select.class, spec -> spec.withId("language-select"));
        language.setValue("ru");
        _click(_get(Button.class, spec -> spec.withId("theme-toggle")));
        var stored = dsl.select(STAFF_ACCOUNT.LOCALE, STAFF_ACCOUNT.THEME).from(STAFF_ACCOUNT)
                .where(STAFF_ACCOUNT.USERNAME.eq(username)).fetchSingle();
        assertThat(stored.value1()).isEqualTo("ru");
        assertThat(stored.value2()).isEqualTo("dark");

        // a new session (sign out, sign in) starts in Russian and dark
        com.github.mvysny.kaributesting.v10.MockVaadin.tearDown();
        openUiAs(username, Role.SUPPORT);
        UI.getCurrent().navigate("");
        assertThat(UI.getCurrent().getLocale()).isEqualTo(Locale.forLanguageTag("ru"));
        assertThat(UI.getCurrent().getPage().getColorScheme()).isEqualTo(com.vaadin.flow.component.page.ColorScheme.Value.DARK);
        assertThat(_get(Span.class, spec -> spec.withText("Пользователи"))).isNotNull();
    }

    private String createSettledStaff() {
        signInAs("admin-ui", Role.ADMIN);
        String username = TestData.unique("prefs");
        String password = staffService.create(username, "Prefs", EnumSet.of(Role.SUPPORT));
        signInAs(username, Role.SUPPORT);
        staffService.changeOwnPassword(password, "a-settled-password");
        return username;
    }
}
