package ru.rusoragentai.console.usage;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.roaringbitmap.RoaringBitmap;

/** User ids in the roll-ups' bitmaps: unsigned 32-bit values, serialized in RoaringBitmap's portable format. */
final class Bitmaps {

    private Bitmaps() {
    }

    /** A user id as a bitmap holds it: an unsigned 32-bit value, which covers ids up to 4,294,967,295. */
    static int id(long userId) {
        if (userId >>> 32 != 0) {
            throw new IllegalStateException("user id " + userId + " is beyond what the users bitmap holds");
        }
        return (int) userId;
    }

    /** The bitmap, run-optimised, in the portable format the reports read back with ImmutableRoaringBitmap. */
    static byte[] bytes(RoaringBitmap users) {
        users.runOptimize();
        ByteArrayOutputStream out = new ByteArrayOutputStream(users.serializedSizeInBytes());
        try (DataOutputStream data = new DataOutputStream(out)) {
            users.serialize(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
