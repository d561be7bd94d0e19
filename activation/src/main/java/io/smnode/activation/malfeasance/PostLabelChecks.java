package io.smnode.activation.malfeasance;

import io.smnode.activation.PostV1;
import io.smnode.activation.v2.VerifyChoices;
import io.smnode.core.signing.Domain;
import io.smnode.core.signing.EdVerifier;
import io.smnode.core.signing.Signature;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import io.smnode.post.verify.PostVerifier;
import io.smnode.post.verify.ProofMetadata;
import io.smnode.post.verify.VerifyMode;
import io.smnode.post.verify.VerifyingParams;
import java.util.function.Predicate;

/**
 * {@link MalfeasanceChecks} over the node's Ed25519 verifier, a PoST verifier (which, like the ATX validator's, is
 * not thread-safe: one per thread) and the ATX store's knowledge of identities.
 */
public final class PostLabelChecks implements MalfeasanceChecks {
    private final EdVerifier verifier;
    private final PostVerifier postVerifier;
    private final VerifyingParams params;
    private final Predicate<NodeId> known;

    /** @param known whether an identity has an ATX stored (e.g. {@code id -> atxs.firstWithPost(id).isPresent()}) */
    public PostLabelChecks(Bytes signingPrefix, PostVerifier postVerifier, VerifyingParams params,
                           Predicate<NodeId> known) {
        this.verifier = new EdVerifier(signingPrefix);
        this.postVerifier = postVerifier;
        this.params = params;
        this.known = known;
    }

    @Override
    public boolean identityExists(NodeId identity) {
        return known.test(identity);
    }

    @Override
    public boolean signature(Domain domain, NodeId signer, byte[] message, Signature signature) {
        return verifier.verify(domain, signer, message, signature);
    }

    @Override
    public boolean postLabelValid(NodeId identity, AtxId commitment, PostV1 post, Hash32 challenge, long numUnits,
                                  long position) {
        if (VerifyChoices.postIndexOutOfRange(position, params.k2())) {
            return false;
        }
        ProofMetadata meta = new ProofMetadata(identity, commitment, challenge, numUnits);
        return postVerifier.verify(post.toProof(), meta, params, new VerifyMode.One((int) position)).isValid();
    }
}
