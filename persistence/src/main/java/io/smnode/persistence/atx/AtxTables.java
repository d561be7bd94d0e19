package io.smnode.persistence.atx;

import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import io.smnode.activation.StoredAtx;
import io.smnode.persistence.Codecs;
import io.smnode.persistence.ScaleValues;
import io.smnode.persistence.Table;
import io.smnode.poet.RoundProof;
import java.util.List;

/**
 * The tables ATX handling keeps in the node's store; a node's schema lists {@link #ALL}. Values are SCALE with this
 * module's own field order (storage format, not a wire format).
 */
public final class AtxTables {
    /** What validating later ATXs reads about a stored one. */
    public static final Table<AtxId, StoredAtx> ATXS = Table.of("atxs", Codecs.fixed(AtxId.LENGTH, AtxId::of),
            ScaleValues.of("StoredAtx", storedAtxCodec()));

    /** The ATX's own bytes, as received: what a node serves to peers that fetch it. */
    public static final Table<AtxId, Bytes> ATX_BLOBS = Table.of("atx_blobs", Codecs.fixed(AtxId.LENGTH, AtxId::of),
            Codecs.bytes());

    /** The commitment ATX of each smesher, recorded from its initial ATX. */
    public static final Table<NodeId, AtxId> COMMITMENTS = Table.of("atx_commitments",
            Codecs.fixed(NodeId.LENGTH, NodeId::of), Codecs.fixed(AtxId.LENGTH, AtxId::of));

    /** PoET round proofs this node fetched, by reference {@code BLAKE3(SCALE(PoetProof))}, with their members. */
    public static final Table<Hash32, RoundProof> POET_PROOFS = Table.of("poet_proofs",
            Codecs.fixed(Hash32.LENGTH, Hash32::of), ScaleValues.of("RoundProof", RoundProof.CODEC));

    public static final List<Table<?, ?>> ALL = List.of(ATXS, ATX_BLOBS, COMMITMENTS, POET_PROOFS);

    private AtxTables() {}

    private static ScaleCodec<StoredAtx> storedAtxCodec() {
        return ScaleCodec.of(
                (w, a) -> {
                    w.field("SmesherID", CoreCodecs.NODE_ID, a.smesherId());
                    w.field("PublishEpoch", CoreCodecs.EPOCH_ID, a.publishEpoch());
                    w.field("Sequence", ScaleCodecs.COMPACT_U64, a.sequence());
                    w.field("NumUnits", ScaleCodecs.COMPACT_U64, a.declaredNumUnits());
                    w.field("VRFNonce", ScaleCodecs.U64_LE, a.vrfNonce());
                    w.field("TickHeight", ScaleCodecs.U64_LE, a.tickHeight());
                },
                r -> new StoredAtx(r.field("SmesherID", CoreCodecs.NODE_ID),
                        r.field("PublishEpoch", CoreCodecs.EPOCH_ID),
                        r.field("Sequence", ScaleCodecs.COMPACT_U64),
                        r.field("NumUnits", ScaleCodecs.COMPACT_U64),
                        r.field("VRFNonce", ScaleCodecs.U64_LE),
                        r.field("TickHeight", ScaleCodecs.U64_LE)));
    }
}
