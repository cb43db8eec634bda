package ru.rusoragentai.console.abuse.detect;

import org.jspecify.annotations.Nullable;
import java.util.Map;

/**
 * Approximate positions (latitude, longitude) of the places sessions report: the region where it is known, else the
 * country. Distances between them are great-circle distances; unknown places are never judged.
 */
final class Places {

    private static final Map<String, double[]> REGIONS = Map.ofEntries(
            Map.entry("RU/Moscow", new double[] {55.76, 37.62}), Map.entry("RU/Saint Petersburg", new double[] {59.94, 30.31}),
            Map.entry("RU/Novosibirsk", new double[] {55.03, 82.92}), Map.entry("RU/Kazan", new double[] {55.79, 49.12}),
            Map.entry("RU/Vladivostok", new double[] {43.12, 131.89}), Map.entry("RU/Yekaterinburg", new double[] {56.84, 60.61}),
            Map.entry("US/California", new double[] {36.78, -119.42}), Map.entry("US/New York", new double[] {40.71, -74.01}));

    private static final Map<String, double[]> COUNTRIES = Map.ofEntries(
            Map.entry("RU", new double[] {55.76, 37.62}), Map.entry("KZ", new double[] {43.24, 76.89}),
            Map.entry("BY", new double[] {53.90, 27.56}), Map.entry("UA", new double[] {50.45, 30.52}),
            Map.entry("RS", new double[] {44.79, 20.45}), Map.entry("GE", new double[] {41.72, 44.79}),
            Map.entry("AM", new double[] {40.18, 44.51}), Map.entry("AZ", new double[] {40.41, 49.87}),
            Map.entry("UZ", new double[] {41.30, 69.24}), Map.entry("KG", new double[] {42.87, 74.59}),
            Map.entry("DE", new double[] {52.52, 13.40}), Map.entry("FR", new double[] {48.86, 2.35}),
            Map.entry("GB", new double[] {51.51, -0.13}), Map.entry("NL", new double[] {52.37, 4.90}),
            Map.entry("PL", new double[] {52.23, 21.01}), Map.entry("FI", new double[] {60.17, 24.94}),
            Map.entry("ES", new double[] {40.42, -3.70}), Map.entry("IT", new double[] {41.90, 12.50}),
            Map.entry("TR", new double[] {41.01, 28.98}), Map.entry("AE", new double[] {25.20, 55.27}),
            Map.entry("IL", new double[] {32.09, 34.78}), Map.entry("IN", new double[] {28.61, 77.21}),
            Map.entry("CN", new double[] {39.90, 116.41}), Map.entry("JP", new double[] {35.68, 139.69}),
            Map.entry("TH", new double[] {13.76, 100.50}), Map.entry("VN", new double[] {21.03, 105.85}),
            Map.entry("ID", new double[] {-6.21, 106.85}), Map.entry("US", new double[] {39.83, -98.58}),
            Map.entry("CA", new double[] {45.42, -75.70}), Map.entry("BR", new double[] {-15.79, -47.88}),
            Map.entry("AR", new double[] {-34.60, -58.38}), Map.entry("MX", new double[] {19.43, -99.13}),
            Map.entry("AU", new double[] {-33.87, 151.21}), Map.entry("ZA", new double[] {-26.20, 28.05}),
            Map.entry("EG", new double[] {30.04, 31.24}), Map.entry("NG", new double[] {6.52, 3.38}),
            Map.entry("CY", new double[] {35.17, 33.36}), Map.entry("ME", new double[] {42.44, 19.26}),
            Map.entry("MN", new double[] {47.89, 106.91}), Map.entry("SG", new double[] {1.35, 103.82}));

    private Places() {
    }

    /** Position of a session's place, or null when the country is unknown. */
    static double @Nullable [] position(String country, String region) {
        if (country == null) {
            return null;
        }
        double[] regional = region == null ? null : REGIONS.get(country + "/" + region);
        return regional != null ? regional : COUNTRIES.get(country);
    }

    static double kilometres(double[] a, double[] b) {
        double lat1 = Math.toRadians(a[0]);
        double lat2 = Math.toRadians(b[0]);
        double dLat = lat2 - lat1;
        double dLon = Math.toRadians(b[1] - a[1]);
        double h = Math.pow(Math.sin(dLat / 2), 2) + Math.cos(lat1) * Math.cos(lat2) * Math.pow(Math.sin(dLon / 2), 2);
        return 2 * 6371 * Math.asin(Math.min(1, Math.sqrt(h)));
    }
}
