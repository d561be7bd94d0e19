package io.smnode.activation.v2;

import io.smnode.activation.ActivationTx;
import io.smnode.activation.AtxVersion;
import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.signing.Domain;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.signing.EdVerifier;
import io.smnode.core.signing.Signature;
import io.smnode.core.types.Address;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An ATX v2 as gossiped on {@code ax1} and fetched by hash (spec 11 §2.2): one or more identities' PoSTs over up
 * to 4 PoET rounds, signed by one of them. Its id is not a hash of the bytes but the root of a fixed-shape merkle
 * tree over the fields (§3.3), and the signature covers just that id (domain ATX). Solo, initial, marriage and
 * merged ATXs (§4) are all this one shape.
 *
 * @param previousAtxs the previous ATXs the sub-posts refer to by index (at most 256)
 * @param niposts      one per PoET round (at most 4)
 * @param vrfNonce     the bits of a u64, always present; valid for the signer and the total declared units
 * @param marriages    the certificates of a marriage ATX (at most 256), else empty
 * @param marriageAtx  present only in a merged ATX: the ATX that married the set
 */
public record ActivationTxV2(EpochId publishEpoch, AtxId positioningAtx, Address coinbase,
                             Optional<InitialAtxPartsV2> initial, List<AtxId> previousAtxs, List<NIPostV2> niposts,
                             long vrfNonce, List<MarriageCertificate> marriages, Optional<AtxId> marriageAtx,
                             NodeId smesherId, Signature signature) implements ActivationTx {
    public static final int MAX_PREVIOUS_ATXS = AtxTree.LIST_CAPACITY;
    public static final int MAX_NIPOSTS = AtxTree.NIPOSTS_CAPACITY;
    public static final int MAX_MARRIAGES = AtxTree.LIST_CAPACITY;

    public static final ScaleCodec<ActivationTxV2> CODEC = ScaleCodec.of(
            (w, v) -> {
                w.field("PublishEpoch", CoreCodecs.EPOCH_ID, v.publishEpoch());
                w.field("PositioningATX", CoreCodecs.ATX_ID, v.positioningAtx());
                w.field("Coinbase", CoreCodecs.ADDRESS, v.coinbase());
                w.field("Initial", ScaleCodecs.option(InitialAtxPartsV2.CODEC), v.initial());
                w.field("PreviousATXs", ScaleCodecs.structSlice(CoreCodecs.ATX_ID, MAX_PREVIOUS_ATXS),
                        v.previousAtxs());
                w.field("NIPosts", ScaleCodecs.structSlice(NIPostV2.CODEC, MAX_NIPOSTS), v.niposts());
                w.field("VRFNonce", ScaleCodecs.COMPACT_U64, v.vrfNonce());
                w.field("Marriages", ScaleCodecs.structSlice(MarriageCertificate.CODEC, MAX_MARRIAGES),
                        v.marriages());
                w.field("MarriageATX", ScaleCodecs.option(CoreCodecs.ATX_ID), v.marriageAtx());
                w.field("SmesherID", CoreCodecs.NODE_ID, v.smesherId());
                w.field("Signature", CoreCodecs.SIGNATURE, v.signature());
            },
            r -> new ActivationTxV2(
                    r.field("PublishEpoch", CoreCodecs.EPOCH_ID),
                    r.field("PositioningATX", CoreCodecs.ATX_ID),
                    r.field("Coinbase", CoreCodecs.ADDRESS),
                    r.field("Initial", ScaleCodecs.option(InitialAtxPartsV2.CODEC)),
                    r.field("PreviousATXs", ScaleCodecs.structSlice(CoreCodecs.ATX_ID, MAX_PREVIOUS_ATXS)),
                    r.field("NIPosts", ScaleCodecs.structSlice(NIPostV2.CODEC, MAX_NIPOSTS)),
                    r.field("VRFNonce", ScaleCodecs.COMPACT_U64),
                    r.field("Marriages", ScaleCodecs.structSlice(MarriageCertificate.CODEC, MAX_MARRIAGES)),
                    r.field("MarriageATX", ScaleCodecs.option(CoreCodecs.ATX_ID)),
                    r.field("SmesherID", CoreCodecs.NODE_ID),
                    r.field("Signature", CoreCodecs.SIGNATURE)));

    public ActivationTxV2 {
        previousAtxs = List.copyOf(previousAtxs);
        niposts = List.copyOf(niposts);
        marriages = List.copyOf(marriages);
    }

    /** Decodes a whole ATX v2 strictly (limits, canonical compacts, no trailing bytes). */
    public static ActivationTxV2 decode(byte[] bytes) throws ScaleException {
        return Scale.decode("ActivationTxV2", CODEC, bytes);
    }

    /** This ATX signed by {@code signer}: its smesher id set, the id signed in domain ATX. */
    public ActivationTxV2 sign(EdSigner signer) {
        ActivationTxV2 unsigned = withSigner(signer.nodeId(), Signature.of(new byte[Signature.LENGTH]));
        return unsigned.withSigner(signer.nodeId(), signer.sign(Domain.ATX, unsigned.id().toByteArray()));
    }

    private ActivationTxV2 withSigner(NodeId smesher, Signature sig) {
        return new ActivationTxV2(publishEpoch, positioningAtx, coinbase, initial, previousAtxs, niposts, vrfNonce,
                marriages, marriageAtx, smesher, sig);
    }

    public boolean signatureValid(EdVerifier verifier) {
        return verifier.verify(Domain.ATX, smesherId, id().toByteArray(), signature);
    }

    @Override
    public byte[] encode() {
        return Scale.encode(CODEC, this);
    }

    @Override
    public AtxVersion version() {
        return AtxVersion.V2;
    }

    /** The root of the 9-leaf field tree (spec 11 §3.3); the signer and signature are not part of it. */
    @Override
    public AtxId id() {
        return AtxId.of(AtxTree.root(leaves()).toByteArray());
    }

    /** The 9 leaves of the id tree, in {@link TreeIndex.Atx} order. */
    public List<Hash32> leaves() {
        return List.of(
                AtxTree.u32Leaf(publishEpoch.value()),
                Hash32.of(positioningAtx.toByteArray()),
                AtxTree.addressLeaf(coinbase),
                initialPostRoot(),
                previousAtxsRoot(),
                nipostsRoot(),
                AtxTree.u64Leaf(vrfNonce),
                marriagesRoot(),
                marriageAtx.map(a -> Hash32.of(a.toByteArray())).orElse(Hash32.ZERO));
    }

    /** The proof of one field's leaf in the id tree. */
    public List<Hash32> proof(TreeIndex.Atx field) {
        return AtxTree.proof(leaves(), field.ordinal());
    }

    /** The initial parts' root, or zero for a non-initial ATX. */
    public Hash32 initialPostRoot() {
        return initial.map(InitialAtxPartsV2::root).orElse(Hash32.ZERO);
    }

    public Hash32 previousAtxsRoot() {
        List<Hash32> leaves = new ArrayList<>(previousAtxs.size());
        previousAtxs.forEach(a -> leaves.add(Hash32.of(a.toByteArray())));
        return AtxTree.paddedRoot(leaves, MAX_PREVIOUS_ATXS);
    }

    public Hash32 nipostsRoot() {
        return AtxTree.paddedRoot(nipostRoots(), MAX_NIPOSTS);
    }

    /** The proof of NIPoST {@code index}'s root in the NIPoSTs tree. */
    public List<Hash32> nipostProof(int index) {
        return AtxTree.paddedProof(nipostRoots(), MAX_NIPOSTS, index);
    }

    public Hash32 marriagesRoot() {
        return AtxTree.paddedRoot(marriageRoots(), MAX_MARRIAGES);
    }

    /** The proof of certificate {@code index}'s root in the marriages tree. */
    public List<Hash32> marriageProof(int index) {
        return AtxTree.paddedProof(marriageRoots(), MAX_MARRIAGES, index);
    }

    public boolean isInitial() {
        return initial.isPresent();
    }

    public boolean isMerged() {
        return marriageAtx.isPresent();
    }

    /** The declared units of every sub-post, summed as the reference's uint32 (wrapping). */
    public long totalNumUnits() {
        long total = 0;
        for (NIPostV2 n : niposts) {
            for (SubPostV2 p : n.posts()) {
                total = (total + p.numUnits()) & U32.MAX;
            }
        }
        return total;
    }

    private List<Hash32> nipostRoots() {
        List<Hash32> roots = new ArrayList<>(niposts.size());
        niposts.forEach(n -> roots.add(n.root(previousAtxs)));
        return roots;
    }

    private List<Hash32> marriageRoots() {
        List<Hash32> roots = new ArrayList<>(marriages.size());
        marriages.forEach(m -> roots.add(m.root()));
        return roots;
    }
}
