package io.smnode.core.types;

import java.math.BigInteger;

/** An amount of smidge (uint64, 10^-9 SMH). Stored as the unsigned bits of a long; arithmetic refuses to wrap. */
public record Amount(long raw) implements Comparable<Amount> {
    public static final Amount ZERO = new Amount(0);
    public static final long SMIDGE_PER_SMESH = 1_000_000_000L;

    public static Amount of(long smidge) {
        if (smidge < 0) {
            throw new IllegalArgumentException("amount " + smidge + " is negative; use ofUnsigned for values above 2^63");
        }
        return new Amount(smidge);
    }

    public static Amount ofUnsigned(BigInteger value) {
        if (value.signum() < 0 || value.bitLength() > 64) {
            throw new IllegalArgumentException("amount " + value + " is outside uint64");
        }
        return new Amount(value.longValue());
    }

    public BigInteger toBigInteger() {
        return new BigInteger(Long.toUnsignedString(raw));
    }

    /** @throws ArithmeticException on uint64 overflow */
    public Amount plus(Amount other) {
        long sum = raw + other.raw;
        if (Long.compareUnsigned(sum, raw) < 0) {
            throw new ArithmeticException("amount overflow: " + this + " + " + other);
        }
        return new Amount(sum);
    }

    /** @throws ArithmeticException when the result would be negative */
    public Amount minus(Amount other) {
        if (Long.compareUnsigned(raw, other.raw) < 0) {
            throw new ArithmeticException("amount underflow: " + this + " - " + other);
        }
        return new Amount(raw - other.raw);
    }

    @Override
    public int compareTo(Amount o) {
        return Long.compareUnsigned(raw, o.raw);
    }

    @Override
    public String toString() {
        return Long.toUnsignedString(raw) + " smidge";
    }
}
