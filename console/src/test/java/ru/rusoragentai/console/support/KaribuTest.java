package ru.rusoragentai.console.support;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.github.mvysny.kaributesting.v10.spring.MockSpringServlet;
import com.vaadin.flow.component.UI;
import java.security.Principal;
import kotlin.jvm.functions.Function0;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import ru.rusoragentai.console.security.Role;

/**
 * Karibu browserless UI tests against the real Spring context. The fake request reports the Spring
 * Security user and roles (Karibu 2.6 has no bridge of its own), so Vaadin's view access control
 * behaves as in production.
 */
public abstract class KaribuTest extends DatabaseTest {

    private static Routes routes;

    @Autowired
    protected ApplicationContext context;

    @BeforeAll
    static void discoverRoutes() {
        routes = new Routes().autoDiscoverViews("ru.rusoragentai.console");
    }

    /** Signs in with the given roles and opens a fresh UI, as a browser would after login. */
    protected void openUiAs(String username, Role... roles) {
        signInAs(username, roles);
        MockVaadin.setMockRequestFactory(session -> new SpringSecurityRequest(session, securityContexts));
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(routes, context, uiFactory));
    }

    /** Opens a fresh UI for nobody signed in, from a browser that asks for {@code language} (Accept-Language). */
    protected void openUiAnonymously(java.util.Locale language) {
        signOut();
        MockVaadin.setMockRequestFactory(session -> {
            SpringSecurityRequest request = new SpringSecurityRequest(session, securityContexts);
            request.setLocaleInt(language);
            return request;
        });
        Function0<UI> uiFactory = UI::new;
        MockVaadin.setup(uiFactory, new MockSpringServlet(routes, context, uiFactory));
    }

    /**
     * Runs a navigation the signed-in roles may not make and checks that it lands on the console's not-allowed page
     * (inside the frame, with a way back) instead of the view.
     */
    protected static void assertNotAllowed(Runnable navigation) {
        navigation.run();
        com.vaadin.flow.component.Component shown = UI.getCurrent().getCurrentView();
        org.assertj.core.api.Assertions.assertThat(shown).isInstanceOf(ru.rusoragentai.console.shell.ui.NotAllowedView.class);
        org.assertj.core.api.Assertions.assertThat(com.github.mvysny.kaributesting.v10.LocatorJ._get(
                com.vaadin.flow.component.html.Paragraph.class, spec -> spec.withId("not-allowed-text")).getText()).isNotBlank();
    }

    @AfterEach
    void closeUi() {
        MockVaadin.tearDown();
        signOut();
    }

    private static final class SpringSecurityRequest extends FakeRequest {

        private final SecurityContextHolderStrategy securityContexts;

        SpringSecurityRequest(jakarta.servlet.http.HttpSession session, SecurityContextHolderStrategy securityContexts) {
            super(session);
            this.securityContexts = securityContexts;
        }

        @Override
        public Principal getUserPrincipal() {
            Authentication auth = securityContexts.getContext().getAuthentication();
            return auth == null ? null : auth;
        }

        @Override
        public boolean isUserInRole(String role) {
            Authentication auth = securityContexts.getContext().getAuthentication();
            return auth != null && auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_" + role));
        }
    }
}
