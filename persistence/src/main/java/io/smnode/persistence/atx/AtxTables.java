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
import io.smnode.activation.marriage.MaliciousMark;
import io.smnode.persistence.Codecs;
import io.smnode.persistence.CorruptDataException;
import io.smnode.persistence.ScaleValues;
import io.smnode.persistence.Table;
import io.smnode.poet.RoundProof;
import java.util.List;

/**
 * The tables ATX handling keeps in the node's store; a node's schema lists {@link #ALL}. Values are SCALE with this
 * module's own field order (storage format, not a wire format). v1 and v2 ATXs share every table: the blob's
 * version follows from its publish epoch. Marriages and malicious identities live here too, since one ATX's
 * storing writes them atomically with it.
 */
public final class AtxTables {
    private static final ScaleCodec<MaliciousMark> MALICIOUS_MARK = ScaleCodec.of(
            (w, m) -> {
                w.field("Domain", ScaleCodecs.COMPACT_U32, (long) m.domain());
                w.field("Proof", ScaleCodecs.BYTES, m.proof());
            },
            r -> new MaliciousMark((int) (long) r.field("Domain", ScaleCodecs.COMPACT_U32),
                    r.field("Proof", ScaleCodecs.BYTES)));

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
     * The PoET proof messages this node holds, by reference: the bytes go-spacemesh keeps and serves to peers
     * ({@code hs/1}, hint {@code POETDB}), for proofs fetched from the node's PoET and from peers alike.
     */
    public static final Table<Hash32, Bytes> POET_MESSAGES = Table.of("poet_messages",
            Codecs.fixed(Hash32.LENGTH, Hash32::of), Codecs.bytes());

    /**
     * The header validation derived for each stored ATX (weight, ticks, effective units, coinbase): what the ATX
     * index is rebuilt from at start, so a restart answers weights, slots and positioning as before.
     */
    public static final Table<AtxId, AtxHeader> ATX_HEADERS = Table.of("atx_headers",
            Codecs.fixed(AtxId.LENGTH, AtxId::of), ScaleValues.of("AtxHeader", headerCodec()));

    /** Each smeshing identity's ATX builder state ({@code BuilderState}'s own encoding), by node id. */
    public static final Table<NodeId, Bytes> BUILDER_STATES = Table.of("atx_builder_states",
            Codecs.fixed(NodeId.LENGTH, NodeId::of), Codecs.bytes());


    /**
     * One identity's PoST in one ATX (v1 and v2 alike), keyed {@code atx || identity}: its declared units and the
     * previous ATX it declared ({@link PostRow}).
     */
    public static final Table<Bytes, PostRow> ATX_POSTS = Table.of("atx_posts", Codecs.bytes(),
            ScaleValues.of("PostRow", PostRow.CODEC));

    /** The same rows by identity and epoch: {@code identity || epoch (8 bytes BE) || atx} → nothing. */
    public static final Table<Bytes, Bytes> POSTS_BY_IDENTITY = Table.of("atx_posts_by_identity", Codecs.bytes(),
            Codecs.bytes());

    /** The same rows by declared previous ATX: {@code previous || identity || atx} → nothing. */
    public static final Table<Bytes, Bytes> POSTS_BY_PREVIOUS = Table.of("atx_posts_by_previous", Codecs.bytes(),
            Codecs.bytes());

    /** Merged ATXs by marriage ATX and epoch: {@code marriage atx || epoch (8 bytes BE) || atx} → nothing. */
    public static final Table<Bytes, Bytes> MERGED = Table.of("atx_merged", Codecs.bytes(), Codecs.bytes());

    /** Each married identity's marriage ({@link MarriageRow}). */
    public static final Table<NodeId, MarriageRow> MARRIAGES = Table.of("marriages",
            Codecs.fixed(NodeId.LENGTH, NodeId::of), ScaleValues.of("MarriageRow", MarriageRow.CODEC));

    /** Set members in recording order: {@code set id (8 bytes BE) || sequence (8 bytes BE)} → identity. */
    public static final Table<Bytes, NodeId> SET_MEMBERS = Table.of("marriage_set_members", Codecs.bytes(),
            Codecs.fixed(NodeId.LENGTH, NodeId::of));

    /** The marriage counters: the next recording sequence and the highest set id ever used. */
    public static final Table<String, Long> MARRIAGE_COUNTERS = Table.of("marriage_counters", Codecs.utf8(),
            Codecs.longs());

    /** Malicious identities with the proof against them (empty when marked through their set). */
    public static final Table<NodeId, MaliciousMark> MALICIOUS = Table.of("malicious_identities",
            Codecs.fixed(NodeId.LENGTH, NodeId::of), ScaleValues.of("MaliciousMark", MALICIOUS_MARK));

    /**
     * When the node stored each ATX (epoch milliseconds of its clock): the beacon protocol classifies proposals by
     * how early their ATXs arrived, also after a restart. An ATX stored before this table existed has no row.
     */
    public static final Table<AtxId, Long> ATX_RECEIVED = Table.of("atx_received",
            Codecs.fixed(AtxId.LENGTH, AtxId::of), Codecs.longs());

    public static final List<Table<?, ?>> ALL = List.of(ATXS, ATX_BLOBS, COMMITMENTS, POET_PROOFS, POET_MESSAGES,
            ATX_HEADERS, BUILDER_STATES, ATX_POSTS, POSTS_BY_IDENTITY, POSTS_BY_PREVIOUS, MERGED, MARRIAGES, SET_MEMBERS,
            MARRIAGE_COUNTERS, MALICIOUS, ATX_RECEIVED);

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
