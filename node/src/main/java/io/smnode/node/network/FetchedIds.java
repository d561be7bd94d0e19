package io.smnode.node.network;

import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.types.Bytes;
import io.smnode.mesh.block.Block;
import io.smnode.mesh.pipeline.Hint;
import io.smnode.mesh.proposal.Ballot;
import io.smnode.mesh.proposal.EpochActiveSet;
import io.smnode.mesh.store.MeshRecord;
import io.smnode.mesh.proposal.Proposal;

/**
 * Whether fetched bytes are the object that was asked for: a ballot, proposal or block must decode and carry the
 * requested id, an active set must decode and hash to it. ATXs are checked by the ATX handler (the expected id is part
 * of its validation), PoET proofs by {@link PoetProofFetch}; transactions go to an intake that checks its own.
 */
final class FetchedIds {
    private FetchedIds() {}

    static boolean matches(Hint hint, Bytes id, Bytes data) {
        try {
            byte[] bytes = data.toByteArray();
            return switch (hint) {
                case BALLOT -> Bytes.of(Scale.decode(Ballot.CODEC, bytes).id().toByteArray()).equals(id);
                case PROPOSAL -> Bytes.of(Scale.decode(Proposal.CODEC, bytes).id().toByteArray()).equals(id);
                case BLOCK -> Bytes.of(Scale.decode(Block.CODEC, bytes).id().toByteArray()).equals(id);
                case ACTIVE_SET -> Bytes.of(MeshRecord.ActiveSetRecord.idOf(Scale.decode(EpochActiveSet.CODEC, bytes)
                        .atxs()).toByteArray()).equals(id);
                case ATX, TX, POET -> true;
            };
        } catch (ScaleException | RuntimeException e) {
            return false;
        }
    }
}
