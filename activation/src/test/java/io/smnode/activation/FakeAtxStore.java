package io.smnode.activation;

import io.smnode.core.types.AtxId;
import io.smnode.core.types.NodeId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

final class FakeAtxStore implements AtxStore {
    final Map<AtxId, StoredAtx> atxs = new HashMap<>();
    final Map<NodeId, AtxId> commitments = new HashMap<>();

    FakeAtxStore put(AtxId id, StoredAtx atx) {
        atxs.put(id, atx);
        return this;
    }

    /** Stores a validated ATX as the handler would: its header's facts and its declared units. */
    FakeAtxStore put(ActivationTxV1 atx, AtxHeader header) {
        atxs.put(header.id(), new StoredAtx(header.smesherId(), header.publishEpoch(), header.sequence(),
                atx.inner().numUnits(), header.vrfNonce(), header.tickHeight()));
        commitments.putIfAbsent(header.smesherId(), header.commitmentAtx());
        return this;
    }

    @Override
    public boolean contains(AtxId id) {
        return atxs.containsKey(id);
    }

    @Override
    public Optional<StoredAtx> atx(AtxId id) {
        return Optional.ofNullable(atxs.get(id));
    }

    @Override
    public Optional<AtxId> commitmentOf(NodeId smesher) {
        return Optional.ofNullable(commitments.get(smesher));
    }
}
