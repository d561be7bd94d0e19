package io.smnode.core.codec;

import io.smnode.core.codec.ScaleException.Reason;
import io.smnode.core.util.Utf8;
import java.nio.charset.CharacterCodingException;

/**
 * Reads SCALE values from a byte array, front to back, with the checks go-scale v1.2.1 makes (and the ones its
 * callers make): truncation, non-canonical compact integers per target type, length caps, nesting depth, and,
 * through {@link #finish()}, trailing bytes. Every failure is a {@link ScaleException}; nothing here throws an
 * unchecked exception on any input, and nothing allocates more than the input still holds or a declared cap allows.
 *
 * <p>The reader never writes to the array it is given and does not copy it. Single-threaded and single-use:
 * after a ScaleException its position and field path are those of the failure, so it must not be reused.
 */
public final class ScaleReader {
    /** go-scale's own default nesting limit; the codec vectors are produced with it. */
    public static final int GO_SCALE_MAX_NESTED = 4;
    /** go-spacemesh's {@code codec} package raises the limit to 6 for every protocol message. */
    public static final int SPACEMESH_MAX_NESTED = 6;
    /** Length cap of a collection that declares no {@code scale:"max=N"} (go-scale's MaxElements). */
    public static final long DEFAULT_MAX_ELEMENTS = 1L << 20;
    /** A length prefix is a compact uint32, so no declared maximum can exceed this. */
    public static final long MAX_LENGTH = 0xffff_ffffL;

    static final long MAX_U6 = (1L << 6) - 1;
    static final long MAX_U14 = (1L << 14) - 1;
    static final long MAX_U30 = (1L << 30) - 1;

    private final byte[] input;
    private final FieldPath path = new FieldPath();
    private int pos;
    private int nestingLeft;

    /** A reader with go-spacemesh's nesting limit. */
    public ScaleReader(byte[] input) {
        this(input, SPACEMESH_MAX_NESTED);
    }

    public ScaleReader(byte[] input, int maxNested) {
        if (input == null) {
            throw new IllegalArgumentException("input must not be null");
        }
        if (maxNested < 0) {
            throw new IllegalArgumentException("maxNested must be >= 0, got " + maxNested);
        }
        this.input = input;
        this.nestingLeft = maxNested;
    }

    public int position() {
        return pos;
    }

    public int remaining() {
        return input.length - pos;
    }

    /** Decodes one named field; a failure inside reports the name in its path. */
    public <T> T field(String name, ScaleCodec<T> codec) throws ScaleException {
        path.enterField(name);
        T value = codec.decode(this);
        path.leave();
        return value;
    }

    /** Decodes element {@code index} of a collection; a failure inside reports {@code [index]} in its path. */
    public <T> T element(int index, ScaleCodec<T> codec) throws ScaleException {
        path.enterElement(index);
        T value = codec.decode(this);
        path.leave();
        return value;
    }

    /**
     * Counts one level of nesting, as go-scale does on entering an option of a struct, a struct slice or a struct
     * array. Pair with {@link #leaveNested()}.
     */
    public void enterNested() throws ScaleException {
        if (nestingLeft == 0) {
            throw error(Reason.NESTED_TOO_DEEP, pos, "options/struct collections nested deeper than the limit");
        }
        nestingLeft--;
    }

    public void leaveNested() {
        nestingLeft++;
    }

    /** One raw byte, 0..255. */
    public int readByte() throws ScaleException {
        need(1, pos);
        return input[pos++] & 0xff;
    }

    /** go-scale reads a bool as {@code byte == 1}: every other byte is false, never an error. */
    public boolean readBool() throws ScaleException {
        return readByte() == 1;
    }

    public int readU16Le() throws ScaleException {
        return (int) readLittleEndian(2, pos);
    }

    public long readU32Le() throws ScaleException {
        return readLittleEndian(4, pos);
    }

    /** The unsigned 64-bit value as the bits of a long. */
    public long readU64Le() throws ScaleException {
        return readLittleEndian(8, pos);
    }

    /** Exactly {@code length} raw bytes (a {@code [N]byte}). */
    public byte[] readFixed(int length) throws ScaleException {
        need(length, pos);
        byte[] out = new byte[length];
        System.arraycopy(input, pos, out, 0, length);
        pos += length;
        return out;
    }

    /** A compact integer into a uint8: 1- or 2-byte mode only. */
    public int readCompactU8() throws ScaleException {
        return (int) readCompact(0xffL, 0, "uint8");
    }

    /** A compact integer into a uint16: 1-, 2- or 4-byte mode. */
    public int readCompactU16() throws ScaleException {
        return (int) readCompact(0xffffL, 0, "uint16");
    }

