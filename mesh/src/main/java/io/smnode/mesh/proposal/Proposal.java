package io.smnode.mesh.proposal;

import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.hash.Blake3;
import io.smnode.core.signing.Signature;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.ProposalId;
import io.smnode.core.types.TxId;
import java.util.List;

/**
 * A ballot plus the transactions its smesher proposes for the layer and its view of the mesh hash; the unit
 * gossiped on {@code pp1} (spec 03 §2). Signed (PROPOSAL domain) over the metadata of the whole inner proposal.
 */
public record Proposal(Ballot ballot, List<TxId> txIds, Hash32 meshHash, Signature signature) {
    public static final int MAX_TXS = 100_000;

    public Proposal {
        txIds = List.copyOf(txIds);
    }

    private static final ScaleCodec<List<TxId>> TX_IDS = ScaleCodecs.slice(CoreCodecs.TX_ID, MAX_TXS);

    /** InnerProposal: the full ballot inline, then the tx ids and the mesh hash. */
    private static final ScaleCodec<Proposal> INNER = ScaleCodec.of(
            (w, v) -> {
                Ballot.encodeFields(w, v.ballot());
                w.field("TxIDs", TX_IDS, v.txIds());
                w.field("MeshHash", CoreCodecs.HASH32, v.meshHash());
            },
            r -> new Proposal(Ballot.decodeFields(r), r.field("TxIDs", TX_IDS), r.field("MeshHash", CoreCodecs.HASH32), null));

    public static final ScaleCodec<Proposal> CODEC = ScaleCodec.of(
            (w, v) -> {
                INNER.encode(w, v);
                w.field("Signature", ScaleCodecs.fixed(Signature.LENGTH, Signature::of), v.signature());
            },
            r -> {
                Proposal inner = INNER.decode(r);
                return inner.withSignature(r.field("Signature", ScaleCodecs.fixed(Signature.LENGTH, Signature::of)));
            });

    /** What the PROPOSAL-domain signature covers and what the id hashes. */
    public BallotMetadata metadata() {
        return new BallotMetadata(ballot.inner().layer(), Blake3.hash(Scale.encode(INNER, this)));
    }

    /** Hash20 of the metadata's SCALE bytes. */
    public ProposalId id() {
        return ProposalId.of(Blake3.hash20(metadata().encode()).toByteArray());
    }

    public Proposal withSignature(Signature signature) {
        return new Proposal(ballot, txIds, meshHash, signature);
    }
}
