package ru.rusoragentai.console.plugins.broken;

import java.util.List;
import java.util.Map;
import ru.rusoragentai.spi.DataSubject;
import ru.rusoragentai.spi.HealthResult;
import ru.rusoragentai.spi.PluginContext;
import ru.rusoragentai.spi.PrivacyConnector;
import ru.rusoragentai.spi.PrivacyResult;
import ru.rusoragentai.spi.SettingDescriptor;

/** A privacy connector whose "remote store" holds one profile per subject, derived from the subject's ids. */
public class RecordingPrivacyConnector implements PrivacyConnector {

    @Override
    public String systemName() {
        return "Recording remote store";
    }

    @Override
    public List<SettingDescriptor> settings() {
        return List.of();
    }

    @Override
    public HealthResult checkHealth(PluginContext context) {
        return HealthResult.healthy("ok");
    }

    @Override
    public PrivacyResult collect(DataSubject subject, PluginContext context) {
        return new PrivacyResult.Done(Map.of("profile", "{\"telegram_user_id\":" + subject.telegramUserId() + "}"), "1 profile");
    }

    @Override
    public PrivacyResult erase(DataSubject subject, PluginContext context) {
        return new PrivacyResult.Done(Map.of("profile", "1"), "profile erased");
    }
}
