package ru.rusoragentai.console.shell;

import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasLabel;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.component.tabs.Tab;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.dom.Element;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import ru.rusoragentai.console.security.Role;
import ru.rusoragentai.console.support.KaribuTest;
import ru.rusoragentai.console.support.SupportFixture;
import ru.rusoragentai.console.support.TestData;

/**
 * Every screen a role can open, rendered in Russian: no text a staff member reads is left in English. A text fails when
 * it is the English wording of a bundle entry whose Russian differs (a text that skipped the bundle, or a key looked up
 * in the wrong place), or when a label, button, heading, tab or column header is three or more English words without a
 * Cyrillic letter (a text that never reached the bundles). Data (names, models, identifiers) is not judged.
 *
 * <p>The same walk checks that nothing rendered inside a grid row carries an element id: a grid that re-renders after a
 * refresh briefly holds the old row beside the new one, so such an id names two elements ({@code RowAction} names them).
 */
class RussianScreensTest extends KaribuTest {

    private static final Pattern ENGLISH_PHRASE = Pattern.compile("[A-Za-z]{2,}(\\s+[A-Za-z]{2,}){2,}");
    private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}");
    private static final Properties ENGLISH = load("/vaadin-i18n/translations.properties");
    private static final Properties RUSSIAN = load("/vaadin-i18n/translations_ru.properties");
    private static final Set<String> UNTRANSLATED = untranslatedEnglish();
    private static final List<String> seen = new ArrayList<>();
    private static final List<String> rowIds = new ArrayList<>();
    private static final List<String> chartLocales = new ArrayList<>();

    @ParameterizedTest
    @EnumSource(Role.class)
    void shouldShowEveryScreenOfTheRoleInRussian(Role role) throws Exception {
        SupportFixture user = SupportFixture.create(dsl, TestData.unique("Русский Экран "));
        openUiAs(TestData.unique("ru-" + role.name().toLowerCase(Locale.ROOT)), role);
        UI.getCurrent().setLocale(Locale.forLanguageTag("ru"));
        UI.getCurrent().navigate("");
        List<String> paths = _get(SideNav.class, spec -> spec.withId("main-nav")).getItems().stream().map(SideNavItem::getPath).toList();
        List<String> found = new ArrayList<>();
        seen.clear();
        rowIds.clear();
        chartLocales.clear();
        List<String> screens = new ArrayList<>(paths);
        if (paths.contains("users")) {
            screens.add("users/" + user.userId());
        }
        for (String path : screens) {
            UI.getCurrent().navigate(path);
            openEveryTab();
            scan(UI.getCurrent(), path, found);
        }
        assertThat(seen).as("the scan read the screens' texts, Russian among them").anyMatch(t -> CYRILLIC.matcher(t).find())
                .hasSizeGreaterThan(10 * screens.size());
        assertThat(found).as("English on the Russian screens of " + role).isEmpty();
        assertThat(rowIds).as("element ids inside grid rows on the screens of " + role).isEmpty();
        // charts write their axis and tooltip numbers in the staff member's language ("2 500", not "2,500")
        assertThat(chartLocales).as("charts on the screens of " + role).allMatch(chart -> chart.endsWith(": ru"));
        if (role == Role.ADMIN) {
            assertThat(chartLocales).as("the dashboard and reports draw charts").isNotEmpty();
        }
    }

    /** Tabs render lazily: open each so its content is judged too. */
    private static void openEveryTab() {
        for (TabSheet sheet : com.github.mvysny.kaributesting.v10.LocatorJ._find(TabSheet.class)) {
            com.github.mvysny.kaributesting.v10.LocatorJ._find(sheet, Tab.class).forEach(sheet::setSelectedTab);
        }
    }

    private static void scan(Component component, String path, List<String> found) {
        if (component instanceof com.vaadin.flow.component.Text text) {
            judge(text.getText(), false, path, component, found);
            return;
        }
        if (!component.isVisible()) {
            return;
        }
        for (String text : chrome(component)) {
            judge(text, true, path, component, found);
        }
        if (component instanceof ru.rusoragentai.console.kit.EChart chart) {
            chartLocales.add(path + ": " + chart.getNumberLocale());
        }
        if (component instanceof Grid<?> grid) {
            // the first rows' cells as shown: data is not judged, but a cell must not show a bundle's English wording (of more
            // than one word: a single word such as the first administrator's name "Administrator" may be data)
            int rows = Math.min(5, com.github.mvysny.kaributesting.v10.GridKt._size(grid));
            for (int i = 0; i < rows; i++) {
                com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow(grid, i).stream().filter(cell -> cell.strip().contains(" "))
                        .forEach(cell -> judge(cell, false, path, component, found));
                rowIdsOf(grid, i, path);
            }
        }
        if (component instanceof Span || component instanceof Div || component instanceof Paragraph || component instanceof Anchor) {
            judge(ownText(component.getElement()), false, path, component, found);
        }
        component.getChildren().forEach(child -> scan(child, path, found));
    }

    /** Renders each component column's cell of the row as the grid would and notes every element id inside it. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void rowIdsOf(Grid grid, int row, String path) {
        Object item = com.github.mvysny.kaributesting.v10.GridKt._get(grid, row);
        for (Object column : grid.getColumns()) {
            if (((Grid.Column) column).getRenderer() instanceof com.vaadin.flow.data.renderer.ComponentRenderer renderer) {
                idsIn(renderer.createComponent(item).getElement(), "/" + path + " row " + row, rowIds);
            }
        }
    }

    private static void idsIn(Element element, String where, List<String> ids) {
        if (element.getAttribute("id") != null) {
            ids.add(where + ": #" + element.getAttribute("id"));
        }
        element.getChildren().forEach(child -> idsIn(child, where, ids));
    }

    /** What a component says about itself: its label, placeholder, helper, title, button text, tab or column headers. */
    private static List<String> chrome(Component component) {
        List<String> texts = new ArrayList<>();
        Element element = component.getElement();
        if (component instanceof HasLabel labelled && labelled.getLabel() != null) {
            texts.add(labelled.getLabel());
        }
        Stream.of("placeholder", "helperText", "title", "label", "headerTitle").map(element::getProperty).forEach(texts::add);
        Stream.of("title", "aria-label").map(element::getAttribute).forEach(texts::add);
        if (component instanceof com.vaadin.flow.component.button.Button button) {
            texts.add(button.getText());
        }
        if (component instanceof com.vaadin.flow.component.html.H2 || component instanceof com.vaadin.flow.component.html.H3
                || component instanceof com.vaadin.flow.component.html.H4) {
            texts.add(ownText(element));
        }
        if (component instanceof Grid<?> grid) {
            grid.getColumns().forEach(column -> texts.add(column.getHeaderText()));
        }
        texts.removeIf(t -> t == null || t.isBlank());
        return texts;
    }

    private static void judge(String text, boolean chrome, String path, Component where, List<String> found) {
        if (text == null || text.isBlank()) {
            return;
        }
        String t = text.strip();
        seen.add(t);
        boolean bundleEnglish = UNTRANSLATED.contains(t);
        boolean phrase = chrome && !CYRILLIC.matcher(t).find() && ENGLISH_PHRASE.matcher(t).find();
        if (bundleEnglish || phrase) {
            found.add("/" + path + " " + where.getClass().getSimpleName() + where.getId().map(id -> "#" + id).orElse("") + ": " + t);
        }
    }

    private static String ownText(Element element) {
        StringBuilder text = new StringBuilder();
        element.getChildren().filter(Element::isTextNode).forEach(node -> text.append(node.getText()));
        return text.toString();
    }

    /** English bundle texts without placeholders whose Russian is different: seeing one means Russian was skipped. */
    private static Set<String> untranslatedEnglish() {
        Set<String> texts = new LinkedHashSet<>();
        for (String key : ENGLISH.stringPropertyNames()) {
            String english = ENGLISH.getProperty(key);
            if (!english.contains("{") && !english.equals(RUSSIAN.getProperty(key))) {
                texts.add(english.strip());
            }
        }
        return texts;
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (var reader = new InputStreamReader(RussianScreensTest.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return properties;
    }
}
