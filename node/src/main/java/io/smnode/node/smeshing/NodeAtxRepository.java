package io.smnode.node.smeshing;

import io.smnode.actors.atx.AtxRepository;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.NodeId;
import io.smnode.activation.ActivationTxV1;
import io.smnode.activation.AtxHeader;
import io.smnode.activation.StoredAtx;
import io.smnode.persistence.atx.LmdbAtxStore;
import java.util.Optional;

/** The ATX handler's storage port over the node's store (persistence cannot name the actors' port itself). */
final class NodeAtxRepository implements AtxRepository {
    private final LmdbAtxStore atxs;

    NodeAtxRepository(LmdbAtxStore atxs) {
        this.atxs = atxs;
    }

    @Override
    public void put(ActivationTxV1 atx, AtxHeader header) {
        atxs.put(atx, header);
    }

    @Override
    public boolean contains(AtxId id) {
        return atxs.contains(id);
    }

    @Override
    public Optional<StoredAtx> atx(AtxId id) {
        return atxs.atx(id);
    }

    @Override
    public Optional<AtxId> commitmentOf(NodeId smesher) {
        return atxs.commitmentOf(smesher);
    }
}
