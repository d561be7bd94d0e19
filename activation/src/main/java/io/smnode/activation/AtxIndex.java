package io.smnode.activation;

import io.smnode.core.types.Address;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.FixedBytes;
import io.smnode.core.types.NodeId;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Predicate;

/**
 * The ATXs that carry weight in one target epoch, with what the ballot, beacon and tortoise handlers ask of them
 * (the reference's {@code atxsdata}): node, coinbase, weight, base height, height, VRF nonce, malicious flag.
 *
 * <p>Sized for mainnet's up to 8 million ATXs per epoch: no object per ATX. Fields live in primitive columns indexed
 * by insertion order (15 longs = 120 bytes per ATX, plus one bit for the malicious flag), and ids are found through
 * an open-addressing table of int slots (linear probing, load ≤ 3/4: about 8.4 bytes per ATX), so an index built
 * with the right expected size costs about 129 bytes per ATX ({@link #footprintBytes()}). Not thread-safe.
 */
public final class AtxIndex {
    private static final int ID_LONGS = 4;
    private static final int COINBASE_LONGS = 3;
    private static final int EMPTY = 0;

    private int size;
    private int capacity;
    private long[] ids;
    private long[] nodes;
    private long[] coinbases;
    private long[] weights;
    private long[] baseHeights;
    private long[] heights;
    private long[] nonces;
    private long[] malicious;
    /** Open addressing: entry index + 1, 0 when free. Its length is a power of two. */
    private int[] slots;

    /** An index that holds {@code expectedAtxs} without growing (it grows by half when that is exceeded). */
    public AtxIndex(int expectedAtxs) {
        if (expectedAtxs < 1) {
            throw new IllegalArgumentException("expected ATX count must be positive, got " + expectedAtxs);
        }
        allocate(expectedAtxs);
        slots = new int[tableSizeFor(expectedAtxs)];
    }

    /** One ATX's facts as stored. Integers are the bits of unsigned values. */
    public record Entry(AtxId id, NodeId node, Address coinbase, long weight, long baseHeight, long height,
                        long vrfNonce, boolean malicious) {}

    /** Adds the ATX of {@code header}; false (and nothing changes) when its id is already present. */
    public boolean add(AtxHeader header, boolean malicious) {
        return add(header.id(), header.smesherId(), header.coinbase(), header.weight(), header.baseTickHeight(),
                header.tickHeight(), header.vrfNonce(), malicious);
    }

    public boolean add(AtxId id, NodeId node, Address coinbase, long weight, long baseHeight, long height,
                       long vrfNonce, boolean isMalicious) {
        long[] key = words(id, ID_LONGS);
        int slot = find(key);
        if (slots[slot] != EMPTY) {
            return false;
        }
        if (size == capacity) {
            grow();
            slot = find(key);
        }
        int i = size++;
        System.arraycopy(key, 0, ids, i * ID_LONGS, ID_LONGS);
        System.arraycopy(words(node, ID_LONGS), 0, nodes, i * ID_LONGS, ID_LONGS);
        System.arraycopy(words(coinbase, COINBASE_LONGS), 0, coinbases, i * COINBASE_LONGS, COINBASE_LONGS);
        weights[i] = weight;
        baseHeights[i] = baseHeight;
        heights[i] = height;
        nonces[i] = vrfNonce;
        if (isMalicious) {
            malicious[i >>> 6] |= 1L << i;
        }
        slots[slot] = i + 1;
        return true;
    }

    public int size() {
        return size;
    }

