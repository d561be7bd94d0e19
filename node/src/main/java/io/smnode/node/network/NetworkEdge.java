package io.smnode.node.network;

import io.smnode.actors.atx.AtxGossip;
import io.smnode.actors.gossip.FetchNetwork;
import io.smnode.actors.gossip.GossipNetwork;
import io.smnode.core.types.Bytes;
import io.smnode.core.verdict.Verdict;
import io.smnode.mesh.pipeline.Hint;
import io.smnode.mesh.pipeline.Topic;
import io.smnode.p2p.P2pHost;
import io.smnode.p2p.fetch.Fetcher;
import io.smnode.core.time.LayerClock;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the consensus side sees of the network, made before the p2p host runs (the ports are spawned first): the
 * gossip network behind the gossip port, the ATX publisher and the fetch network behind the fetch port. Until the
 * p2p component attached its host (and after it stopped) there are no peers: publications reach only the node's own
 * intakes and fetches are refused, as on a lone node. While the syncer says the node is not synced, its own hare,
 * proposal and certify messages (and beacon messages until it was synced through a whole epoch's start) stay
 * local: a node catching up takes part only once synced.
 */
public final class NetworkEdge implements GossipNetwork, AtxGossip, FetchNetwork {
    private static final Logger LOG = LoggerFactory.getLogger(NetworkEdge.class);

    private record Attached(P2pHost host, Fetcher fetcher) {}

    /** Hare, proposals and certification take part only while synced (spec 07 §4 step 5). */
    private static final Set<Topic> WHEN_SYNCED = EnumSet.of(Topic.PROPOSAL, Topic.HARE, Topic.CERTIFY);
    /** A beacon round runs through its epoch: only a node synced since the epoch began takes part in it. */
    private static final Set<Topic> BEACON = EnumSet.of(Topic.BEACON_PROPOSAL, Topic.BEACON_FIRST_VOTES,
            Topic.BEACON_FOLLOWING_VOTES, Topic.BEACON_WEAK_COIN);

    private final AtomicReference<Attached> attached = new AtomicReference<>();
    private final Clock clock;
    private final LayerClock layers;
    /** Since when (epoch millis) the syncer says synced; empty while it does not. */
    private volatile OptionalLong syncedSince = OptionalLong.empty();

    public NetworkEdge(Clock clock, LayerClock layers) {
        this.clock = clock;
        this.layers = layers;
    }

    /** The syncer's state after each round: participation follows it. */
    @Override
    public boolean synced() {
        return syncedSince.isPresent();
    }

    void synced(boolean synced, long nowMillis) {
        if (!synced) {
            syncedSince = OptionalLong.empty();
        } else if (syncedSince.isEmpty()) {
            syncedSince = OptionalLong.of(nowMillis);
        }
    }

    /**
     * Whether this node's own message on {@code topic} goes to peers now. Its own intakes hear it either way (the
     * gossip port delivers locally), so a node that is catching up runs the protocols without its messages, made
     * from what it has not synced yet, reaching the others.
     */
    boolean takesPart(Topic topic) {
        OptionalLong since = syncedSince;
        if (WHEN_SYNCED.contains(topic)) {
            return since.isPresent();
        }
        if (BEACON.contains(topic)) {
            Instant epochStart = layers.layerStart(layers.firstLayer(layers.epochOf(layers.layerAt(clock.instant()))));
            return since.isPresent() && since.getAsLong() <= epochStart.toEpochMilli();
        }
        return true;
    }

    void attach(P2pHost host, Fetcher fetcher) {
        attached.set(new Attached(host, fetcher));
    }

    void detach() {
        attached.set(null);
    }

    @Override
    public void publish(Topic topic, Bytes bytes) {
        if (attached.get() != null && !takesPart(topic)) {
            LOG.debug("not synced: own {} message of {} bytes not sent", topic.wireName(), bytes.length());
            return;
        }
        publish(topic.wireName(), bytes);
    }

    @Override
    public void publish(Bytes atx) {
        publish(AtxGossip.TOPIC, atx);
    }

    private void publish(String topic, Bytes bytes) {
        Attached a = attached.get();
        if (a == null) {
            LOG.debug("no p2p host yet: {} message of {} bytes stays local", topic, bytes.length());
            return;
        }
        a.host().publish(topic, bytes).whenComplete((id, err) -> {
            if (err != null) {
                LOG.warn("publishing on {} failed: {}", topic, err.toString());
            }
        });
    }

    /**
     * Asks peers for an object; what a peer serves must be the object asked for — a ballot, proposal or block whose
     * id is not the requested one (or that does not decode), a transaction whose bytes do not hash to it, is rejected
     * ({@link FetchedIds#judge}) and its peer disconnected, before any intake sees it. The intake of the kind judges
     * the rest.
     */
    @Override
    public boolean request(Hint hint, Bytes id, Consumer<Bytes> arrived) {
        Attached a = attached.get();
        return a != null && a.fetcher().request(hint.wireName(), id, (peer, data) -> {
            Verdict v = FetchedIds.judge(hint, id, data);
            if (v.accepted()) {
                arrived.accept(data);
            } else {
                LOG.info("peer {} served a {} that is not {} ({}); disconnecting", peer, hint.wireName(), id.hex(), v);
                a.host().disconnect(peer);
            }
        }, clock.millis());
    }
}
