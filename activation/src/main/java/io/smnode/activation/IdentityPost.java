package io.smnode.activation;

import io.smnode.core.types.AtxId;
import io.smnode.core.types.NodeId;

/**
 * One identity's PoST in one ATX, as kept for the ATXs after it (spec 11 §5.3 step 2, the reference's {@code posts}
 * table): the next ATX's unit and previous-ATX checks read these. A v1 ATX has one, its signer's.
 *
 * @param previous      the previous ATX this identity declared there (zero for an initial ATX)
 * @param previousIndex its position in the v2 ATX's previous-ATX list (0 for v1)
 * @param units         the units the identity declared there (not the effective units), u32
 */
public record IdentityPost(NodeId identity, AtxId previous, int previousIndex, long units) {}
