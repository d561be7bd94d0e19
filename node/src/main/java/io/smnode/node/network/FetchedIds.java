package io.smnode.node.network;

import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.TxId;
import io.smnode.core.verdict.CommonRule;
import io.smnode.core.verdict.Verdict;
import io.smnode.mesh.block.Block;
import io.smnode.mesh.block.BlockRule;
import io.smnode.mesh.pipeline.FetchedTx;
import io.smnode.mesh.pipeline.Hint;
import io.smnode.mesh.proposal.Ballot;
import io.smnode.mesh.proposal.EpochActiveSet;
import io.smnode.mesh.store.MeshRecord;
import io.smnode.mesh.proposal.Proposal;

/**
 * Whether fetched bytes are the object that was asked for: a ballot, proposal or block must decode and carry the
 * requested id, an active set must decode and hash to it, a transaction's raw bytes must hash to it
 * ({@link FetchedTx#judge}). ATXs are checked by the ATX handler (the expected id is part of its validation), PoET
 * proofs by {@link PoetProofFetch}.
 */
final class FetchedIds {
    private FetchedIds() {}

    static boolean matches(Hint hint, Bytes id, Bytes data) {
        return judge(hint, id, data).accepted();
    }

    /** ACCEPT for the object asked for; REJECT (the serving peer is dropped) for anything else. */
    static Verdict judge(Hint hint, Bytes id, Bytes data) {
        try {
            if (hint == Hint.TX) {
                return FetchedTx.judge(TxId.of(id.toByteArray()), data);
            }
            byte[] bytes = data.toByteArray();
            boolean same = switch (hint) {
                case BALLOT -> Bytes.of(Scale.decode(Ballot.CODEC, bytes).id().toByteArray()).equals(id);
                case PROPOSAL -> Bytes.of(Scale.decode(Proposal.CODEC, bytes).id().toByteArray()).equals(id);
                case BLOCK -> Bytes.of(Scale.decode(Block.CODEC, bytes).id().toByteArray()).equals(id);
                case ACTIVE_SET -> Bytes.of(MeshRecord.ActiveSetRecord.idOf(Scale.decode(EpochActiveSet.CODEC, bytes)
                        .atxs()).toByteArray()).equals(id);
                case ATX, POET, TX, MALFEASANCE -> true; // judged by their own checks (ATX handler, proofs)
            };
            return same ? Verdict.ACCEPT : Verdict.reject(hint == Hint.BLOCK ? BlockRule.WRONG_ID
                    : CommonRule.MALFORMED, "the served " + hint.wireName() + " is not " + id.hex());
        } catch (ScaleException | RuntimeException e) {
            return Verdict.reject(CommonRule.MALFORMED, "the served " + hint.wireName() + " does not decode: "
                    + e.getMessage());
        }
    }
}
