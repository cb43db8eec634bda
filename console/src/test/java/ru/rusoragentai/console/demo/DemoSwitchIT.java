package ru.rusoragentai.console.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import ru.rusoragentai.console.support.DatabaseTest;

/** A start with {@code console.demo.seed-on-empty} off (production) has no demo bean at all. */
class DemoSwitchIT extends DatabaseTest {

    @Autowired
    ConfigurableApplicationContext context;

    @Test
    void shouldHaveNoDemoBeanWhenSeedingIsOff() {
        var factory = context.getBeanFactory();
        assertThat(Arrays.stream(factory.getBeanDefinitionNames())
                .map(name -> factory.getBeanDefinition(name).getBeanClassName())
                .filter(type -> type != null && type.startsWith(DemoSwitchIT.class.getPackageName() + ".")))
                .isEmpty();
        assertThat(context.getBeanNamesForType(DemoDataProperties.class)).isEmpty();
    }
}
