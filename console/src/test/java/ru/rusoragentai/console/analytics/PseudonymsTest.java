package ru.rusoragentai.console.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Pseudonyms hold within one key and differ across keys, whatever the cache of recent ones holds. */
class PseudonymsTest {

    @Test
    void shouldGiveEachUserOneNameUnderAKeyAndAnotherUnderTheNextEvenWhenTheirCacheSlotsCollide() {
        Pseudonyms names = Pseudonyms.fresh();
        long user = 42;
        long sameSlot = user + 4_096;
        String first = names.of(user);
        String other = names.of(sameSlot);

        assertThat(first).matches("u-[A-Za-z0-9_-]{16}").isNotEqualTo(other);
        assertThat(names.of(user)).as("after its slot was taken by another user").isEqualTo(first);
        assertThat(names.of(sameSlot)).isEqualTo(other);
        assertThat(names.of(sameSlot)).as("from the cache").isEqualTo(other);
        assertThat(Pseudonyms.fresh().of(user)).as("another export's key").isNotEqualTo(first);
        assertThat(names.of(0)).as("id 0 is not taken for an empty slot").isNotEqualTo(names.of(4_096)).isEqualTo(names.of(0));
    }
}
