package io.smnode.activation;

import io.smnode.core.signing.EdSigner;
import io.smnode.core.types.Address;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import java.util.List;
import java.util.Optional;

/** A mutable recipe for an ATX v1, so a test can change exactly one field of a valid ATX and sign it again. */
final class AtxBuilder {
    EpochId publishEpoch;
    long sequence;
    AtxId prevAtx = AtxId.ZERO;
    AtxId positioningAtx;
    Optional<AtxId> commitmentAtx = Optional.empty();
    Optional<PostV1> initialPost = Optional.empty();
    Address coinbase = Address.ofHex("00000000" + "c0".repeat(20));
    long numUnits = PostIdentity.NUM_UNITS;
    MerkleProofV1 membership = new MerkleProofV1(List.of(Hash32.ofHex("11".repeat(32))), 1);
    Optional<PostV1> post;
    Optional<PostMetadataV1> postMetadata;
    boolean withNipost = true;
    Optional<NodeId> nodeId = Optional.empty();
    Optional<Long> vrfNonce = Optional.empty();

    /** The initial ATX of {@code id}, published in {@code epoch}, positioned on {@code positioning}. */
    static AtxBuilder initial(PostIdentity id, EpochId epoch, AtxId positioning, Hash32 poetRef) {
        AtxBuilder b = new AtxBuilder();
        b.publishEpoch = epoch;
        b.positioningAtx = positioning;
        b.commitmentAtx = Optional.of(id.commitmentAtx());
        b.initialPost = Optional.of(id.initialPost());
        b.post = Optional.of(id.nipostPost());
        b.postMetadata = Optional.of(PostMetadataV1.of(poetRef, PostIdentity.LABELS_PER_UNIT));
        b.nodeId = Optional.of(id.signer().nodeId());
        b.vrfNonce = Optional.of(id.vrfNonce());
        return b;
    }

    /** The ATX after {@code previous}, published in {@code epoch}. */
    static AtxBuilder next(PostIdentity id, ActivationTxV1 previous, EpochId epoch, AtxId positioning, Hash32 poetRef) {
        AtxBuilder b = new AtxBuilder();
        b.publishEpoch = epoch;
        b.sequence = previous.challenge().sequence() + 1;
        b.prevAtx = previous.id();
        b.positioningAtx = positioning;
        b.post = Optional.of(id.nipostPost());
        b.postMetadata = Optional.of(PostMetadataV1.of(poetRef, PostIdentity.LABELS_PER_UNIT));
        return b;
    }

    NIPostChallengeV1 challenge() {
        return new NIPostChallengeV1(publishEpoch, sequence, prevAtx, positioningAtx, commitmentAtx, initialPost);
    }

    InnerActivationTxV1 inner() {
        Optional<NIPostV1> nipost = withNipost ? Optional.of(new NIPostV1(membership, post, postMetadata)) : Optional.empty();
        return new InnerActivationTxV1(challenge(), coinbase, numUnits, nipost, nodeId, vrfNonce);
    }

    ActivationTxV1 sign(EdSigner signer) {
        return ActivationTxV1.sign(inner(), signer);
    }
}
