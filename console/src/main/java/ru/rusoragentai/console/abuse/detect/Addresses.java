package ru.rusoragentai.console.abuse.detect;

import org.jspecify.annotations.Nullable;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/** Stored addresses (4 or 16 bytes) and network prefixes (3 bytes of IPv4, 8 of IPv6) as people write them. */
public final class Addresses {

    private Addresses() {
    }

    public static @Nullable String ip(byte @Nullable [] address) {
        if (address == null) {
            return null;
        }
        try {
            return InetAddress.getByAddress(address).getHostAddress();
        } catch (UnknownHostException e) {
            return "?";
        }
    }

    /** A /24 (IPv4) or /64 (IPv6) prefix in CIDR notation. */
    public static @Nullable String network(byte @Nullable [] prefix) {
        if (prefix == null) {
            return null;
        }
        byte[] full = Arrays.copyOf(prefix, prefix.length == 3 ? 4 : 16);
        return ip(full) + (prefix.length == 3 ? "/24" : "/64");
    }
}
