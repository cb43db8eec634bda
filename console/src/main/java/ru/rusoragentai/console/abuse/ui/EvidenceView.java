package ru.rusoragentai.console.abuse.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.Map;
import ru.rusoragentai.console.kit.EChart;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A flag's evidence for people: each fact under its translated label, linked accounts as links to their pages, and a
 * trend (a usage spike's tokens per day) as a small chart.
 */
class EvidenceView extends VerticalLayout {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    EvidenceView(Map<String, Object> evidence, UserLinks links) {
        setPadding(false);
        setId("flag-evidence");
        FormLayout facts = new FormLayout();
        facts.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("500px", 2));
        for (var entry : evidence.entrySet()) {
            switch (entry.getKey()) {
                case "linked", "series" -> {
                }
                case "shared" -> facts.addFormItem(new Span(getTranslation("abuse.shared." + entry.getValue())), getTranslation("abuse.evidence.shared"));
                case "reason" -> facts.addFormItem(new Span(getTranslation("abuse.evidence.reason." + entry.getValue())), getTranslation("abuse.evidence.reason"));
                case "referrer" -> facts.addFormItem(links.link(((Number) entry.getValue()).longValue(), null), getTranslation("abuse.evidence.referrer"));
                default -> facts.addFormItem(new Span(text(entry.getValue())), getTranslation("abuse.evidence." + entry.getKey()));
            }
        }
        add(facts);
        if (evidence.get("linked") instanceof List<?> linked && !linked.isEmpty()) {
            FlexLayout accounts = new FlexLayout();
            accounts.setFlexWrap(FlexLayout.FlexWrap.WRAP);
            accounts.getStyle().set("gap", "var(--lumo-space-s)");
            accounts.setId("flag-linked");
            linked.forEach(id -> accounts.add(links.link(((Number) id).longValue(), null)));
            add(new Span(getTranslation("abuse.evidence.linked", linked.size())), accounts);
        }
        if (evidence.get("series") instanceof List<?> series && !series.isEmpty()) {
            add(trend(series));
        }
    }

    private String text(Object value) {
        if (value instanceof Number number) {
            return AbuseText.number(this, number);
        }
        if (value instanceof Boolean yes) {
            return getTranslation(yes ? "abuse.yes" : "abuse.no");
        }
        if (value instanceof List<?> list) {
            return String.join(", ", list.stream().map(String::valueOf).toList());
        }
        return String.valueOf(value);
    }

    /** Tokens per day as a bar chart; the option JSON is built with Jackson, so no text is interpreted as markup. */
    static Component trend(List<?> series) {
        ObjectNode option = JSON.createObjectNode();
        ArrayNode days = option.putObject("xAxis").put("type", "category").putArray("data");
        option.putObject("yAxis").put("type", "value");
        option.putObject("tooltip").put("trigger", "axis");
        option.putObject("grid").put("left", 60).put("right", 16).put("top", 16).put("bottom", 30);
        ArrayNode values = option.putArray("series").addObject().put("type", "bar").putArray("data");
        for (Object point : series) {
            if (point instanceof List<?> pair && pair.size() == 2) {
                days.add(String.valueOf(pair.get(0)));
                values.add(((Number) pair.get(1)).longValue());
            }
        }
        EChart chart = new EChart();
        chart.setId("flag-trend");
        chart.setHeight("200px");
        chart.setOption(option.toString());
        Div box = new Div(chart);
        box.setWidthFull();
        return box;
    }
}
