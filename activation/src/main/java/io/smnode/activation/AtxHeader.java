package io.smnode.activation;

import io.smnode.core.types.Address;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.NodeId;

/**
 * What a node keeps about a valid ATX (spec 02 §3), derived at validation. Receipt time and the checkpointed flag
 * belong to the handler that stores it. Integers are the bits of unsigned values.
 *
 * @param numUnits       effective units: declared for an initial ATX, else {@code min(previous's, declared)}
 * @param baseTickHeight the positioning ATX's tick height (0 for the golden ATX)
 * @param tickCount      {@code poetLeafCount / tickSize}
 * @param vrfNonce       the declared nonce, or the previous ATX's when none is declared
 * @param weight         {@code numUnits × tickCount}
 */
public record AtxHeader(AtxId id, EpochId publishEpoch, long sequence, AtxId commitmentAtx, Address coinbase,
                        long numUnits, long baseTickHeight, long tickCount, long vrfNonce, NodeId smesherId,
                        long weight, Validity validity) {
    /** Whether the full PoST was checked: only K3 ≥ K2 makes an ATX valid on receipt (spec 02 §4 step 10). */
    public enum Validity { UNKNOWN, VALID, INVALID }

    /** {@code baseTickHeight + tickCount}, wrapping like the reference's uint64 sum. */
    public long tickHeight() {
        return baseTickHeight + tickCount;
    }

    /** The epoch this ATX grants weight and eligibility in: the one after its publish epoch. */
    public EpochId targetEpoch() {
        return publishEpoch.next();
    }
}
