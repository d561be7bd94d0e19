package io.smnode.activation;

import io.smnode.core.types.EpochId;
import io.smnode.core.types.NodeId;

/**
 * The facts of an already stored ATX that validating a later one reads (as previous, positioning or commitment ATX).
 *
 * @param declaredNumUnits the units its own bytes declared (the reference decodes the previous ATX's blob for
 *                         them, not the effective units); for a checkpointed ATX, which has no blob, its effective
 *                         units
 * @param vrfNonce         its (possibly inherited) VRF nonce
 */
public record StoredAtx(NodeId smesherId, EpochId publishEpoch, long sequence, long declaredNumUnits, long vrfNonce,
                        long tickHeight) {}
