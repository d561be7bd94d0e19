package io.smnode.node.network;

import io.smnode.actors.gossip.FetchPort;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.types.BallotId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.LayerId;
import io.smnode.mesh.pipeline.Hint;
import io.smnode.p2p.P2pHost;
import io.smnode.p2p.fetch.FetchMessages;
import io.smnode.p2p.identity.PeerId;
import io.smnode.persistence.mesh.StoreMeshReads;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Layer data sync (spec 07 §4 step 3): for the layers after the last synced one up to the one before the current,
 * asks a peer for the layer's ballot ids ({@code ld/1}) and has the fetch port fetch those the node does not store
 * (the proposal handler judges each fetched ballot; blocks follow from the tortoise's and the mesh's fetches). A
 * layer counts as synced once a peer answered for it (the peers asked in turn, in a random order, until one does);
 * at most {@link #LAYERS_PER_ROUND} layers a round.
 */
final class LayerSync {
    private static final Logger LOG = LoggerFactory.getLogger(LayerSync.class);
    static final int LAYERS_PER_ROUND = 50;

    private final P2pHost host;
    private final StoreMeshReads mesh;
    private final ActorRef<FetchPort.Command> fetch;
    private final Executor blocking;
    private final Random random;
    private final Duration timeout;
    private volatile long lastSynced;
    private volatile boolean running;

    /** @param lastSynced where the node's data is known complete (its last applied layer, or the effective genesis) */
    /**
     * @param timeout how long one peer may take to answer for a layer before the next peer is asked
     */
    LayerSync(P2pHost host, StoreMeshReads mesh, ActorRef<FetchPort.Command> fetch, Executor blocking, Random random,
              long lastSynced, Duration timeout) {
        this.host = host;
        this.timeout = timeout;
        this.mesh = mesh;
        this.fetch = fetch;
        this.blocking = blocking;
        this.random = random;
        this.lastSynced = lastSynced;
    }

    long lastSynced() {
        return lastSynced;
    }

    /** One round up to {@code current − 1}; a round still running is not overlapped. */
    void run(long current) {
        List<PeerId> peers = host.peers().stream().sorted().toList();
        if (peers.isEmpty() || running || lastSynced >= current - 1) {
            return;
        }
        running = true;
        long from = lastSynced + 1;
        long to = Math.min(current - 1, lastSynced + LAYERS_PER_ROUND);
        CompletableFuture<Void> chain = CompletableFuture.completedFuture(null);
        for (long l = from; l <= to; l++) {
            long layer = l;
            List<PeerId> order = new ArrayList<>(peers);
            Collections.shuffle(order, random);
            chain = chain.thenCompose(v -> ask(order, 0, layer))
                    .thenAcceptAsync(data -> {
                        int asked = fetchMissing(decode(data));
                        if (asked > 0) {
                            LOG.info("layer sync: layer {}: {} missing ballot(s) asked for", layer, asked);
                        }
                        lastSynced = layer;
                    }, blocking);
        }
        chain.whenComplete((v, err) -> {
            if (err != null) {
                LOG.debug("layer sync stopped at {}: {}", lastSynced, err.toString());
            }
            running = false;
        });
    }

    /**
     * The layer's ballot ids from the first of {@code peers} (from {@code index} on) that answers within the timeout:
     * one peer that is down, restarting or slow must not hold the node's data back (it would count as out of sync
     * after a few layers and stop taking part).
     */
    private CompletableFuture<Bytes> ask(List<PeerId> peers, int index, long layer) {
        PeerId peer = peers.get(index);
        return host.request(peer, "ld/1", Bytes.wrap(FetchMessages.epochOrLayer(layer))).toCompletableFuture()
                .orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS)
                .handle((data, err) -> {
                    if (err == null) {
                        return CompletableFuture.completedFuture(data);
                    }
                    LOG.debug("layer sync: {} did not answer for layer {}: {}", peer, layer, err.toString());
                    return index + 1 < peers.size() ? ask(peers, index + 1, layer)
                            : CompletableFuture.<Bytes>failedFuture(err);
                })
                .thenCompose(f -> f);
    }

    private static List<Bytes> decode(Bytes data) {
        try {
            return FetchMessages.decodeIds(data.toByteArray(), 20, FetchMessages.MAX_LAYER_BALLOTS);
        } catch (ScaleException e) {
            throw new IllegalArgumentException("malformed ld/1 answer: " + e.getMessage(), e);
        }
    }

    private int fetchMissing(List<Bytes> ids) {
        int n = 0;
        for (Bytes id : ids) {
            if (mesh.ballot(BallotId.of(id.toByteArray())).isEmpty()) {
                fetch.tell(new FetchPort.Fetch(Hint.BALLOT, id));
                n++;
            }
        }
        return n;
    }

    static long startingPoint(StoreMeshReads mesh, long effectiveGenesis) {
        return Math.max(effectiveGenesis, mesh.lastApplied().map(LayerId::value).orElse(0L));
    }
}
