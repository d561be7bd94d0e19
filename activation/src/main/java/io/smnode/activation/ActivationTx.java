package io.smnode.activation;

import io.smnode.core.types.AtxId;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.NodeId;

/**
 * What every ATX version answers alike: its id, publish epoch, signer and bytes. The builder hands out and the
 * stores keep ATXs of either version through this view; validation and malfeasance detection work on the concrete
 * {@link ActivationTxV1} or {@link io.smnode.activation.v2.ActivationTxV2}.
 */
public interface ActivationTx {
    AtxVersion version();

    AtxId id();

    EpochId publishEpoch();

    /** The identity that signed it (for a merged v2 ATX, the one member that publishes it). */
    NodeId smesherId();

    /** The wire bytes (SCALE), as gossiped and stored. */
    byte[] encode();
}
