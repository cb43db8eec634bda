package ru.rusoragentai.console.shell.ui;

import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AccessDeniedException;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import com.vaadin.flow.router.RouterLink;
import jakarta.annotation.security.PermitAll;
import jakarta.servlet.http.HttpServletResponse;

/**
 * What a signed-in staff member sees at an address their roles do not open: a page inside the console's frame that
 * says so and leads back, in development and production mode alike (instead of Vaadin's development page listing
 * every route). Someone not signed in is sent to the login page before this.
 */
@ParentLayout(MainLayout.class)
@PermitAll
public class NotAllowedView extends VerticalLayout implements HasErrorParameter<AccessDeniedException>, HasDynamicTitle {

    public NotAllowedView() {
        setId("not-allowed");
    }

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<AccessDeniedException> parameter) {
        removeAll();
        Paragraph explanation = new Paragraph(getTranslation("not-allowed.text", "/" + event.getLocation().getPath()));
        explanation.setId("not-allowed-text");
        RouterLink back = new RouterLink(getTranslation("not-allowed.back"), DashboardView.class);
        back.setId("not-allowed-back");
        add(new H2(getTranslation("not-allowed.heading")), explanation, back);
        return HttpServletResponse.SC_FORBIDDEN;
    }

    @Override
    public String getPageTitle() {
        return getTranslation("not-allowed.heading");
    }
}
