package ru.rusoragentai.console.users.ui;

import ru.rusoragentai.console.kit.GridColumns;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import ru.rusoragentai.console.kit.EChart;
import ru.rusoragentai.console.kit.Numbers;
import ru.rusoragentai.console.users.UserActivity;
import ru.rusoragentai.console.users.UserService;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Tokens per model per day as a stacked chart (30 or 90 days), and the events of the same days, paged lazily. */
class UsageSection extends VerticalLayout {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GREY = "#8a94a6";

    private final EChart chart = new EChart();

    UsageSection(long userId, UserService userService) {
        setSizeFull();
        setPadding(false);
        RadioButtonGroup<Integer> period = new RadioButtonGroup<>();
        period.setId("usage-period");
        period.setItems(30, 90);
        period.setItemLabelGenerator(days -> getTranslation("usage.days", days));
        chart.setId("usage-chart");
        Grid<UserActivity.UsageEvent> events = new Grid<>();
        events.setId("user-usage-events");
        events.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        Grid.Column<UserActivity.UsageEvent> time = events.addColumn(e -> GridColumns.time(e.occurredAt()))
                .setHeader(getTranslation("ledger.time")).setAutoWidth(true).setKey("time").setSortable(true);
        events.addColumn(UserActivity.UsageEvent::model).setHeader(getTranslation("usage.model")).setAutoWidth(true);
        events.addColumn(UserActivity.UsageEvent::feature).setHeader(getTranslation("usage.feature")).setAutoWidth(true);
        events.addColumn(e -> Numbers.whole(events, e.inputTokens()) + " / " + Numbers.whole(events, e.outputTokens()))
                .setHeader(getTranslation("usage.in-out")).setAutoWidth(true);
        // lazily paged from the (user, time) index: only the time column sorts
        GridColumns.numberColumn(events, UserActivity.UsageEvent::tokensCharged, false).setHeader(getTranslation("usage.charged")).setSortable(false);
        events.addColumn(e -> Numbers.whole(events, e.latencyMs()) + " ms").setHeader(getTranslation("usage.latency")).setAutoWidth(true);
        events.addColumn(UserActivity.UsageEvent::status).setHeader(getTranslation("user.status")).setAutoWidth(true);
        events.addColumn(UserActivity.UsageEvent::ip).setHeader(getTranslation("session.ip")).setAutoWidth(true);
        events.setMinHeight("20rem");
        events.sort(com.vaadin.flow.component.grid.GridSortOrder.desc(time).build());
        period.addValueChangeListener(e -> {
            chart.setOption(option(userService.usageByDay(userId, e.getValue()), e.getValue(), userService.today()));
            // no count query: a heavy user has a million events and counting them is not worth the wait
            events.setItems(q -> userService.usageEvents(userId, e.getValue(), GridColumns.newestFirst(q), q.getOffset(), q.getLimit())
                    .stream());
        });
        period.setValue(30);
        add(period, chart, events);
    }

    /** A stacked bar per model over every day of the period, zero where there was no usage. */
    static String option(List<UserActivity.UsageDay> days, int period, LocalDate today) {
        LocalDate first = today.minusDays(period - 1L);
        List<LocalDate> axis = first.datesUntil(first.plusDays(period)).toList();
        Map<String, Map<LocalDate, Long>> byModel = new TreeMap<>();
        for (UserActivity.UsageDay day : days) {
            byModel.computeIfAbsent(day.model(), m -> new TreeMap<>()).merge(day.day(), day.tokens(), Long::sum);
        }
        ObjectNode option = JSON.createObjectNode();
        option.putObject("tooltip").put("trigger", "axis");
        // a mid grey that reads on both the light and the dark theme
        ObjectNode legendNode = option.putObject("legend");
        legendNode.putObject("textStyle").put("color", GREY);
        ArrayNode legend = legendNode.putArray("data");
        new TreeSet<>(byModel.keySet()).forEach(legend::add);
        ObjectNode xAxis = option.putObject("xAxis").put("type", "category");
        xAxis.putObject("axisLabel").put("color", GREY);
        ArrayNode labels = xAxis.putArray("data");
        axis.forEach(d -> labels.add(d.toString()));
        option.putObject("yAxis").put("type", "value").putObject("axisLabel").put("color", GREY);
        option.putObject("grid").put("left", 60).put("right", 20).put("bottom", 30);
        ArrayNode series = option.putArray("series");
        byModel.forEach((model, values) -> {
            ObjectNode s = series.addObject().put("name", model).put("type", "bar").put("stack", "tokens");
            ArrayNode data = s.putArray("data");
            axis.forEach(d -> data.add(values.getOrDefault(d, 0L)));
        });
        return option.toString();
    }
}
