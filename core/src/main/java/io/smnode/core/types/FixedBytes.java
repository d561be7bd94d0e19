package io.smnode.core.types;

import io.smnode.core.util.Hex;
import java.util.Arrays;

/**
 * Base of every fixed-width byte identifier (hashes, ids, addresses). Immutable: the array is copied in and out,
 * so a value type can sit in a record or a map key without anyone mutating it underneath. Ordering is unsigned
 * lexicographic, which is how the reference sorts ids.
 */
public abstract class FixedBytes implements Comparable<FixedBytes> {
    private final byte[] bytes;
    private final int hash;

    protected FixedBytes(byte[] bytes, int expectedLength) {
        if (bytes == null) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " bytes must not be null");
        }
        if (bytes.length != expectedLength) {
            throw new IllegalArgumentException(getClass().getSimpleName() + " needs " + expectedLength
                    + " bytes, got " + bytes.length);
        }
        this.bytes = bytes.clone();
        this.hash = Arrays.hashCode(this.bytes);
    }

    /** A copy of the bytes. */
    public final byte[] toByteArray() {
        return bytes.clone();
    }

    /** Copies the bytes into {@code dst} at {@code offset} without allocating. */
    public final void copyTo(byte[] dst, int offset) {
        System.arraycopy(bytes, 0, dst, offset, bytes.length);
    }

    public final int length() {
        return bytes.length;
    }

    public final byte get(int index) {
        return bytes[index];
    }

    public final String hex() {
        return Hex.encode(bytes);
    }

    public final boolean isZero() {
        for (byte b : bytes) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && Arrays.equals(bytes, ((FixedBytes) o).bytes);
    }

    @Override
    public final int hashCode() {
        return hash;
    }

    @Override
    public final int compareTo(FixedBytes o) {
        return Arrays.compareUnsigned(bytes, o.bytes);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + hex() + ")";
    }

    static byte[] hexOf(String hex) {
        return Hex.decode(hex);
    }
}
