package ru.rusoragentai.console.demo;

import org.jspecify.annotations.Nullable;
import java.util.List;

/**
 * Which demo accounts carry a planted abuse pattern, so the detectors and a demo have something to find: a heavy user,
 * a usage spike, repeated refunds, a bonus-farming referral ring, an impossible traveller, the recipients of an
 * insider's generous goodwill, and a ring of new accounts on one address. Everyone else is an ordinary user.
 */
final class DemoPlants {

    static final String SHARED_IP = "203.0.113.77";
    static final String SPIKE_USERNAME = "spike_user";
    static final String REFUND_USERNAME = "refund_repeater";
    static final String HEAVY_USERNAME = "heavy_user";
    static final String FARM_BOSS = "farm_boss";
    static final String TRAVELLER = "globetrotter";
    static final String INSIDER = "support_mallory";
    static final List<String> STAFF = List.of("support_anna", "support_boris", "support_ivan");
    static final int SHARED_IP_ACCOUNTS = 25;
    static final int FARM_BOSS_ID = 4;
    static final int FARMED_FIRST = 5;
    static final int FARMED_LAST = 10;
    static final int TRAVELLER_ID = 11;
    /** Users 12..15 are driven by one script: their requests fall in the same seconds. */
    static final int LOCKSTEP_FIRST = 12;
    static final int LOCKSTEP_LAST = 15;
    /** Users 20..59 get one ordinary goodwill credit each from the other staff; 60..71 get the insider's. */
    static final int GOODWILL_FIRST = 20;
    static final int INSIDER_FIRST = 60;
    static final int INSIDER_LAST = 71;
    static final long REFERRAL_BONUS = 2_000;

    private DemoPlants() {
    }

    /** The planted role of user {@code id} among {@code users}, or null for an ordinary user. */
    static @Nullable String role(int id, int users) {
        if (users <= SHARED_IP_ACCOUNTS * 4) {
            return null;
        }
        if (id > users - SHARED_IP_ACCOUNTS) {
            return "shared_ip";
        }
        return switch (id) {
            case 1 -> HEAVY_USERNAME;
            case 2 -> SPIKE_USERNAME;
            case 3 -> REFUND_USERNAME;
            case FARM_BOSS_ID -> FARM_BOSS;
            case TRAVELLER_ID -> TRAVELLER;
            default -> id >= FARMED_FIRST && id <= FARMED_LAST ? "farmed"
                    : id >= LOCKSTEP_FIRST && id <= LOCKSTEP_LAST ? "lockstep" : null;
        };
    }

    static boolean farmed(String role) {
        return "farmed".equals(role);
    }

    static boolean lockstep(String role) {
        return "lockstep".equals(role);
    }

    /** Planted accounts that look like anyone else by name: the farm's referred accounts and the scripted ones. */
    static boolean ordinaryName(String role) {
        return role == null || farmed(role) || lockstep(role) || role.startsWith("shared_ip");
    }

    /** The staff member who granted user {@code id} goodwill, or null. */
    static @Nullable String goodwillFrom(int id, int users) {
        if (users <= SHARED_IP_ACCOUNTS * 4 || id < GOODWILL_FIRST || id > INSIDER_LAST) {
            return null;
        }
        return id >= INSIDER_FIRST ? INSIDER : STAFF.get(id % STAFF.size());
    }
}
