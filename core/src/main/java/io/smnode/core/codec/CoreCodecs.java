package io.smnode.core.codec;

import io.smnode.core.signing.Signature;
import io.smnode.core.types.Address;
import io.smnode.core.types.Amount;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.BallotId;
import io.smnode.core.types.BlockId;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash20;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.NodeId;
import io.smnode.core.types.ProposalId;
import io.smnode.core.types.TxId;

/**
 * Codecs of the core value types as go-spacemesh writes them: identifiers are raw {@code [N]byte}, LayerID and
 * EpochID are uint32 (compact), Amount is uint64 (compact).
 */
public final class CoreCodecs {
    public static final ScaleCodec<Hash32> HASH32 = ScaleCodecs.fixed(Hash32.LENGTH, Hash32::of);
    public static final ScaleCodec<Hash20> HASH20 = ScaleCodecs.fixed(Hash20.LENGTH, Hash20::of);
    public static final ScaleCodec<NodeId> NODE_ID = ScaleCodecs.fixed(NodeId.LENGTH, NodeId::of);
    public static final ScaleCodec<AtxId> ATX_ID = ScaleCodecs.fixed(AtxId.LENGTH, AtxId::of);
    public static final ScaleCodec<BallotId> BALLOT_ID = ScaleCodecs.fixed(BallotId.LENGTH, BallotId::of);
    public static final ScaleCodec<ProposalId> PROPOSAL_ID = ScaleCodecs.fixed(ProposalId.LENGTH, ProposalId::of);
    public static final ScaleCodec<BlockId> BLOCK_ID = ScaleCodecs.fixed(BlockId.LENGTH, BlockId::of);
    public static final ScaleCodec<TxId> TX_ID = ScaleCodecs.fixed(TxId.LENGTH, TxId::of);
    public static final ScaleCodec<Address> ADDRESS = ScaleCodecs.fixed(Address.LENGTH, Address::of);
    /** An Ed25519 signature ({@code types.EdSignature}, 64 raw bytes). */
    public static final ScaleCodec<Signature> SIGNATURE = ScaleCodecs.fixed(Signature.LENGTH, Signature::of);
    public static final ScaleCodec<LayerId> LAYER_ID = ScaleCodecs.map(ScaleCodecs.COMPACT_U32, LayerId::new,
            LayerId::value);
    public static final ScaleCodec<EpochId> EPOCH_ID = ScaleCodecs.map(ScaleCodecs.COMPACT_U32, EpochId::new,
            EpochId::value);
    public static final ScaleCodec<Amount> AMOUNT = ScaleCodecs.map(ScaleCodecs.COMPACT_U64, Amount::new,
            Amount::raw);

    private CoreCodecs() {}
}
