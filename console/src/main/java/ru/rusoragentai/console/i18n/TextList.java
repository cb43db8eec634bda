package ru.rusoragentai.console.i18n;

import java.util.List;

/** Texts said one after another with a separator between them, as one argument of another text. */
public record TextList(List<Text> items, String separator) {

    public TextList {
        items = List.copyOf(items);
    }
}
