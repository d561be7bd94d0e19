package io.smnode.core.types;

/**
 * A 20-byte object id (ballot, proposal, block). The reference widens these to 32 bytes whenever it hashes or
 * sorts them (its {@code Bytes()}), so that form lives here once.
 */
public abstract class ShortId extends FixedBytes {
    public static final int LENGTH = 20;

    protected ShortId(byte[] bytes) {
        super(bytes, LENGTH);
    }

    /** The 20 id bytes followed by 12 zero bytes, as the reference hashes and sorts them. */
    public final byte[] bytes32() {
        byte[] out = new byte[32];
        copyTo(out, 0);
        return out;
    }
}
