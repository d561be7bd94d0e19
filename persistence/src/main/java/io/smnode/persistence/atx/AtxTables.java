package io.smnode.persistence.atx;

import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import io.smnode.activation.AtxHeader;
import io.smnode.activation.StoredAtx;
import io.smnode.persistence.Codecs;
import io.smnode.persistence.CorruptDataException;
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

    /**
     * The header validation derived for each stored ATX (weight, ticks, effective units, coinbase): what the ATX
     * index is rebuilt from at start, so a restart answers weights, slots and positioning as before.
     */
    public static final Table<AtxId, AtxHeader> ATX_HEADERS = Table.of("atx_headers",
            Codecs.fixed(AtxId.LENGTH, AtxId::of), ScaleValues.of("AtxHeader", headerCodec()));

    /** Each smeshing identity's ATX builder state ({@code BuilderState}'s own encoding), by node id. */
    public static final Table<NodeId, Bytes> BUILDER_STATES = Table.of("atx_builder_states",
            Codecs.fixed(NodeId.LENGTH, NodeId::of), Codecs.bytes());

    public static final List<Table<?, ?>> ALL = List.of(ATXS, ATX_BLOBS, COMMITMENTS, POET_PROOFS, ATX_HEADERS,
            BUILDER_STATES);

    private AtxTables() {}

    private static ScaleCodec<AtxHeader> headerCodec() {
        return ScaleCodec.of(
                (w, h) -> {
                    w.field("ID", CoreCodecs.ATX_ID, h.id());
                    w.field("PublishEpoch", CoreCodecs.EPOCH_ID, h.publishEpoch());
                    w.field("Sequence", ScaleCodecs.U64_LE, h.sequence());
                    w.field("CommitmentATX", CoreCodecs.ATX_ID, h.commitmentAtx());
                    w.field("Coinbase", CoreCodecs.ADDRESS, h.coinbase());
                    w.field("NumUnits", ScaleCodecs.U64_LE, h.numUnits());
                    w.field("BaseTickHeight", ScaleCodecs.U64_LE, h.baseTickHeight());
                    w.field("TickCount", ScaleCodecs.U64_LE, h.tickCount());
                    w.field("VRFNonce", ScaleCodecs.U64_LE, h.vrfNonce());
                    w.field("SmesherID", CoreCodecs.NODE_ID, h.smesherId());
                    w.field("Weight", ScaleCodecs.U64_LE, h.weight());
                    w.field("Validity", ScaleCodecs.U8, h.validity().ordinal());
                },
                r -> new AtxHeader(r.field("ID", CoreCodecs.ATX_ID),
                        r.field("PublishEpoch", CoreCodecs.EPOCH_ID),
                        r.field("Sequence", ScaleCodecs.U64_LE),
                        r.field("CommitmentATX", CoreCodecs.ATX_ID),
                        r.field("Coinbase", CoreCodecs.ADDRESS),
                        r.field("NumUnits", ScaleCodecs.U64_LE),
                        r.field("BaseTickHeight", ScaleCodecs.U64_LE),
                        r.field("TickCount", ScaleCodecs.U64_LE),
                        r.field("VRFNonce", ScaleCodecs.U64_LE),
                        r.field("SmesherID", CoreCodecs.NODE_ID),
                        r.field("Weight", ScaleCodecs.U64_LE),
                        validity(r.field("Validity", ScaleCodecs.U8))));
    }

    private static AtxHeader.Validity validity(int ordinal) {
        AtxHeader.Validity[] all = AtxHeader.Validity.values();
        if (ordinal < 0 || ordinal >= all.length) {
            throw new CorruptDataException("stored AtxHeader has validity " + ordinal + ", not one of " + all.length);
        }
        return all[ordinal];
    }

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
