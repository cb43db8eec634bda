package ru.rusoragentai.console.plugins;

import ru.rusoragentai.spi.AiProvider;
import ru.rusoragentai.spi.ConsoleExtension;
import ru.rusoragentai.spi.PaymentChannel;
import ru.rusoragentai.spi.PrivacyConnector;

/** The extension points a plugin can implement. */
public enum ExtensionKind {
    AI_PROVIDER(AiProvider.class),
    PAYMENT_CHANNEL(PaymentChannel.class),
    PRIVACY_CONNECTOR(PrivacyConnector.class);

    private final Class<? extends ConsoleExtension> type;

    ExtensionKind(Class<? extends ConsoleExtension> type) {
        this.type = type;
    }

    public Class<? extends ConsoleExtension> type() {
        return type;
    }
}
