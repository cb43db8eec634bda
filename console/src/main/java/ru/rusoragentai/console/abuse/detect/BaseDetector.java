package ru.rusoragentai.console.abuse.detect;

import java.util.List;

/** What every detector declares the same way: its code, its source and its own parameters. */
abstract class BaseDetector implements Detector {

    private final String code;
    private final Source source;
    private final List<ParamSpec> params;

    BaseDetector(String code, Source source, ParamSpec... params) {
        this.code = code;
        this.source = source;
        this.params = List.of(params);
    }

    @Override
    public final String code() {
        return code;
    }

    @Override
    public final Source source() {
        return source;
    }

    @Override
    public final List<ParamSpec> params() {
        return params;
    }
}
