package ru.rusoragentai.console.demo;

import org.jspecify.annotations.Nullable;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.SplittableRandom;

/** Who the demo users are: names, contacts, sign-up times, ages and retention choices, drawn from the seeded random. */
final class DemoPersonas {

    private final SplittableRandom random;
    private final LocalDateTime now;
    private final LocalDateTime start;

    DemoPersonas(SplittableRandom random, LocalDateTime now, LocalDateTime start) {
        this.random = random;
        this.now = now;
        this.start = start;
    }

    record Persona(@Nullable String username, @Nullable String displayName, @Nullable String email, long telegramId, boolean cyrillic,
                           LocalDateTime created, Integer retentionDays, @Nullable Short birthYear, boolean possibleMinor,
                           @Nullable String planted) {
    }

    /** The user with this id (1-based) of {@code users}: a name in Latin or Cyrillic, a planted role or none. */
    Persona next(int id, int users) {
        boolean cyrillic = random.nextBoolean();
        String first;
        String displayName;
        int nameIndex = random.nextInt(DemoCatalog.CYRILLIC_FIRST.size());
        if (cyrillic) {
            first = DemoCatalog.TRANSLIT_FIRST.get(nameIndex);
            // the catalogue alternates male and female first names; Russian surnames agree in gender
            String surname = pick(random, DemoCatalog.CYRILLIC_LAST);
            displayName = DemoCatalog.CYRILLIC_FIRST.get(nameIndex) + " " + (nameIndex % 2 == 1 ? surname + "а" : surname);
        } else {
            String latin = pick(random, DemoCatalog.LATIN_FIRST);
            first = latin.toLowerCase();
            displayName = latin + " " + pick(random, DemoCatalog.LATIN_LAST);
        }
        String planted = DemoPlants.role(id, users);
        String username = DemoPlants.ordinaryName(planted) ? first + "_" + id : planted;
        if (planted != null && planted.startsWith("shared_ip")) {
            username = "newbie_" + id;
        }
        String email = random.nextInt(10) < 4 ? username.replace('_', '.') + "@" + pick(random, DemoCatalog.EMAIL_DOMAINS) : null;
        LocalDateTime created = planted != null && planted.startsWith("shared_ip")
                ? now.minusHours(1 + random.nextInt(40))
                : between(random, start, now.minusDays(1));
        boolean minor = id % 397 == 0;
        Short birthYear = null;
        if (minor) {
            birthYear = (short) (now.getYear() - 14);
        } else if (random.nextInt(3) == 0) {
            birthYear = (short) (1965 + random.nextInt(42));
        }
        Integer retention = switch (random.nextInt(4)) {
            case 0 -> 30;
            case 1 -> 90;
            case 2 -> 365;
            default -> null;
        };
        return new Persona(username, displayName, email, 100_000_000L + id * 7919L, cyrillic, created, retention,
                birthYear, minor, planted);
    }

    static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    static LocalDateTime between(SplittableRandom random, LocalDateTime from, LocalDateTime to) {
        long span = Math.max(1, ChronoUnit.SECONDS.between(from, to));
        return from.plusSeconds(random.nextLong(span));
    }
}
