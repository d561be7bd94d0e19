package io.smnode.api;

import io.smnode.core.types.LayerId;

/**
 * What the node can say about its place in the network, for the status calls and the status page. A port: the node
 * implements it over what it runs (peers from p2p, layers from the mesh); until a part runs, its answer is the
 * neutral one (no peers, layer 0).
 */
public interface NodeStatusSource {
    /** How far the node is with the network: the v2alpha1 sync status. */
    enum SyncState { OFFLINE, SYNCING, SYNCED }

    long connectedPeers();

    SyncState syncState();

    /** The latest layer the node has seen blocks of (v1 synced_layer, v2alpha1 latest_layer). */
    LayerId latestLayer();

    /** The last layer applied to the state (v2alpha1 applied_layer). */
    LayerId appliedLayer();

    /** The last layer whose votes were processed, i.e. verified (v1 verified_layer, v2alpha1 processed_layer). */
    LayerId processedLayer();
}
