package ru.rusoragentai.console.analytics.ui;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import ru.rusoragentai.console.analytics.UsageFigures;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The ECharts option for the usage report: the chosen measure per period, one series per value of the breakdown (the
 * eight largest by requests; the rest summed as "other" where the measure adds up), stacked bars for measures that add
 * up across values, lines for those that do not (active users, error rate, latency).
 */
final class UsageChart {

    /** What the chart shows. */
    enum Measure {
        REQUESTS(true, UsageFigures::requests),
        USERS(false, UsageFigures::users),
        CHARGED(true, UsageFigures::tokensCharged),
        ERROR_RATE(false, f -> Math.round(f.errorRate() * 10_000) / 100.0),
        P95(false, UsageFigures::p95Millis);

        final boolean additive;
        final ToDoubleFunction<UsageFigures> value;

        Measure(boolean additive, ToDoubleFunction<UsageFigures> value) {
            this.additive = additive;
            this.value = value;
        }
    }

    static final int MAX_SERIES = 8;
    private static final JsonMapper JSON = JsonMapper.builder().build();
    // a mid grey that reads on both the light and the dark theme
    private static final String GREY = "#8a94a6";

    private UsageChart() {
    }

    /** An option with the tooltip, legend, period axis and value axis every report chart has, and no series yet. */
    static ObjectNode frame(java.util.Collection<String> names, List<LocalDate> periods) {
        ObjectNode option = JSON.createObjectNode();
        option.putObject("tooltip").put("trigger", "axis");
        ObjectNode legend = option.putObject("legend");
        legend.putObject("textStyle").put("color", GREY);
        ArrayNode legendNames = legend.putArray("data");
        names.forEach(legendNames::add);
        ObjectNode xAxis = option.putObject("xAxis").put("type", "category");
        xAxis.putObject("axisLabel").put("color", GREY);
        ArrayNode labels = xAxis.putArray("data");
        periods.forEach(p -> labels.add(p.toString()));
        option.putObject("yAxis").put("type", "value").putObject("axisLabel").put("color", GREY);
        option.putObject("grid").put("left", 80).put("right", 20).put("bottom", 30);
        return option;
    }

    static String option(List<UsageFigures> rows, Measure measure, String allLabel, String otherLabel) {
        List<LocalDate> periods = rows.stream().map(UsageFigures::period).distinct().sorted().toList();
        Map<String, Long> requestsByKey = rows.stream().collect(Collectors.groupingBy(r -> r.key() == null ? allLabel : r.key(),
                TreeMap::new, Collectors.summingLong(UsageFigures::requests)));
        List<String> shown = requestsByKey.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(MAX_SERIES).map(Map.Entry::getKey).toList();
        Map<String, Map<LocalDate, Double>> series = new LinkedHashMap<>();
        new TreeSet<>(shown).forEach(key -> series.put(key, new TreeMap<>()));
        for (UsageFigures row : rows) {
            String key = row.key() == null ? allLabel : row.key();
            if (series.containsKey(key)) {
                series.get(key).merge(row.period(), measure.value.applyAsDouble(row), Double::sum);
            } else if (measure.additive) {
                series.computeIfAbsent(otherLabel, k -> new TreeMap<>()).merge(row.period(), measure.value.applyAsDouble(row), Double::sum);
            }
        }
        ObjectNode option = frame(series.keySet(), periods);
        ArrayNode data = option.putArray("series");
        series.forEach((name, values) -> {
            ObjectNode s = data.addObject().put("name", name).put("type", measure.additive ? "bar" : "line");
            if (measure.additive) {
                s.put("stack", "total");
            }
            ArrayNode points = s.putArray("data");
            periods.forEach(p -> points.add(values.getOrDefault(p, 0.0)));
        });
        return option.toString();
    }
}
