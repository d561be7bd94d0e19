package io.smnode.node.network;

import io.smnode.core.time.LayerClock;
import io.smnode.core.types.LayerId;
import io.smnode.mesh.sync.SyncStatus;
import io.smnode.persistence.mesh.StoreMeshReads;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The syncer (spec 07 §4), one round every sync interval: ATX sync ({@link AtxSync}), once ATX-synced layer data
 * ({@link LayerSync}; the consensus is told first, so it learns the synced epochs' ATXs) and the recent layers'
 * certificates ({@link CertificateSync}), then the state ({@link SyncStatus}), logged when it changes. The gossip intake reads it:
 * {@code ax1} and {@code mp1} are ignored until ATX-synced, proposals, transactions, certificates and beacon rounds
 * while not synced ({@link #takesGossip}).
 */
final class Syncer {
    private static final Logger LOG = LoggerFactory.getLogger(Syncer.class);

    private final AtxSync atxs;
    private final LayerSync layers;
    private final StoreMeshReads mesh;
    private final LayerClock clock;
    private final Clock wall;
    private final long effectiveGenesis;
    private final SyncStatus status;
    private final Runnable atxsSynced;
    private final CertificateSync certificates;
    private final NetworkEdge edge;
    private final MalfeasanceSync malfeasance;
    private volatile SyncStatus.State state = SyncStatus.State.NOT_SYNCED;
    private boolean announced;

    /** @param atxsSynced told once, when ATX sync first completes (before any layer is synced) */
    Syncer(AtxSync atxs, MalfeasanceSync malfeasance, LayerSync layers, CertificateSync certificates,
           StoreMeshReads mesh, LayerClock clock, Clock wall, SyncStatus status, Runnable atxsSynced, NetworkEdge edge) {
        this.atxs = atxs;
        this.malfeasance = malfeasance;
        this.layers = layers;
        this.mesh = mesh;
        this.clock = clock;
        this.wall = wall;
        this.effectiveGenesis = 2L * clock.layersPerEpoch() - 1;
        this.status = status;
        this.atxsSynced = atxsSynced;
        this.certificates = certificates;
        this.edge = edge;
    }

    boolean atxSynced() {
        return atxs.atxSynced();
    }

    boolean takesGossip() {
        return state != SyncStatus.State.NOT_SYNCED;
    }

    SyncStatus.State state() {
        return state;
    }

    /** One round; the store reads run on the caller's (blocking) thread. */
    void round() {
        long current = clock.layerAt(wall.instant()).value();
        atxs.run();
        // Layers after ATXs, as the reference's syncer: a ballot is judged against its ATX, which must be there.
        if (atxs.atxSynced()) {
            malfeasance.run(); // the reference lists malicious identities once ATX-synced, then every 30 min
            if (!announced) {
                announced = true;
                atxsSynced.run();
            }
            layers.run(current);
            certificates.run(current, layers.lastSynced());
        }
        long applied = Math.max(effectiveGenesis, mesh.lastApplied().map(LayerId::value).orElse(0L));
        // Before the effective genesis there is nothing to sync: the layers are empty by definition.
        long synced = Math.max(layers.lastSynced(), Math.min(current - 1, effectiveGenesis));
        SyncStatus.State next = status.update(current, synced, applied, wall.millis());
        if (next != state) {
            LOG.info("sync state {} -> {} at layer {} (data synced to {}, applied {}, ATX-synced {})", state, next,
                    current, synced, applied, atxs.atxSynced());
            state = next;
        }
        edge.synced(next == SyncStatus.State.SYNCED, wall.millis());
    }
}
