package io.smnode.core.codec;

import io.smnode.core.codec.ScaleException.Reason;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.FixedBytes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes SCALE values into a growable buffer, producing exactly go-scale v1.2.1's bytes. Values that go-scale
 * refuses to encode (collections above their maximum, nesting above the limit) and integers outside their field's
 * type raise {@link ScaleEncodingException}. Single-threaded, one use.
 */
public final class ScaleWriter {
    private final FieldPath path = new FieldPath();
    private byte[] buf = new byte[64];
    private int size;
    private int nestingLeft;

    /** A writer with go-spacemesh's nesting limit. */
    public ScaleWriter() {
        this(ScaleReader.SPACEMESH_MAX_NESTED);
    }

    public ScaleWriter(int maxNested) {
        if (maxNested < 0) {
            throw new IllegalArgumentException("maxNested must be >= 0, got " + maxNested);
        }
        this.nestingLeft = maxNested;
    }

    /** Number of bytes written so far. */
    public int size() {
        return size;
    }

    /** A copy of the bytes written so far. */
    public byte[] toByteArray() {
        return Arrays.copyOf(buf, size);
    }

    /** Encodes one named field; a failure inside reports the name in its path. */
    public <T> void field(String name, ScaleCodec<T> codec, T value) {
        path.enterField(name);
        codec.encode(this, value);
        path.leave();
    }

    /** Encodes element {@code index} of a collection. */
    public <T> void element(int index, ScaleCodec<T> codec, T value) {
        path.enterElement(index);
        codec.encode(this, value);
        path.leave();
    }

    /** Counts one level of nesting (see {@link ScaleReader#enterNested()}). */
    public void enterNested() {
        if (nestingLeft == 0) {
            throw error(Reason.NESTED_TOO_DEEP, "options/struct collections nested deeper than the limit");
        }
        nestingLeft--;
    }

    public void leaveNested() {
        nestingLeft++;
    }

    /** One raw byte, 0..255. */
    public void writeByte(int value) {
        checkRange(value, 0xff, "uint8");
        put(value);
    }

    public void writeBool(boolean value) {
        put(value ? 1 : 0);
    }

    public void writeU16Le(int value) {
        checkRange(value, 0xffff, "uint16");
        putLittleEndian(value, 2);
    }

    public void writeU32Le(long value) {
        checkRange(value, 0xffff_ffffL, "uint32");
        putLittleEndian(value, 4);
    }

    /** The unsigned 64-bit value given as the bits of a long. */
    public void writeU64Le(long value) {
        putLittleEndian(value, 8);
    }

    /** Raw bytes with no length (a {@code [N]byte}). */
    public void writeFixed(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buf, size, bytes.length);
        size += bytes.length;
    }

    /** A fixed-width identifier's raw bytes, without an intermediate copy. */
    public void writeFixed(FixedBytes bytes) {
        ensure(bytes.length());
        bytes.copyTo(buf, size);
        size += bytes.length();
    }

    public void writeCompactU8(int value) {
        checkRange(value, 0xff, "uint8");
        writeCompact(value);
    }

    public void writeCompactU16(int value) {
        checkRange(value, 0xffff, "uint16");
        writeCompact(value);
    }

    public void writeCompactU32(long value) {
        checkRange(value, 0xffff_ffffL, "uint32");
        writeCompact(value);
    }

    /** The unsigned 64-bit value given as the bits of a long. */
    public void writeCompactU64(long value) {
        writeCompact(value);
    }

    /** A collection length prefix, refused above {@code max} as go-scale refuses it. */
    public void writeLength(long length, long max) {
        ScaleReader.checkMax(max);
        if (length > max) {
            throw error(Reason.TOO_LONG, length + " elements, maximum " + max);
        }
        writeCompact(length);
    }

    /** A {@code []byte}: compact length (at most {@code max}) then the bytes. */
    public void writeByteSlice(Bytes bytes, long max) {
        writeLength(bytes.length(), max);
        ensure(bytes.length());
        bytes.copyTo(buf, size);
        size += bytes.length();
    }

    /** A string as its UTF-8 bytes with a compact length (at most {@code max} bytes). */
    public void writeString(String value, long max) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        writeLength(utf8.length, max);
        writeFixed(utf8);
    }

    /** The one compact encoder: the smallest of the 1-, 2-, 4-byte and big-integer modes that holds the value. */
    private void writeCompact(long value) {
        if (Long.compareUnsigned(value, ScaleReader.MAX_U6) <= 0) {
            put((int) (value << 2));
        } else if (Long.compareUnsigned(value, ScaleReader.MAX_U14) <= 0) {
            putLittleEndian(value << 2 | 0b01, 2);
        } else if (Long.compareUnsigned(value, ScaleReader.MAX_U30) <= 0) {
            putLittleEndian(value << 2 | 0b10, 4);
        } else {
            int length = 8 - Long.numberOfLeadingZeros(value) / 8;
            put((length - 4) << 2 | 0b11);
            putLittleEndian(value, length);
        }
    }

    private void checkRange(long value, long max, String type) {
        if (value < 0 || value > max) {
            throw error(Reason.OUT_OF_RANGE, "value " + value + " is outside " + type);
        }
    }

    /** An encoding error carrying the current field path; for codecs that validate values themselves. */
    public ScaleEncodingException error(Reason reason, String detail) {
        return new ScaleEncodingException(reason, path.render(), detail);
    }

    private void put(int b) {
        ensure(1);
        buf[size++] = (byte) b;
    }

    private void putLittleEndian(long value, int length) {
        ensure(length);
        for (int i = 0; i < length; i++) {
            buf[size++] = (byte) (value >>> (8 * i));
        }
    }

    private void ensure(int more) {
        if (buf.length - size < more) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + more));
        }
    }
}
