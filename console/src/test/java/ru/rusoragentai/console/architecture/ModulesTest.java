package ru.rusoragentai.console.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import ru.rusoragentai.console.ConsoleApplication;

class ModulesTest {

    private static ApplicationModules modules;

    @BeforeAll
    static void readModules() {
        modules = ApplicationModules.of(ConsoleApplication.class);
    }

    @Test
    void shouldHaveNoCyclesAndNoReachIntoAnotherModulesInternals() {
        modules.verify();
    }

    /** The dependency table in docs/architecture.md is the module diagram drawn by hand; this keeps it true. */
    @Test
    void shouldMatchTheDependencyTableInTheArchitectureDocument() throws IOException {
        Map<String, Set<String>> actual = new TreeMap<>();
        for (ApplicationModule module : modules) {
            actual.put(module.getIdentifier().toString(), module.getDirectDependencies(modules).uniqueModules()
                    .map(m -> m.getIdentifier().toString()).collect(Collectors.toCollection(TreeSet::new)));
        }
        Map<String, Set<String>> documented = new TreeMap<>();
        Matcher row = Pattern.compile("(?m)^\\| `(\\w+)` \\| [\\d,]+ \\| ([^|]+) \\|$")
                .matcher(Files.readString(Path.of("../docs/architecture.md")));
        while (row.find()) {
            String dependsOn = row.group(2).replaceAll("\\(.*?\\)", "").strip();
            documented.put(row.group(1), dependsOn.isEmpty() ? new TreeSet<>() : Arrays.stream(dependsOn.split(","))
                    .map(String::strip).collect(Collectors.toCollection(TreeSet::new)));
        }
        assertThat(documented).as("docs/architecture.md, 'Dependencies between capabilities'").isEqualTo(actual);
    }
}
