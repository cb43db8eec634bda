package ru.rusoragentai.spi;

import java.util.Map;
import java.util.Objects;

/** The outcome of {@link PrivacyConnector#collect} or {@link PrivacyConnector#erase}. */
public sealed interface PrivacyResult {

    /** Nothing about the subject is held remotely. */
    record NothingHeld() implements PrivacyResult {
    }

    /**
     * Data was found (collect) or erased (erase).
     *
     * @param items   collect: category name to a JSON document of the data; erase: category to a count
     * @param summary one line for the privacy officer
     */
    record Done(Map<String, String> items, String summary) implements PrivacyResult {
        public Done {
            items = Map.copyOf(items);
            Objects.requireNonNull(summary, "summary");
        }
    }
}
