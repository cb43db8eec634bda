package ru.rusoragentai.console.security.ui;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.UI;
import java.util.Locale;
import org.junit.jupiter.api.Test;

import ru.rusoragentai.console.support.KaribuTest;

/** Before sign-in the console speaks the browser's language: English unless the browser asks for Russian. */
class LoginLanguageTest extends KaribuTest {

    @Test
    void shouldShowTheLoginPageInEnglishToAnEnglishBrowser() {
        openUiAnonymously(Locale.US);
        LoginView view = UI.getCurrent().navigate(LoginView.class).orElseThrow();
        assertThat(UI.getCurrent().getLocale().getLanguage()).isEqualTo("en");
        assertThat(view.getPageTitle()).isEqualTo("Sign in");
    }

    @Test
    void shouldShowTheLoginPageInRussianToARussianBrowser() {
        openUiAnonymously(Locale.forLanguageTag("ru-RU"));
        LoginView view = UI.getCurrent().navigate(LoginView.class).orElseThrow();
        assertThat(UI.getCurrent().getLocale().getLanguage()).isEqualTo("ru");
        assertThat(view.getPageTitle()).isEqualTo("Вход");
    }

    @Test
    void shouldFallBackToEnglishForALanguageTheConsoleDoesNotSpeak() {
        openUiAnonymously(Locale.GERMANY);
        UI.getCurrent().navigate(LoginView.class);
        assertThat(UI.getCurrent().getLocale().getLanguage()).isEqualTo("en");
    }
}
