package ru.rusoragentai.console.kit;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.data.provider.SortDirection;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.ToLongFunction;

/** Columns and orders every grid of the console shares. */
public final class GridColumns {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private GridColumns() {
    }

    /** A right-aligned column of formatted numbers, sortable by value; {@code signed} shows a plus on gains. */
    public static <T> Grid.Column<T> numberColumn(Grid<T> grid, ToLongFunction<T> value, boolean signed) {
        return grid.addColumn(row -> signed ? Numbers.signed(grid, value.applyAsLong(row)) : Numbers.whole(grid, value.applyAsLong(row)))
                .setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setComparator(row -> value.applyAsLong(row));
    }

    /** Whether a lazy grid's query asks for its time column newest first (the default, when it asks for no order). */
    public static boolean newestFirst(com.vaadin.flow.data.provider.Query<?, ?> query) {
        return query.getSortOrders().stream().findFirst().map(o -> o.getDirection() == SortDirection.DESCENDING).orElse(true);
    }

    /** A time to the minute, ISO style, as every grid shows it; empty for none. */
    public static String time(LocalDateTime time) {
        return time == null ? "" : TIME.format(time);
    }
}
