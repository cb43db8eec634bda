package ru.rusoragentai.console.architecture;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import ru.rusoragentai.console.ConsoleApplication;

class ModulesTest {

    @Test
    void shouldHaveNoCyclesAndNoReachIntoAnotherModulesInternals() {
        ApplicationModules.of(ConsoleApplication.class).verify();
    }
}
