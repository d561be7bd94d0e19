package io.smnode.activation.v2;

import io.smnode.activation.PostIdentity;
import io.smnode.activation.PostV1;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.signing.Signature;
import io.smnode.core.types.Address;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** A mutable recipe for an ATX v2, so a test can change exactly one thing of a valid ATX and sign it again. */
final class AtxV2Recipe {
    EpochId publish;
    AtxId positioning;
    Address coinbase = Address.ofHex("00000000" + "c0".repeat(20));
    Optional<InitialAtxPartsV2> initial = Optional.empty();
    List<AtxId> previous = new ArrayList<>();
    List<NIPostV2> niposts = new ArrayList<>();
    long vrfNonce;
    List<MarriageCertificate> marriages = new ArrayList<>();
    Optional<AtxId> marriageAtx = Optional.empty();

    static NIPostV2 nipost(Hash32 poetRef, SubPostV2... posts) {
        return new NIPostV2(new MerkleProofV2(List.of()), poetRef, List.of(posts));
    }

    static SubPostV2 post(int marriageIndex, int prevIndex, long leafIndex, PostV1 post) {
        return new SubPostV2(marriageIndex, prevIndex, leafIndex, post, PostIdentity.NUM_UNITS);
    }

    /** {@code id}'s initial ATX. */
    static AtxV2Recipe initial(PostIdentity id, EpochId publish, AtxId positioning, Hash32 poetRef) {
        AtxV2Recipe r = new AtxV2Recipe();
        r.publish = publish;
        r.positioning = positioning;
        r.initial = Optional.of(new InitialAtxPartsV2(id.commitmentAtx(), id.initialPost()));
        r.niposts.add(nipost(poetRef, post(0, 0, 0, id.nipostPost())));
        r.vrfNonce = id.vrfNonce();
        return r;
    }

    /** {@code id}'s solo ATX after {@code previous}. */
    static AtxV2Recipe solo(PostIdentity id, AtxId previous, EpochId publish, AtxId positioning, Hash32 poetRef) {
        AtxV2Recipe r = new AtxV2Recipe();
        r.publish = publish;
        r.positioning = positioning;
        r.previous.add(previous);
        r.niposts.add(nipost(poetRef, post(0, 0, 0, id.nipostPost())));
        r.vrfNonce = id.vrfNonce();
        return r;
    }

    ActivationTxV2 unsigned() {
        return new ActivationTxV2(publish, positioning, coinbase, initial, previous, niposts, vrfNonce, marriages,
                marriageAtx, NodeId.ZERO, Signature.of(new byte[Signature.LENGTH]));
    }

    ActivationTxV2 sign(EdSigner signer) {
        return unsigned().sign(signer);
    }

    /** The challenge each sub-post's leaf holds, as the validator rebuilds it. */
    List<Hash32> challengeHashes() {
        List<Hash32> out = new ArrayList<>();
        for (NIPostV2 n : niposts) {
            for (SubPostV2 p : n.posts()) {
                AtxId prev = initial.isPresent() || p.prevAtxIndex() >= previous.size() ? AtxId.ZERO
                        : previous.get((int) p.prevAtxIndex());
                out.add(new NIPostChallengeV2(publish, prev, positioning,
                        initial.map(InitialAtxPartsV2::post)).hash());
            }
        }
        return out;
    }

    void replaceNipost(int index, NIPostV2 nipost) {
        niposts.set(index, nipost);
    }
}
