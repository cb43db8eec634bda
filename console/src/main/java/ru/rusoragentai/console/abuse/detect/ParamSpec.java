package ru.rusoragentai.console.abuse.detect;

/** An extra parameter a detector reads, with the bounds an edit must respect. */
public record ParamSpec(String name, long min, long max, long defaultValue) {
}
