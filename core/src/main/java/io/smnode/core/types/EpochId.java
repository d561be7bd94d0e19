package io.smnode.core.types;

/** An epoch number (uint32 on the wire). */
public record EpochId(long value) implements Comparable<EpochId> {
    public static final long MAX = 0xffff_ffffL;

    public EpochId {
        if (value < 0 || value > MAX) {
            throw new IllegalArgumentException("epoch " + value + " is outside uint32");
        }
    }

    public static EpochId of(long value) {
        return new EpochId(value);
    }

    public LayerId firstLayer(int layersPerEpoch) {
        return new LayerId(value * layersPerEpoch);
    }

    public EpochId next() {
        return new EpochId(value + 1);
    }

    @Override
    public int compareTo(EpochId o) {
        return Long.compare(value, o.value);
    }

    @Override
    public String toString() {
        return "epoch " + value;
    }
}
