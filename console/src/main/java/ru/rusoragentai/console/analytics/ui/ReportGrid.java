package ru.rusoragentai.console.analytics.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.FooterRow;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import ru.rusoragentai.console.analytics.ReportTable;

/**
 * A report table as a grid: a column per table column, numbers right-aligned with the reader's separators, every
 * column sortable by its value (not its text), and the totals row in the footer.
 */
final class ReportGrid extends Grid<Object[]> {

    private final Locale locale;
    private final String totalLabel;
    private final List<Grid.Column<Object[]>> shown = new ArrayList<>();
    private List<String> headers = List.of();
    private final List<FooterRow> footers = new ArrayList<>();

    /** {@code totalLabel} names the totals rows where their first cell is empty. */
    ReportGrid(Locale locale, String totalLabel) {
        this.locale = locale;
        this.totalLabel = totalLabel;
        addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COMPACT);
        setWidthFull();
        setHeight("560px");
    }

    /** Shows a table: its columns (rebuilt when they change), rows and totals. */
    void show(ReportTable table) {
        List<String> wanted = table.columns().stream().map(ru.rusoragentai.console.export.Column::header).toList();
        if (!wanted.equals(headers)) {
            shown.forEach(this::removeColumn);
            shown.clear();
            headers = wanted;
            for (int i = 0; i < table.columns().size(); i++) {
                int index = i;
                ru.rusoragentai.console.export.Column column = table.columns().get(i);
                boolean numeric = column.kind() != ru.rusoragentai.console.export.Column.Kind.TEXT
                        && column.kind() != ru.rusoragentai.console.export.Column.Kind.DATE;
                Grid.Column<Object[]> added = addColumn(row -> format(row[index], column.kind()))
                        .setHeader(numeric ? numericHeader(column.header()) : new com.vaadin.flow.component.html.Span(column.header()))
                        .setWidth(column.kind() == ru.rusoragentai.console.export.Column.Kind.TEXT ? "16em" : width(column.header())).setSortable(true).setComparator(Comparator.comparing(row -> sortable(row[index])));
                if (numeric) {
                    added.setTextAlign(ColumnTextAlign.END);
                }
                shown.add(added);
            }
        }
        setItems(table.rows());
        footers.forEach(this::removeFooterRow);
        footers.clear();
        for (Object[] totals : table.totals()) {
            FooterRow footer = appendFooterRow();
            footers.add(footer);
            for (int i = 0; i < shown.size(); i++) {
                String text = format(totals[i], table.columns().get(i).kind());
                footer.getCell(shown.get(i)).setText(i == 0 && text.isEmpty() ? totalLabel : text);
            }
        }
    }

    /** Wide enough for the header and the sort arrows: data is never wider than its header here but for dates. */
    static String width(String header) {
        return Math.max(7, header.length() * 0.62 + 2.5) + "em";
    }

    /** A header that lines up with the right-aligned numbers below it (console.css puts its sorter at the end). */
    static com.vaadin.flow.component.html.Span numericHeader(String text) {
        com.vaadin.flow.component.html.Span header = new com.vaadin.flow.component.html.Span(text);
        header.addClassName("numeric-header");
        return header;
    }

    String format(Object value, ru.rusoragentai.console.export.Column.Kind kind) {
        return switch (value) {
            case null -> "";
            case Number n when kind == ru.rusoragentai.console.export.Column.Kind.PERCENT -> percent(n.doubleValue());
            case BigDecimal d -> decimal(d);
            case Number n -> NumberFormat.getIntegerInstance(locale).format(n.longValue());
            default -> value.toString();
        };
    }

    private String percent(double share) {
        NumberFormat format = NumberFormat.getPercentInstance(locale);
        format.setMaximumFractionDigits(1);
        return format.format(share);
    }

    private String decimal(BigDecimal value) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(2);
        format.setMaximumFractionDigits(2);
        return format.format(value);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparable sortable(Object value) {
        return value instanceof Comparable c ? c : value == null ? "" : value.toString();
    }
}
