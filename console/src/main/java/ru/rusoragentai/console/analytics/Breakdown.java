package ru.rusoragentai.console.analytics;

/** What a report's rows are split by within each period, besides the period itself. */
public enum Breakdown {
    NONE, PROVIDER, MODEL, FEATURE, COUNTRY
}
