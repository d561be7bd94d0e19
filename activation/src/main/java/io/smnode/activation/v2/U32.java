package io.smnode.activation.v2;

/** Range checks for the uint32 fields of the v2 records, which Java holds in longs. */
final class U32 {
    static final long MAX = 0xffff_ffffL;

    private U32() {}

    static void check(String what, long value) {
        if (value < 0 || value > MAX) {
            throw new IllegalArgumentException(what + " is a u32, got " + value);
        }
    }
}
