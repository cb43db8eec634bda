package ru.rusoragentai.console.kit;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.html.Div;

/**
 * An Apache ECharts chart (the free, maintained charting library), loaded from its WebJar at run
 * time so no frontend bundle build is needed. The option JSON is kept in an element property, which
 * is also how tests read back what would be drawn.
 */
public class EChart extends Div {

    public static final String SCRIPT = "context://webjars/echarts/5.3.1/dist/echarts.min.js";

    public EChart() {
        setWidthFull();
        setHeight("320px");
        addClassName("echart");
    }

    public void setOption(String optionJson) {
        getElement().setProperty("option", optionJson);
        if (isAttached()) {
            render();
        }
    }

    public String getOption() {
        return getElement().getProperty("option", "{}");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        event.getUI().getPage().addJavaScript(SCRIPT);
        render();
    }

    private void render() {
        getElement().executeJs("""
                const el = this;
                const draw = () => {
                  if (!window.echarts) { setTimeout(draw, 100); return; }
                  const chart = echarts.getInstanceByDom(el) || echarts.init(el);
                  chart.setOption(JSON.parse(el.option || '{}'), true);
                  if (!el.__resizeObserver) {
                    el.__resizeObserver = new ResizeObserver(() => chart.resize());
                    el.__resizeObserver.observe(el);
                  }
                };
                draw();""");
    }
}
