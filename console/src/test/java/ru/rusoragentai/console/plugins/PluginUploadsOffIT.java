package ru.rusoragentai.console.plugins;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import ru.rusoragentai.console.plugins.broken.FixedProvider;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.support.DatabaseTest;
import ru.rusoragentai.console.support.TestPlugins;

/** With uploads switched off, nobody can install a plugin from the console, signed or not; placed jars still load. */
@TestPropertySource(properties = "console.plugins.uploads-enabled=false")
class PluginUploadsOffIT extends DatabaseTest {

    @Autowired
    PluginService plugins;
    @Autowired
    PluginHost host;

    @Test
    void shouldRefuseEveryUploadButLoadTheJarsInThePluginsDirectory() {
        signInAs("an-admin", Role.ADMIN);
        byte[] signed = TestPlugins.jar("test-off", ">=1.0.0 & <2.0.0", null, List.of(FixedProvider.class.getName()), FixedProvider.class);

        assertThatThrownBy(() -> plugins.install("off.jar", signed)).isInstanceOf(PluginException.class)
                .hasMessageContaining("uploads are switched off");

        assertThat(host.plugin("test-off")).isEmpty();
        assertThat(host.plugin("pay-tribute").orElseThrow().state()).isEqualTo(PluginState.STARTED);
    }
}
