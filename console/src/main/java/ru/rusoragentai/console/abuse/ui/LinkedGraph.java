package ru.rusoragentai.console.abuse.ui;

import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import ru.rusoragentai.console.abuse.LinkedAccounts;
import ru.rusoragentai.console.kit.EChart;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Linked accounts as an ECharts force graph: a node per account (the starting ones larger, coloured by risk), an edge
 * per shared address, network, device or referral. Clicking a node opens that user's page for staff who may. Names go
 * into the option as JSON values and are shown as plain text (tooltips are escaped by the formatter here).
 */
class LinkedGraph extends VerticalLayout {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    LinkedGraph(LinkedAccounts graph, boolean canOpenUsers) {
        setPadding(false);
        setId("linked-graph");
        if (graph.accounts().size() <= 1) {
            add(new Paragraph(getTranslation("abuse.graph.none")));
            return;
        }
        EChart chart = new EChart();
        chart.setId("linked-graph-chart");
        chart.setHeight("420px");
        chart.getStyle().set("flex-shrink", "0");
        chart.setOption(option(graph));
        if (canOpenUsers) {
            chart.getElement().executeJs("""
                    const el = this;
                    const hook = () => {
                      const chart = window.echarts && echarts.getInstanceByDom(el);
                      if (!chart) { setTimeout(hook, 200); return; }
                      chart.off('click');
                      chart.on('click', p => { if (p.dataType === 'node') { window.location.href = 'users/' + p.data.userId; } });
                    };
                    hook();""");
        }
        add(chart);
        add(new Paragraph(getTranslation("abuse.graph.legend", graph.accounts().size(), graph.links().size())
                + (graph.cut() ? " " + getTranslation("abuse.graph.cut") : "")));
    }

    static String option(LinkedAccounts graph) {
        ObjectNode option = JSON.createObjectNode();
        option.putObject("tooltip").put("confine", true);
        ObjectNode series = option.putArray("series").addObject();
        series.put("type", "graph").put("layout", "force").put("roam", true).put("draggable", true);
        series.putObject("force").put("repulsion", 140).put("edgeLength", 90);
        // names beside every node only while they fit; in a larger graph the tooltip names each node
        series.putObject("label").put("show", graph.accounts().size() <= 15).put("position", "right");
        ArrayNode nodes = series.putArray("data");
        for (LinkedAccounts.Account a : graph.accounts()) {
            ObjectNode node = nodes.addObject();
            node.put("id", Long.toString(a.userId()));
            node.put("userId", a.userId());
            node.put("name", plain(a.displayName() == null ? "#" + a.userId() : a.displayName()) + " #" + a.userId());
            node.put("value", a.score());
            node.put("symbolSize", a.start() ? 28 : 16);
            node.putObject("itemStyle").put("color", a.score() >= 50 ? "#d7373f" : a.score() > 0 ? "#e68619" : a.start() ? "#1a73e8" : "#8a94a6");
        }
        ArrayNode edges = series.putArray("links");
        for (LinkedAccounts.Link l : graph.links()) {
            ObjectNode edge = edges.addObject();
            edge.put("source", Long.toString(l.from()));
            edge.put("target", Long.toString(l.to()));
            edge.put("name", plain(l.via() + (l.value().isEmpty() ? "" : " " + l.value())));
            edge.putObject("lineStyle").put("type", "referral".equals(l.via()) ? "dashed" : "solid");
        }
        return option.toString();
    }

    /** ECharts 5.3 renders tooltip text as HTML: names lose the characters markup is made of. */
    private static String plain(String text) {
        return text.replaceAll("[<>&\"']", "");
    }
}
