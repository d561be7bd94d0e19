package io.smnode.activation.malfeasance;

import io.smnode.activation.PostV1;
import io.smnode.core.signing.Domain;
import io.smnode.core.signing.Signature;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;

/**
 * What checking an ATX-domain proof needs from outside (the reference's {@code MalfeasanceValidator}): signatures
 * under the network's genesis prefix, one PoST label at a time, and whether an identity is known.
 */
public interface MalfeasanceChecks {
    boolean signature(Domain domain, NodeId signer, byte[] message, Signature signature);

    /**
     * Whether the label at {@code position} (among the proof's K2 indices) verifies for this identity, commitment,
     * challenge and units. A position out of range fails (see
     * {@link io.smnode.activation.v2.VerifyChoices#postIndexOutOfRange}).
     */
    boolean postLabelValid(NodeId identity, AtxId commitment, PostV1 post, Hash32 challenge, long numUnits,
                           long position);

    /** Whether {@code identity} has published an ATX this node stores (the reference's {@code IdentityExists}). */
    boolean identityExists(NodeId identity);
}
