package io.smnode.post.label;

import io.smnode.core.hash.Blake3;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;

/** The PoST commitment (spec 08 §1.1): what every label of an identity's data is bound to. */
public final class Commitment {
    private Commitment() {}

    /** {@code blake3(nodeId || commitmentAtxId)}. */
    public static Hash32 of(NodeId nodeId, AtxId commitmentAtxId) {
        return Blake3.hash(nodeId.toByteArray(), commitmentAtxId.toByteArray());
    }
}
