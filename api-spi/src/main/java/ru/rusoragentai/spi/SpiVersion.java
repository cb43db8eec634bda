package ru.rusoragentai.spi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The version of this contract, set as PF4J's system version by the console. */
public final class SpiVersion {

    private static final String CURRENT = load();

    private SpiVersion() {
    }

    /** The semantic version of the api-spi the running console was built with, for example {@code 1.0.0}. */
    public static String current() {
        return CURRENT;
    }

    private static String load() {
        try (InputStream in = SpiVersion.class.getResourceAsStream("spi-version.properties")) {
            if (in == null) {
                throw new IllegalStateException("spi-version.properties missing from api-spi");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
