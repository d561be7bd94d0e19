package io.smnode.vm.rewards;

import java.math.BigInteger;

/**
 * A coinbase's eligibility weight as the block carries it: a fraction of two uint64 (bits of a long), neither zero.
 */
public record Weight(long num, long denom) {
    public Weight {
        if (num == 0 || denom == 0) {
            throw new IllegalArgumentException("weight parts must be non-zero: " + num + "/" + denom);
        }
    }

    BigInteger numerator() {
        return new BigInteger(Long.toUnsignedString(num));
    }

    BigInteger denominator() {
        return new BigInteger(Long.toUnsignedString(denom));
    }
}
