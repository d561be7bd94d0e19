package io.smnode.persistence.mesh;

import io.smnode.core.codec.CoreCodecs;
import io.smnode.core.codec.ScaleCodec;
import io.smnode.core.codec.ScaleCodecs;
import io.smnode.core.types.Address;
import io.smnode.core.types.BlockId;
import io.smnode.core.types.LayerId;
import io.smnode.mesh.block.AppliedLayer;
import io.smnode.mesh.proposal.Ballot;
import io.smnode.mesh.proposal.Proposal;
import io.smnode.mesh.store.MeshRecord;
import io.smnode.mesh.store.TxReceipt;
import io.smnode.vm.FailureReason;
import io.smnode.vm.RewardRecord;
import io.smnode.vm.state.Account;
import io.smnode.vm.state.Ledger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SCALE storage formats of the consensus tables' values (this module's field order; a storage format, not a wire
 * format). Wire objects (ballots, proposals, blocks, certificates, accounts) are stored as their wire bytes inside.
 */
final class MeshValues {
    private MeshValues() {}

    /** A stored ballot: the order it was taken in, whether its smesher was known malicious then, the ballot. */
    static final ScaleCodec<MeshRecord.BallotRecord> BALLOT = ScaleCodec.of(
            (w, b) -> {
                w.field("Arrival", ScaleCodecs.U64_LE, b.arrival());
                w.field("Malicious", ScaleCodecs.BOOL, b.malicious());
                w.field("Ballot", Ballot.CODEC, b.ballot());
            },
            r -> {
                long arrival = r.field("Arrival", ScaleCodecs.U64_LE);
                boolean malicious = r.field("Malicious", ScaleCodecs.BOOL);
                return new MeshRecord.BallotRecord(r.field("Ballot", Ballot.CODEC), arrival, malicious);
            });

    static final ScaleCodec<MeshRecord.ProposalRecord> PROPOSAL = ScaleCodec.of(
            (w, p) -> {
                w.field("Arrival", ScaleCodecs.U64_LE, p.arrival());
                w.field("Proposal", Proposal.CODEC, p.proposal());
            },
            r -> {
                long arrival = r.field("Arrival", ScaleCodecs.U64_LE);
                return new MeshRecord.ProposalRecord(r.field("Proposal", Proposal.CODEC), arrival);
            });

    static final ScaleCodec<MeshRecord.HareOutputRecord> HARE_OUTPUT = ScaleCodec.of(
            (w, h) -> {
                w.field("Layer", CoreCodecs.LAYER_ID, h.layer());
                w.field("Proposals", ScaleCodecs.slice(CoreCodecs.PROPOSAL_ID, 1 << 20), h.proposals());
                w.field("Block", CoreCodecs.BLOCK_ID, h.block());
            },
            r -> new MeshRecord.HareOutputRecord(r.field("Layer", CoreCodecs.LAYER_ID),
                    r.field("Proposals", ScaleCodecs.slice(CoreCodecs.PROPOSAL_ID, 1 << 20)),
                    r.field("Block", CoreCodecs.BLOCK_ID)));

    static final ScaleCodec<MeshRecord.ActiveSetRecord> ACTIVE_SET = ScaleCodec.of(
            (w, a) -> {
                w.field("Epoch", CoreCodecs.EPOCH_ID, a.epoch());
                w.field("Atxs", ScaleCodecs.slice(CoreCodecs.ATX_ID, 1L << 24), a.atxs());
            },
            r -> new MeshRecord.ActiveSetRecord(r.field("Epoch", CoreCodecs.EPOCH_ID),
                    r.field("Atxs", ScaleCodecs.slice(CoreCodecs.ATX_ID, 1L << 24))));

    static final ScaleCodec<MeshRecord.MalfeasanceRecord> MALFEASANCE = ScaleCodec.of(
            (w, m) -> {
                w.field("Offender", CoreCodecs.NODE_ID, m.offender());
                w.field("Received", CoreCodecs.LAYER_ID, m.received());
                w.field("Proof", ScaleCodecs.BYTES, m.proof());
            },
            r -> {
                var offender = r.field("Offender", CoreCodecs.NODE_ID);
                LayerId received = r.field("Received", CoreCodecs.LAYER_ID);
                return new MeshRecord.MalfeasanceRecord(offender, r.field("Proof", ScaleCodecs.BYTES), received);
            });

