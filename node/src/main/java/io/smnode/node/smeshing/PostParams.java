package io.smnode.node.smeshing;

import io.smnode.core.net.NetworkParams;
import io.smnode.post.k2pow.PowThreshold;
import io.smnode.post.prove.ProvingParams;
import io.smnode.post.verify.VerifyingParams;

/** The network's PoST parameters in the shapes post-gpu's prover and verifier take them. */
public final class PostParams {
    private PostParams() {}

    public static VerifyingParams verifying(NetworkParams.Post post) {
        return new VerifyingParams(post.k1(), post.k2(), pow(post), post.labelsPerUnit(), post.minNumUnits(),
                post.maxNumUnits(), post.scryptN());
    }

    public static ProvingParams proving(NetworkParams.Post post, long numUnits) {
        return new ProvingParams(post.k1(), post.k2(), numUnits, post.labelsPerUnit(), pow(post));
    }

    private static PowThreshold pow(NetworkParams.Post post) {
        return PowThreshold.ofHex(post.powDifficulty().hex());
    }
}
