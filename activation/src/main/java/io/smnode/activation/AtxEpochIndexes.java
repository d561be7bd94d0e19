package io.smnode.activation;

import io.smnode.core.hash.Blake3;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * The node's in-memory view of stored ATXs: one {@link AtxIndex} per target epoch and each identity's latest ATX,
 * with the questions other components ask — weights, ballot slots, the positioning ATX for a builder (spec 02 §4,
 * §5 step 3). Built from every stored header at start ({@link #add} in any order gives the same answers), so a
 * restart answers exactly as before. Not thread-safe: one owner (the ATX handler).
 */
public final class AtxEpochIndexes {
    private static final int EXPECTED_ATXS_PER_EPOCH = 1024;

    /** What eligibility answers depend on (spec 03): layer size, epoch length and the minimal active weight. */
    public record EligibilityParams(int layerAvgSize, int layersPerEpoch, long minActiveWeight) {}

    private final TreeMap<EpochId, AtxIndex> byTargetEpoch = new TreeMap<>();
    private final Map<NodeId, AtxHeader> latestOf = new HashMap<>();
    private final EligibilityParams eligibility;
    private final AtxId golden;
    private final byte[] digest = new byte[Hash32.LENGTH];

    public AtxEpochIndexes(EligibilityParams eligibility, AtxId golden) {
        this.eligibility = eligibility;
        this.golden = golden;
    }

    /** Adds a stored ATX; false when it is already known. */
    public boolean add(AtxHeader header) {
        return add(header, false);
    }

    /** Adds a stored ATX whose signer may be known malicious; false when it is already known. */
    public boolean add(AtxHeader header, boolean malicious) {
        boolean added = byTargetEpoch.computeIfAbsent(header.targetEpoch(), e -> new AtxIndex(EXPECTED_ATXS_PER_EPOCH))
                .add(header, malicious);
        if (added) {
            addToDigest(header);
            latestOf.merge(header.smesherId(), header,
                    (old, now) -> now.publishEpoch().value() > old.publishEpoch().value() ? now : old);
        }
        return added;
    }

    public boolean contains(AtxId id, EpochId targetEpoch) {
        AtxIndex index = byTargetEpoch.get(targetEpoch);
        return index != null && index.contains(id);
    }

    /** How many ATXs carry weight in {@code targetEpoch}. */
    public int count(EpochId targetEpoch) {
        AtxIndex index = byTargetEpoch.get(targetEpoch);
        return index == null ? 0 : index.size();
    }

    /** The ids of the ATXs that carry weight in {@code targetEpoch}, ascending. */
    public java.util.List<AtxId> ids(EpochId targetEpoch) {
        AtxIndex index = byTargetEpoch.get(targetEpoch);
        return index == null ? java.util.List.of() : index.ids();
    }

    /** The weight of {@code atx} in {@code targetEpoch}, empty when it carries none there. */
    public OptionalLong weight(EpochId targetEpoch, AtxId atx) {
        AtxIndex index = byTargetEpoch.get(targetEpoch);
        return index == null ? OptionalLong.empty() : index.weight(atx);
    }

    /** The summed weight of an active set in {@code targetEpoch}, empty when one of its ATXs is unknown there. */
    public OptionalLong activeSetWeight(EpochId targetEpoch, Collection<AtxId> activeSet) {
        AtxIndex index = byTargetEpoch.get(targetEpoch);
        return index == null ? OptionalLong.empty() : index.weightOf(activeSet);
    }

    /** The ballot slots of {@code atx} in {@code targetEpoch} for an active set of {@code activeSetWeight}. */
    public OptionalLong slots(EpochId targetEpoch, AtxId atx, long activeSetWeight) {
        AtxIndex index = byTargetEpoch.get(targetEpoch);
        return index == null ? OptionalLong.empty()
                : index.slots(atx, eligibility.layerAvgSize(), eligibility.layersPerEpoch(),
                        eligibility.minActiveWeight(), activeSetWeight);
    }

    /**
     * The positioning ATX for {@code builder}'s ATX of {@code publishEpoch}: among the ATXs published in the latest
     * epoch before P that has any (their target epoch is at most P), else the golden ATX, unless the builder's own
     * previous ATX is as high. Every stored ATX passed full validation here, so each chain is taken as verified.
     */
    public AtxId positioning(EpochId publishEpoch, NodeId builder) {
        Optional<AtxIndex> published = Optional.ofNullable(byTargetEpoch.floorEntry(publishEpoch))
                .map(Map.Entry::getValue);
        Optional<AtxHeader> own = Optional.ofNullable(latestOf.get(builder))
                .filter(h -> h.publishEpoch().value() < publishEpoch.value());
        return AtxChoice.positioning(published.orElseGet(() -> new AtxIndex(1)), id -> true, golden, own);
    }

    /**
     * A digest of everything the answers are made of: the XOR of one hash per stored ATX over its target epoch and
     * indexed facts (id, identity, coinbase, weight, base height, height, VRF nonce). Kept up to date as ATXs are
     * added (one hash each, no matter how many are stored) and independent of their order, so two views — a node
     * before and after a restart, or two nodes — compare at a glance: equal digests, equal answers (each identity's
     * latest ATX, the rest of what positioning uses, follows from the same facts).
     */
    public Hash32 digest() {
        return Hash32.of(digest.clone());
    }

    private void addToDigest(AtxHeader h) {
        byte[] entry = Blake3.hash(longBytes(h.targetEpoch().value()), h.id().toByteArray(),
                h.smesherId().toByteArray(), h.coinbase().toByteArray(),
                longBytes(h.weight(), h.baseTickHeight(), h.tickHeight(), h.vrfNonce())).toByteArray();
        for (int i = 0; i < digest.length; i++) {
            digest[i] ^= entry[i];
        }
    }

    private static byte[] longBytes(long... values) {
        ByteBuffer buffer = ByteBuffer.allocate(8 * values.length);
        for (long v : values) {
            buffer.putLong(v);
        }
        return buffer.array();
    }

    /** The identity's latest stored ATX. */
    public Optional<AtxHeader> latest(NodeId identity) {
        return Optional.ofNullable(latestOf.get(identity));
    }
}
