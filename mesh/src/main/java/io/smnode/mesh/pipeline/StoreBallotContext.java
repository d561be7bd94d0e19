package io.smnode.mesh.pipeline;

import io.smnode.core.types.AtxId;
import io.smnode.core.types.BallotId;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.mesh.proposal.Ballot;
import io.smnode.mesh.proposal.BallotContext;
import io.smnode.mesh.store.MeshReads;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Ballot validation's view of the node: ATX facts, stored ballots and active sets, the network's minimal weight. */
final class StoreBallotContext implements BallotContext {
    private final PipelineConfig config;
    private final AtxReads atxs;
    private final MeshReads store;

    StoreBallotContext(PipelineConfig config, AtxReads atxs, MeshReads store) {
        this.config = config;
        this.atxs = atxs;
        this.store = store;
    }

    @Override
    public Optional<AtxFacts> atx(AtxId id) {
        return atxs.atx(id).map(a -> new AtxFacts(a.smesher(), a.targetEpoch(), a.weight(), a.vrfNonce()));
    }

    @Override
    public Optional<Ballot> ballot(BallotId id) {
        return store.ballot(id);
    }

    @Override
    public OptionalLong activeSetWeight(Hash32 activeSetHash) {
        Optional<List<AtxId>> set = store.activeSet(activeSetHash);
        if (set.isEmpty()) {
            return OptionalLong.empty();
        }
        return weightOf(set.get(), atxs);
    }

    /** The summed weight of an active set (uint64, wrapping), empty when one of its ATXs is not known. */
    static OptionalLong weightOf(List<AtxId> set, AtxReads atxs) {
        ActiveSetWeights w = ActiveSetWeights.of(set, atxs);
        return w.complete() ? OptionalLong.of(w.total()) : OptionalLong.empty();
    }

    @Override
    public long minimalActiveSetWeight(EpochId epoch) {
        return config.minimalActiveSetWeight(epoch);
    }
}
