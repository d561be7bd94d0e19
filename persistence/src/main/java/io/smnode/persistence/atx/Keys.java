package io.smnode.persistence.atx;

import io.smnode.core.types.Bytes;
import io.smnode.core.types.FixedBytes;
import java.nio.ByteBuffer;

/** Composite keys of the ATX tables: ids and big-endian numbers concatenated, so that prefixes scan in order. */
final class Keys {
    private Keys() {}

    static Bytes of(Object... parts) {
        int length = 0;
        for (Object p : parts) {
            length += p instanceof FixedBytes f ? f.length() : Long.BYTES;
        }
        ByteBuffer b = ByteBuffer.allocate(length);
        for (Object p : parts) {
            if (p instanceof FixedBytes f) {
                b.put(f.toByteArray());
            } else {
                b.putLong((Long) p);
            }
        }
        return Bytes.wrap(b.array());
    }

    /** The 32-byte id that ends {@code key}. */
    static byte[] tail32(Bytes key) {
        byte[] k = key.toByteArray();
        byte[] out = new byte[32];
        System.arraycopy(k, k.length - 32, out, 0, 32);
        return out;
    }

    /** The big-endian number at {@code offset} of {@code key}. */
    static long longAt(Bytes key, int offset) {
        return ByteBuffer.wrap(key.toByteArray(), offset, Long.BYTES).getLong();
    }
}
