package io.smnode.persistence.atx;

import io.smnode.activation.AtxHeader;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.NodeId;
import io.smnode.mesh.pipeline.AtxReads;
import io.smnode.persistence.KeyRange;
import io.smnode.persistence.Store;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The layer pipeline's view of the stored ATXs ({@link AtxReads}), read from their headers: reads only, from any
 * thread. {@link #targeting} scans every header (the ATX handler's index answers an epoch's ids without a scan; this
 * is for rebuilding the tortoise and the beacon's miners, once per epoch).
 */
public final class LmdbAtxReads implements AtxReads {
    private final Store store;
    private final LmdbAtxStore atxs;

    public LmdbAtxReads(Store store) {
        this.store = store;
        this.atxs = new LmdbAtxStore(store);
    }

    /** The pipeline's facts of a stored header. */
    public static Atx of(AtxHeader h) {
        return new Atx(h.id(), h.smesherId(), h.targetEpoch(), h.coinbase(), h.weight(), h.baseTickHeight(),
                h.tickHeight(), h.vrfNonce(), h.numUnits());
    }

    @Override
    public Optional<Atx> atx(AtxId id) {
        return store.get(AtxTables.ATX_HEADERS, id).map(LmdbAtxReads::of);
    }

    @Override
    public Optional<Atx> atxOf(NodeId smesher, EpochId epoch) {
        if (epoch.value() == 0) {
            return Optional.empty();
        }
        for (AtxId id : atxs.withPostIn(smesher, EpochId.of(epoch.value() - 1))) {
            Optional<Atx> atx = atx(id).filter(a -> a.smesher().equals(smesher));
            if (atx.isPresent()) {
                return atx;
            }
        }
        return Optional.empty();
    }

    @Override
    public List<Atx> targeting(EpochId epoch) {
        List<Atx> out = new ArrayList<>();
        store.scan(AtxTables.ATX_HEADERS, KeyRange.all(), (id, header) -> {
            if (header.targetEpoch().equals(epoch)) {
                out.add(of(header));
            }
            return true;
        });
        return out;
    }

    /** When the node stored the ATX; empty for one stored before receipt times were kept. */
    public Optional<Instant> received(AtxId id) {
        return store.get(AtxTables.ATX_RECEIVED, id).map(Instant::ofEpochMilli);
    }
}
