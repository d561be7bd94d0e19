package io.smnode.activation.v2;

import io.smnode.core.types.AtxId;
import io.smnode.core.types.NodeId;

/**
 * A sub-post whose PoST failed a label check while another of its labels verifies (spec 11 §5.2 step 10): the ATX
 * is stored, and an InvalidPost proof ({@link io.smnode.activation.malfeasance.ProofInvalidPost}) makes the
 * identity malicious.
 *
 * @param invalidIndex the position (among the K2 indices) whose label failed
 * @param validIndex   the first position whose label verifies (proving the commitment is the identity's)
 */
public record InvalidPostFinding(NodeId identity, AtxId commitment, int nipostIndex, long invalidIndex,
                                 long validIndex) {}
