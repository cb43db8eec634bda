package ru.rusoragentai.console.privacy.ui;

import ru.rusoragentai.console.privacy.erasure.ErasureService;
import ru.rusoragentai.console.privacy.packages.PackageService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Arrays;
import java.util.function.Supplier;
import ru.rusoragentai.console.privacy.Jurisdiction;
import ru.rusoragentai.console.privacy.PrivacyRequest;
import ru.rusoragentai.console.privacy.PrivacyRequestService;
import ru.rusoragentai.console.privacy.RequestStatus;
import ru.rusoragentai.console.privacy.RequestType;
import ru.rusoragentai.console.privacy.VerificationMethod;

/** One request: its facts and deadlines, and the next steps its status allows. */
class PrivacyRequestDialog extends Dialog {

    private final PrivacyRequestService requests;
    private final long id;
    private final Runnable onChange;
    private final PrivacyWorkPanel work;

    PrivacyRequestDialog(PrivacyRequestService requests, PackageService packages, ErasureService erasures, long id, Runnable onChange) {
        this.requests = requests;
        this.id = id;
        this.onChange = onChange;
        this.work = new PrivacyWorkPanel(packages, erasures, () -> {
            onChange.run();
            render();
        });
        setId("privacy-dialog");
        setWidth("720px");
        render();
    }

    private void render() {
        removeAll();
        getFooter().removeAll();
        PrivacyRequest r = requests.get(id);
        setHeaderTitle(getTranslation("privacy.request", r.id(), getTranslation("privacy.type." + r.type().dbValue())));
        Div facts = new Div();
        facts.add(line("privacy.status", getTranslation("privacy.status." + r.status().dbValue())));
        String who = r.userId() != null ? "#" + r.userId()
                : getTranslation(r.approvedBy() != null && r.type().needsApproval() ? "privacy.erased" : "privacy.no-user");
        facts.add(line("privacy.subject", PrivacyRequestListView.subject(this, r) + " · " + who));
        facts.add(line("privacy.received", r.receivedAt().toLocalDate() + " · " + getTranslation("privacy.channel." + r.channel())
                + " · " + r.jurisdiction().name()));
        facts.add(line("privacy.due", r.due() + (r.extendedBy() > 0 ? " (" + getTranslation("privacy.extended-from", r.originalDue(),
                r.extensionReason()) + ")" : "")));
        if (r.acknowledgeBy() != null) {
            facts.add(line("privacy.acknowledge-by", r.acknowledgeBy().toString()));
        }
        if (r.verification() != null) {
            facts.add(line("privacy.verification", getTranslation("privacy.verification." + r.verification())
                    + (r.verificationNote() == null ? "" : ": " + r.verificationNote())));
        }
        if (r.rejectionReason() != null) {
            facts.add(line("privacy.rejection", r.rejectionReason()));
        }
        if (r.preparedBy() != null) {
            facts.add(line("privacy.prepared-by", r.preparedBy() + (r.approvedBy() == null ? "" : " · "
                    + getTranslation("privacy.approved-by") + ": " + r.approvedBy())));
        }
        add(facts);
        add(work);
        work.show(r);
        HorizontalLayout steps = new HorizontalLayout();
        steps.getStyle().set("flex-wrap", "wrap");
        if (r.status() == RequestStatus.RECEIVED) {
            steps.add(verifyStep(r));
        }
        if (r.status() == RequestStatus.IDENTITY_VERIFIED) {
            steps.add(button("privacy.start", () -> requests.startWork(r.id(), r.version())));
        }
        if (r.status() == RequestStatus.IN_PROGRESS && r.userId() != null && r.type() == RequestType.CORRECTION) {
            Button correct = new Button(getTranslation("privacy.correct-on-user-page"), e -> {
                close();
                getUI().ifPresent(ui -> ui.navigate(ru.rusoragentai.console.users.UserPage.address(r.userId()), com.vaadin.flow.router.QueryParameters.of(
                        ru.rusoragentai.console.users.UserPage.PRIVACY_REQUEST, Long.toString(r.id()))));
            });
            correct.setId("privacy-correct-link");
            correct.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
            add(correct);
        }
        if (r.status() == RequestStatus.IN_PROGRESS && (r.userId() == null || !r.type().needsApproval())) {
            steps.add(textStep("privacy.complete", "privacy.answer", text -> requests.complete(r.id(), r.version(), text)));
        }
        if (r.status().open() && r.approvedBy() == null) {
            steps.add(extendStep(r), textStep("privacy.reject", "privacy.reject-reason", text -> requests.reject(r.id(), r.version(), text)));
        }
        add(steps);
        getFooter().add(new Button(getTranslation("action.close"), e -> close()));
    }

    private Div line(String labelKey, String value) {
        Div line = new Div();
        line.setText(getTranslation(labelKey) + ": " + value);
        return line;
    }

    private Div verifyStep(PrivacyRequest r) {
        ComboBox<VerificationMethod> method = new ComboBox<>(getTranslation("privacy.verification"));
        method.setId("privacy-verify-method");
        method.setItems(Arrays.asList(VerificationMethod.values()));
        method.setItemLabelGenerator(m -> getTranslation("privacy.verification." + m.dbValue()));
        TextArea note = new TextArea(getTranslation("privacy.note"));
        note.setId("privacy-verify-note");
        Button verify = button("privacy.verify", () -> requests.verifyIdentity(r.id(), r.version(), method.getValue(), note.getValue()));
        return new Div(method, note, verify);
    }

    private Div extendStep(PrivacyRequest r) {
        IntegerField amount = new IntegerField(getTranslation(r.jurisdiction() == Jurisdiction.CCPA ? "privacy.extend-days"
                : "privacy.extend-months"));
        amount.setId("privacy-extend-amount");
        amount.setValue(r.jurisdiction() == Jurisdiction.CCPA ? 45 : 1);
        TextArea reason = new TextArea(getTranslation("privacy.extend-reason"));
        reason.setId("privacy-extend-reason");
        Button extend = button("privacy.extend", () -> requests.extend(r.id(), r.version(),
                amount.getValue() == null ? 0 : amount.getValue(), reason.getValue()));
        return new Div(amount, reason, extend);
    }

    private Div textStep(String actionKey, String labelKey, java.util.function.Function<String, PrivacyRequest> action) {
        TextArea text = new TextArea(getTranslation(labelKey));
        text.setId(actionKey.replace('.', '-') + "-text");
        text.setWidthFull();
        return new Div(text, button(actionKey, () -> action.apply(text.getValue())));
    }

    private Button button(String key, Supplier<PrivacyRequest> action) {
        Button button = new Button(getTranslation(key), e -> {
            if (PrivacyWorkPanel.perform(this, action::get)) {
                onChange.run();
                render();
            }
        });
        button.setId(key.replace('.', '-'));
        button.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return button;
    }
}
