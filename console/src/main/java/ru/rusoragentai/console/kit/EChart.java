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

    /** The language numbers on value axes and in tooltips are written in ("2 500" in Russian, "2,500" in English). */
    public String getNumberLocale() {
        return getElement().getProperty("locale", "");
    }

    @Override
    protected void onAttach(AttachEvent event) {
        super.onAttach(event);
        event.getUI().getPage().addJavaScript(SCRIPT);
        getElement().setProperty("locale", event.getUI().getLocale().toLanguageTag());
        render();
    }

    private void render() {
        getElement().executeJs("""
                const el = this;
                const draw = () => {
                  if (!window.echarts) { setTimeout(draw, 100); return; }
                  const chart = echarts.getInstanceByDom(el) || echarts.init(el);
                  const option = JSON.parse(el.option || '{}');
                  // ECharts writes every number with commas; value axes and tooltips get the staff member's language
                  const numbers = new Intl.NumberFormat(el.locale || undefined);
                  const format = v => typeof v === 'number' ? numbers.format(v) : v;
                  for (const key of ['xAxis', 'yAxis']) {
                    const axes = option[key] === undefined ? [] : [].concat(option[key]);
                    axes.filter(axis => (axis.type || (key === 'yAxis' ? 'value' : 'category')) === 'value')
                        .forEach(axis => { axis.axisLabel = Object.assign({ formatter: format }, axis.axisLabel); });
                  }
                  if (option.tooltip) {
                    option.tooltip = Object.assign({ valueFormatter: format }, option.tooltip);
                  }
                  chart.setOption(option, true);
                  if (!el.__resizeObserver) {
                    el.__resizeObserver = new ResizeObserver(() => chart.resize());
                    el.__resizeObserver.observe(el);
                  }
                };
                draw();""");
    }
}
