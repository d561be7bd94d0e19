package io.smnode.p2p.wire;

/**
 * Unsigned LEB128 varints as libp2p (multiformats unsigned-varint) and Go's {@code binary.PutUvarint} write them.
 * Decoding refuses non-minimal encodings longer than 9 bytes (the multiformats limit), so a hostile peer cannot make
 * a length field run on.
 */
public final class Uvarint {
    /** Longest encoding accepted: 9 bytes carry 63 bits. */
    public static final int MAX_BYTES = 9;
    /** What {@link #decode} returns when the buffer ends before the varint does. */
    public static final long INCOMPLETE = -1;

    private Uvarint() {}

    public static int size(long value) {
        int n = 1;
        while ((value & ~0x7FL) != 0) {
            value >>>= 7;
            n++;
        }
        return n;
    }

    public static byte[] encode(long value) {
        byte[] out = new byte[size(value)];
        write(value, out, 0);
        return out;
    }

    /** Writes at {@code offset}; returns the offset after the varint. */
    public static int write(long value, byte[] out, int offset) {
        while ((value & ~0x7FL) != 0) {
            out[offset++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out[offset++] = (byte) value;
        return offset;
    }

    /**
     * Decodes a varint starting at {@code offset} that must end before {@code limit}.
     *
     * @return the value, or {@link #INCOMPLETE} when more bytes are needed; the length read is {@link #size} of it
     * @throws WireException when it is longer than 9 bytes
     */
    public static long decode(byte[] buf, int offset, int limit) {
        long value = 0;
        for (int i = 0; i < MAX_BYTES; i++) {
            if (offset + i >= limit) {
                return INCOMPLETE;
            }
            int b = buf[offset + i] & 0xFF;
            value |= (long) (b & 0x7F) << (7 * i);
            if ((b & 0x80) == 0) {
                if (b == 0 && i > 0) {
                    throw new WireException("varint is not minimally encoded");
                }
                return value;
            }
        }
        throw new WireException("varint longer than " + MAX_BYTES + " bytes");
    }
}
