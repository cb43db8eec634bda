package ru.rusoragentai.console.abuse;

/** How the queue is ordered: by a column, newest or highest first unless ascending. */
public record QueueSort(Key key, boolean ascending) {

    public enum Key { CREATED, SCORE, SEVERITY, RULE, STATUS }

    public static final QueueSort NEWEST = new QueueSort(Key.CREATED, false);
}
