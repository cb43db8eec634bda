package ru.rusoragentai.console.tokens.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.util.Set;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import ru.rusoragentai.console.kit.Plurals;
import ru.rusoragentai.console.security.CurrentStaff;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.tokens.Adjustment;
import ru.rusoragentai.console.tokens.AdjustmentException;
import ru.rusoragentai.console.tokens.AdjustmentService;
import ru.rusoragentai.console.tokens.InsufficientBalanceException;
import ru.rusoragentai.console.tokens.TokenLedgerService;
import ru.rusoragentai.console.users.UserProfile;
import ru.rusoragentai.console.users.UserPageAction;
import ru.rusoragentai.console.users.UserPageSection;

/**
 * What tokens adds to the user page: the ledger and adjustments tabs, and the "Adjust tokens" button. The user page
 * knows none of it; tokens depends on users, never the reverse.
 */
@Configuration(proxyBeanMethods = false)
class TokensUserPage {

    @Bean
    UserPageSection ledgerSection(TokenLedgerService ledger) {
        return section("user.section.ledger", 20, userId -> LedgerSection.ledger(userId, ledger));
    }

    @Bean
    UserPageSection adjustmentsSection(AdjustmentService adjustments) {
        return section("user.section.adjustments", 30, userId -> LedgerSection.adjustments(userId, adjustments));
    }

    @Bean
    UserPageAction adjustTokens(AdjustmentService adjustments, CurrentStaff staff) {
        return new UserPageAction() {
            @Override
            public boolean visibleTo(Set<Role> roles, UserProfile user) {
                return roles.contains(Role.SUPPORT) || roles.contains(Role.ADMIN);
            }

            @Override
            public Component create(UserProfile user, Runnable changed) {
                Button button = new Button();
                button.setText(button.getTranslation("user.action.adjust"));
                button.setIcon(VaadinIcon.COINS.create());
                button.setId("user-adjust");
                button.addThemeVariants(ButtonVariant.LUMO_SMALL);
                button.addClickListener(e -> new AdjustTokensDialog(user, adjustments.approvalThreshold(), staff.hasRole(Role.ADMIN),
                        values -> adjust(button, adjustments, user, values, changed)).open());
                return button;
            }
        };
    }

    private static void adjust(Component in, AdjustmentService adjustments, UserProfile user, AdjustTokensDialog.Values values,
                               Runnable changed) {
        try {
            var result = adjustments.request(user.id(), values.delta(), values.reason(), values.comment(), values.ticket(),
                    values.allowNegative());
            String key = result.status() == Adjustment.Status.PENDING ? "adjust.pending" : "adjust.applied";
            Notification.show(in.getTranslation(key)).addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            changed.run();
        } catch (AdjustmentException refused) {
            error(in.getTranslation(refused.messageKey()));
        } catch (InsufficientBalanceException refused) {
            error(Plurals.text(in, "adjust.error.insufficient", refused.balance(), refused.balance()));
        }
    }

    private static void error(String message) {
        Notification notification = Notification.show(message);
        notification.addThemeVariants(NotificationVariant.LUMO_ERROR);
        notification.setDuration(8000);
    }

    private static UserPageSection section(String key, int position, java.util.function.LongFunction<Component> content) {
        return new UserPageSection() {
            @Override
            public String tabKey() {
                return key;
            }

            @Override
            public boolean visibleTo(Set<Role> roles) {
                return true;
            }

            @Override
            public Component create(long userId) {
                return content.apply(userId);
            }

            @Override
            public int position() {
                return position;
            }
        };
    }
}
