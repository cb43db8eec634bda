package ru.rusoragentai.console.abuse.detect;

import org.jspecify.annotations.Nullable;
import java.nio.ByteBuffer;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.HashMap;
import java.util.TreeSet;

/**
 * The grouping {@link SessionSignals#sharedKeys} asks the database for, done on a window's sessions held in memory: per
 * key of a kind, the accounts, the sessions, the smallest address and device. Keys come in the order of their bytes, as
 * MariaDB groups them.
 */
final class KeyGroups {

    /** A session's keys, as multi-accounting groups them. */
    record KeyRow(LocalDateTime startedAt, long userId, @Nullable byte[] ip, @Nullable byte[] net, byte[] deviceFp, @Nullable String device) {
    }

    private KeyGroups() {
    }

    static List<SessionSignals.SharedKey> shared(String kind, List<KeyRow> rows, long min) {
        // hashed while grouping (a byte-wise sorted map spent most of the range's time comparing keys); only the few
        // keys that qualify are put in MariaDB's order afterwards
        Map<ByteBuffer, Group> groups = new HashMap<>();
        for (KeyRow row : rows) {
            byte[] key = switch (kind) {
                case "ip" -> row.ip();
                case "net" -> row.net();
                case "device_fp" -> row.deviceFp();
                default -> throw new IllegalArgumentException(kind);
            };
            if (key != null) {
                groups.computeIfAbsent(ByteBuffer.wrap(key), k -> new Group(key)).add(row);
            }
        }
        List<Group> qualifying = new ArrayList<>();
        for (Group group : groups.values()) {
            if (group.users.size() >= min) {
                qualifying.add(group);
            }
        }
        qualifying.sort((a, b) -> Arrays.compareUnsigned(a.key, b.key));
        List<SessionSignals.SharedKey> shared = new ArrayList<>();
        for (Group group : qualifying) {
            shared.add(new SessionSignals.SharedKey(kind, group.key, List.copyOf(group.users), group.sessions, group.minIp,
                    group.minDevice));
        }
        return shared;
    }

    private static final class Group {
        private final byte[] key;
        private final TreeSet<Long> users = new TreeSet<>();
        private long sessions;
        private byte[] minIp;
        private String minDevice;

        Group(byte[] key) {
            this.key = key;
        }

        void add(KeyRow row) {
            users.add(row.userId());
            sessions++;
            if (row.ip() != null && (minIp == null || Arrays.compareUnsigned(row.ip(), minIp) < 0)) {
                minIp = row.ip();
            }
            if (row.device() != null && (minDevice == null || row.device().compareTo(minDevice) < 0)) {
                minDevice = row.device();
            }
        }
    }
}