    /** Every ATX id held, ascending. */
    public java.util.List<AtxId> ids() {
        java.util.List<AtxId> out = new java.util.ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            out.add(AtxId.of(bytes(ids, i * ID_LONGS, AtxId.LENGTH)));
        }
        out.sort(null);
        return out;
    }

    public boolean contains(AtxId id) {
        return indexOf(id) >= 0;
    }

    public Optional<Entry> get(AtxId id) {
        int i = indexOf(id);
        if (i < 0) {
            return Optional.empty();
        }
        return Optional.of(new Entry(id, NodeId.of(bytes(nodes, i * ID_LONGS, NodeId.LENGTH)),
                Address.of(bytes(coinbases, i * COINBASE_LONGS, Address.LENGTH)), weights[i], baseHeights[i],
                heights[i], nonces[i], isMalicious(i)));
    }

    public OptionalLong weight(AtxId id) {
        int i = indexOf(id);
        return i < 0 ? OptionalLong.empty() : OptionalLong.of(weights[i]);
    }

    /**
     * The summed weight of an active set (wrapping like the reference's uint64 sum), or empty when one of its ATXs is
     * not in this epoch. Malicious identities' ATXs count, as for the reference's {@code WeightForSet}.
     */
    public OptionalLong weightOf(Collection<AtxId> activeSet) {
        long total = 0;
        for (AtxId id : activeSet) {
            int i = indexOf(id);
            if (i < 0) {
                return OptionalLong.empty();
            }
            total += weights[i];
        }
        return OptionalLong.of(total);
    }

    /** The ballot slots ATX {@code id} earns in this epoch (spec 02 §3, 03), or empty when the ATX is not here. */
    public OptionalLong slots(AtxId id, int layerAvgSize, int layersPerEpoch, long minActiveWeight, long activeSetWeight) {
        OptionalLong weight = weight(id);
        return weight.isEmpty() ? weight
                : OptionalLong.of(BallotSlots.slots(weight.getAsLong(), layerAvgSize, layersPerEpoch, minActiveWeight,
                        activeSetWeight));
    }

    /**
     * The highest ATX (by tick height) of an identity not flagged malicious that {@code acceptable} accepts, or empty
     * (spec 02 §5 step 3: positioning and commitment ATX choice). Candidates are offered from the top, so an expensive
     * predicate (a chain verification) runs only until one passes. Equal heights are offered lowest id first: the
     * reference leaves that order to its map iteration, a node needs only some deterministic order.
     */
    public Optional<AtxId> highestTick(Predicate<AtxId> acceptable) {
        BitSet refused = new BitSet(size);
        while (true) {
            int best = -1;
            for (int i = 0; i < size; i++) {
                if (!isMalicious(i) && !refused.get(i) && (best < 0 || above(i, best))) {
                    best = i;
                }
            }
            if (best < 0) {
                return Optional.empty();
            }
            AtxId id = AtxId.of(bytes(ids, best * ID_LONGS, AtxId.LENGTH));
            if (acceptable.test(id)) {
                return Optional.of(id);
            }
            refused.set(best);
        }
    }

    /** Whether entry {@code i} is offered before entry {@code j}: higher tick height, then lower id. */
    private boolean above(int i, int j) {
        int byHeight = Long.compareUnsigned(heights[i], heights[j]);
        if (byHeight != 0) {
            return byHeight > 0;
        }
        for (int b = 0; b < AtxId.LENGTH; b++) {
            int x = byteAt(ids, i * ID_LONGS, b);
            int y = byteAt(ids, j * ID_LONGS, b);
            if (x != y) {
                return x < y;
            }
        }
        return false;
    }

    private static int byteAt(long[] column, int base, int b) {
        return (int) (column[base + b / 8] >>> (8 * (b % 8))) & 0xff;
    }

    /** Flags every ATX of {@code node} malicious. A linear scan: proofs are rare, lookups are not. */
    public void setMalicious(NodeId node) {
        long[] key = words(node, ID_LONGS);
        for (int i = 0; i < size; i++) {
            if (equalAt(nodes, i, key)) {
                malicious[i >>> 6] |= 1L << i;
            }
        }
    }

    /** Bytes held by this index's arrays (object headers included, 16 bytes each): what it costs on the heap. */
    public long footprintBytes() {
        long longs = (long) ids.length + nodes.length + coinbases.length + weights.length + baseHeights.length
                + heights.length + nonces.length + malicious.length;
        return longs * Long.BYTES + (long) slots.length * Integer.BYTES + 10L * 16;
    }

    private boolean isMalicious(int i) {
        return (malicious[i >>> 6] & (1L << i)) != 0;
    }

    private int indexOf(AtxId id) {
        int slot = find(words(id, ID_LONGS));
        return slots[slot] - 1;
    }

    /** The slot holding {@code key}, or the free slot where it belongs. */
    private int find(long[] key) {
        int mask = slots.length - 1;
        int slot = mix(key[0]) & mask;
        while (true) {
            int entry = slots[slot];
            if (entry == EMPTY || equalAt(ids, entry - 1, key)) {
                return slot;
            }
            slot = (slot + 1) & mask;
        }
    }

    private static boolean equalAt(long[] column, int i, long[] key) {
        int base = i * ID_LONGS;
        return column[base] == key[0] && column[base + 1] == key[1] && column[base + 2] == key[2]
                && column[base + 3] == key[3];
    }

    /** Ids are hashes, but a finalizer keeps probing short even for chosen ones. */
    private static int mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        return (int) x;
    }

    private void grow() {
        int newCapacity = (int) Math.min(Integer.MAX_VALUE - 8L, capacity + (long) (capacity >> 1) + 1);
        ids = Arrays.copyOf(ids, newCapacity * ID_LONGS);
        nodes = Arrays.copyOf(nodes, newCapacity * ID_LONGS);
        coinbases = Arrays.copyOf(coinbases, newCapacity * COINBASE_LONGS);
        weights = Arrays.copyOf(weights, newCapacity);
        baseHeights = Arrays.copyOf(baseHeights, newCapacity);
        heights = Arrays.copyOf(heights, newCapacity);
        nonces = Arrays.copyOf(nonces, newCapacity);
        malicious = Arrays.copyOf(malicious, (newCapacity + 63) >>> 6);
        capacity = newCapacity;
        int tableSize = tableSizeFor(newCapacity);
        if (tableSize > slots.length) {
            slots = new int[tableSize];
            long[] key = new long[ID_LONGS];
            for (int i = 0; i < size; i++) {
                System.arraycopy(ids, i * ID_LONGS, key, 0, ID_LONGS);
                slots[find(key)] = i + 1;
            }
        }
    }

    private void allocate(int n) {
        capacity = n;
        ids = new long[n * ID_LONGS];
        nodes = new long[n * ID_LONGS];
        coinbases = new long[n * COINBASE_LONGS];
        weights = new long[n];
        baseHeights = new long[n];
        heights = new long[n];
        nonces = new long[n];
        malicious = new long[(n + 63) >>> 6];
    }

    /** The smallest power of two that keeps {@code n} entries at a load of at most 3/4. */
    private static int tableSizeFor(int n) {
        long min = (n * 4L + 2) / 3 + 1;
        return (int) Long.highestOneBit(min - 1) << 1;
    }

    /** The value's bytes as little-endian longs (its length is a multiple of 8). */
    private static long[] words(FixedBytes value, int count) {
        long[] out = new long[count];
        for (int w = 0; w < count; w++) {
            long x = 0;
            for (int b = 7; b >= 0; b--) {
                x = (x << 8) | (value.get(w * 8 + b) & 0xffL);
            }
            out[w] = x;
        }
        return out;
    }

    private static byte[] bytes(long[] column, int base, int length) {
        byte[] out = new byte[length];
        for (int b = 0; b < length; b++) {
            out[b] = (byte) byteAt(column, base, b);
        }
        return out;
    }
}
