package io.smnode.core.types;

/** A layer number (uint32 on the wire). Kept as a long so that arithmetic near 2^31 never goes negative. */
public record LayerId(long value) implements Comparable<LayerId> {
    public static final long MAX = 0xffff_ffffL;

    public LayerId {
        if (value < 0 || value > MAX) {
            throw new IllegalArgumentException("layer " + value + " is outside uint32");
        }
    }

    public static LayerId of(long value) {
        return new LayerId(value);
    }

    public EpochId epoch(int layersPerEpoch) {
        return new EpochId(value / layersPerEpoch);
    }

    /** Position of this layer inside its epoch. */
    public int ordinal(int layersPerEpoch) {
        return (int) (value % layersPerEpoch);
    }

    public LayerId add(long n) {
        return new LayerId(value + n);
    }

    public LayerId sub(long n) {
        return new LayerId(value - n);
    }

    @Override
    public int compareTo(LayerId o) {
        return Long.compare(value, o.value);
    }

    @Override
    public String toString() {
        return "layer " + value;
    }
}
