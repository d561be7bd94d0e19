package io.smnode.node.smeshing;

import io.smnode.activation.PostV1;
import io.smnode.actors.post.PostProving;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import io.smnode.post.k2pow.RandomX;
import io.smnode.post.k2pow.RandomXK2PowSolver;
import io.smnode.post.prove.PostDataDirectory;
import io.smnode.post.prove.Prover;
import io.smnode.post.prove.ProvingParams;

/**
 * Proves PoST over this node's initialized data (spec 08 §2), with the k2pow solved by RandomX. Made by the PoST
 * component's proving worker on its own dispatcher once the data is complete; used from that thread only.
 */
public final class LocalProver implements PostProving {
    private static final int NONCES_PER_PASS = 16;

    private final NodeId nodeId;
    private final PostDataDirectory data;
    private final ProvingParams params;
    private final RandomX randomX;

    public LocalProver(NodeId nodeId, PostDataDirectory data, ProvingParams params, RandomX randomX) {
        this.nodeId = nodeId;
        this.data = data;
        this.params = params;
        this.randomX = randomX;
    }

    @Override
    public PostV1 prove(Hash32 challenge) throws Exception {
        try (RandomXK2PowSolver solver = new RandomXK2PowSolver(randomX, 1)) {
            return PostV1.of(new Prover(solver).prove(data, challenge, nodeId, params, NONCES_PER_PASS));
        }
    }
}