    static final ScaleCodec<AppliedLayer> LAYER = ScaleCodec.of(
            (w, l) -> {
                w.field("Layer", CoreCodecs.LAYER_ID, l.layer());
                w.field("Block", CoreCodecs.BLOCK_ID, l.block());
                w.field("StateHash", CoreCodecs.HASH32, l.stateHash());
                w.field("MeshHash", ScaleCodecs.option(CoreCodecs.HASH32), l.meshHash());
                w.field("Verified", ScaleCodecs.BOOL, l.verified());
            },
            r -> {
                LayerId layer = r.field("Layer", CoreCodecs.LAYER_ID);
                BlockId block = r.field("Block", CoreCodecs.BLOCK_ID);
                var state = r.field("StateHash", CoreCodecs.HASH32);
                var mesh = r.field("MeshHash", ScaleCodecs.option(CoreCodecs.HASH32));
                return new AppliedLayer(layer, block, state, mesh, r.field("Verified", ScaleCodecs.BOOL));
            });

    private record Previous(Address address, Optional<Account> before) {}

    private static final ScaleCodec<Previous> PREVIOUS = ScaleCodec.of(
            (w, p) -> {
                w.field("Address", CoreCodecs.ADDRESS, p.address());
                w.field("Before", ScaleCodecs.option(Account.CODEC), p.before());
            },
            r -> new Previous(r.field("Address", CoreCodecs.ADDRESS), r.field("Before", ScaleCodecs.option(Account.CODEC))));

    /** A layer's undo record: the accounts it replaced, in first-write order. */
    static final ScaleCodec<Ledger.Undo> UNDO = ScaleCodec.of(
            (w, u) -> {
                w.field("Layer", CoreCodecs.LAYER_ID, u.layer());
                w.field("Previous", ScaleCodecs.structSlice(PREVIOUS, 1L << 24), u.previous().entrySet().stream()
                        .map(e -> new Previous(e.getKey(), e.getValue())).toList());
            },
            r -> {
                LayerId layer = r.field("Layer", CoreCodecs.LAYER_ID);
                List<Previous> previous = r.field("Previous", ScaleCodecs.structSlice(PREVIOUS, 1L << 24));
                Map<Address, Optional<Account>> map = new LinkedHashMap<>();
                previous.forEach(p -> map.put(p.address(), p.before()));
                return new Ledger.Undo(layer, map);
            });

    static final ScaleCodec<TxReceipt> RECEIPT = ScaleCodec.of(
            (w, t) -> {
                w.field("ID", CoreCodecs.TX_ID, t.id());
                w.field("Layer", CoreCodecs.LAYER_ID, t.layer());
                w.field("Failure", ScaleCodecs.U8, t.failure().map(f -> f.ordinal() + 1).orElse(0));
                w.field("Gas", ScaleCodecs.COMPACT_U64, t.gas());
                w.field("Fee", ScaleCodecs.COMPACT_U64, t.fee());
            },
            r -> {
                var id = r.field("ID", CoreCodecs.TX_ID);
                LayerId layer = r.field("Layer", CoreCodecs.LAYER_ID);
                int failure = r.field("Failure", ScaleCodecs.U8);
                if (failure > FailureReason.values().length) {
                    throw r.error(io.smnode.core.codec.ScaleException.Reason.INVALID_VALUE, r.position() - 1,
                            "failure " + failure);
                }
                Optional<FailureReason> reason = failure == 0 ? Optional.empty()
                        : Optional.of(FailureReason.values()[failure - 1]);
                return new TxReceipt(id, layer, reason, r.field("Gas", ScaleCodecs.COMPACT_U64),
                        r.field("Fee", ScaleCodecs.COMPACT_U64));
            });

    static final ScaleCodec<RewardRecord> REWARD = ScaleCodec.of(
            (w, rr) -> {
                w.field("Layer", CoreCodecs.LAYER_ID, rr.layer());
                w.field("Coinbase", CoreCodecs.ADDRESS, rr.coinbase());
                w.field("Smesher", CoreCodecs.NODE_ID, rr.smesher());
                w.field("TotalReward", ScaleCodecs.COMPACT_U64, rr.totalReward());
                w.field("LayerReward", ScaleCodecs.COMPACT_U64, rr.layerReward());
            },
            r -> new RewardRecord(r.field("Layer", CoreCodecs.LAYER_ID), r.field("Coinbase", CoreCodecs.ADDRESS),
                    r.field("Smesher", CoreCodecs.NODE_ID), r.field("TotalReward", ScaleCodecs.COMPACT_U64),
                    r.field("LayerReward", ScaleCodecs.COMPACT_U64)));
}
