package ru.rusoragentai.console.support;

import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import ru.rusoragentai.console.abuse.detect.Detector;
import ru.rusoragentai.console.abuse.detect.Finding;
import ru.rusoragentai.console.abuse.detect.Rule;
import ru.rusoragentai.console.abuse.detect.Scope;
import ru.rusoragentai.console.abuse.detect.Source;

/**
 * A detector that throws, for the test that a failing rule is recorded and the others still run. It only runs while
 * a test has put its rule row ({@value #CODE}) in the database.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestDetectors {

    public static final String CODE = "test_failing";
    public static final AtomicBoolean FAIL = new AtomicBoolean(true);

    @Bean
    Detector failingDetector() {
        return new Detector() {
            @Override
            public String code() {
                return CODE;
            }

            @Override
            public Source source() {
                return Source.USERS;
            }

            @Override
            public List<Finding> evaluate(Rule rule, Scope scope) {
                if (FAIL.get()) {
                    throw new IllegalStateException("the test detector fails on purpose");
                }
                return List.of();
            }
        };
    }
}