    /** A compact integer into a uint32: big-integer mode only with exactly 4 bytes. */
    public long readCompactU32() throws ScaleException {
        return readCompact(0xffff_ffffL, 4, "uint32");
    }

    /** A compact integer into a uint64, returned as the bits of a long. */
    public long readCompactU64() throws ScaleException {
        return readCompact(-1L, 8, "uint64");
    }

    /** A collection length prefix (compact uint32), refused above {@code max}. */
    public long readLength(long max) throws ScaleException {
        checkMax(max);
        int start = pos;
        long length = readCompactU32();
        if (length > max) {
            throw error(Reason.TOO_LONG, start, "length " + length + " is above the maximum " + max);
        }
        return length;
    }

    /** A {@code []byte}: compact length (at most {@code max}) then the bytes. */
    public byte[] readByteSlice(long max) throws ScaleException {
        int start = pos;
        long length = readLength(max);
        // Checked before allocating: a forged length costs the attacker bytes, not us memory.
        need(length, start);
        return readFixed((int) length);
    }

    /**
     * A string: a byte slice that must be valid UTF-8. go-scale does not check, but a Java String cannot hold
     * invalid UTF-8 and re-encode the same bytes, so such input is refused instead of silently altered.
     */
    public String readString(long max) throws ScaleException {
        int start = pos;
        byte[] bytes = readByteSlice(max);
        try {
            return Utf8.decodeStrict(bytes);
        } catch (CharacterCodingException e) {
            throw error(Reason.INVALID_VALUE, start, "string is not valid UTF-8");
        }
    }

    /** Requires the whole input to have been consumed. */
    public void finish() throws ScaleException {
        if (pos != input.length) {
            throw error(Reason.TRAILING_BYTES, pos, remaining() + " bytes left after the value");
        }
    }

    /** An error at {@code offset} carrying the current field path; for codecs that validate values themselves. */
    public ScaleException error(Reason reason, int offset, String detail) {
        return new ScaleException(reason, path.render(), offset, detail);
    }

    /**
     * The shared compact decoder. go-scale's per-type rules: a mode the type can never need is OUT_OF_RANGE
     * (uint8 refuses modes 2 and 3, uint16 mode 3, uint32 big mode with more than 4 bytes); a value that fits a
     * smaller mode is NON_CANONICAL, except that big mode only checks value > 2^30-1, so a non-minimal byte count
     * there is accepted, as Go accepts it.
     */
    private long readCompact(long maxValue, int maxBigBytes, String type) throws ScaleException {
        int start = pos;
        int header = readByte();
        switch (header & 3) {
            case 0:
                return header >>> 2;
            case 1: {
                long value = (header | readLittleEndian(1, start) << 8) >>> 2;
                checkCompact(value, MAX_U6, maxValue, type, start);
                return value;
            }
            case 2: {
                if (Long.compareUnsigned(maxValue, 0xff) <= 0) {
                    throw error(Reason.OUT_OF_RANGE, start, "4-byte compact mode overflows " + type);
                }
                long value = (header | readLittleEndian(3, start) << 8) >>> 2;
                checkCompact(value, MAX_U14, maxValue, type, start);
                return value;
            }
            default: {
                int length = (header >>> 2) + 4;
                if (length > maxBigBytes) {
                    throw error(Reason.OUT_OF_RANGE, start,
                            "big-integer compact of " + length + " bytes overflows " + type);
                }
                long value = readLittleEndian(length, start);
                if (Long.compareUnsigned(value, MAX_U30) <= 0) {
                    throw error(Reason.NON_CANONICAL, start,
                            "value " + value + " in big-integer mode fits a smaller compact mode");
                }
                return value;
            }
        }
    }

    private void checkCompact(long value, long smallerModeMax, long maxValue, String type, int start)
            throws ScaleException {
        if (value <= smallerModeMax) {
            throw error(Reason.NON_CANONICAL, start, "value " + value + " fits a smaller compact mode");
        }
        if (Long.compareUnsigned(value, maxValue) > 0) {
            throw error(Reason.OUT_OF_RANGE, start, "value " + value + " overflows " + type);
        }
    }

    private long readLittleEndian(int length, int start) throws ScaleException {
        need(length, start);
        long value = 0;
        for (int i = 0; i < length; i++) {
            value |= (long) (input[pos + i] & 0xff) << (8 * i);
        }
        pos += length;
        return value;
    }

    private void need(long length, int start) throws ScaleException {
        if (length > remaining()) {
            throw error(Reason.TRUNCATED, start, "needs " + length + " more bytes at byte " + pos + ", only "
                    + remaining() + " left");
        }
    }

    static void checkMax(long max) {
        if (max < 0 || max > MAX_LENGTH) {
            throw new IllegalArgumentException("a collection maximum must be within 0..2^32-1, got " + max);
        }
    }
}
