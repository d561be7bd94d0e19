package io.smnode.node.network;

import io.smnode.actors.atx.AtxGossip;
import io.smnode.actors.gossip.FetchNetwork;
import io.smnode.actors.gossip.GossipNetwork;
import io.smnode.core.types.Bytes;
import io.smnode.mesh.pipeline.Hint;
import io.smnode.mesh.pipeline.Topic;
import io.smnode.p2p.P2pHost;
import io.smnode.p2p.fetch.Fetcher;
import java.time.Clock;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the consensus side sees of the network, made before the p2p host runs (the ports are spawned first): the
 * gossip network behind the gossip port, the ATX publisher and the fetch network behind the fetch port. Until the
 * p2p component attached its host (and after it stopped) there are no peers: publications reach only the node's own
 * intakes and fetches are refused, as on a lone node.
 */
public final class NetworkEdge implements GossipNetwork, AtxGossip, FetchNetwork {
    private static final Logger LOG = LoggerFactory.getLogger(NetworkEdge.class);

    private record Attached(P2pHost host, Fetcher fetcher) {}

    private final AtomicReference<Attached> attached = new AtomicReference<>();
    private final Clock clock;

    public NetworkEdge(Clock clock) {
        this.clock = clock;
    }

    void attach(P2pHost host, Fetcher fetcher) {
        attached.set(new Attached(host, fetcher));
    }

    void detach() {
        attached.set(null);
    }

    @Override
    public void publish(Topic topic, Bytes bytes) {
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
     * id is not the requested one (or that does not decode) is dropped and its peer disconnected, before any intake
     * sees it. The intake of the kind judges the rest.
     */
    @Override
    public boolean request(Hint hint, Bytes id, Consumer<Bytes> arrived) {
        Attached a = attached.get();
        return a != null && a.fetcher().request(hint.wireName(), id, (peer, data) -> {
            if (FetchedIds.matches(hint, id, data)) {
                arrived.accept(data);
            } else {
                LOG.info("peer {} served a {} that is not {}; disconnecting", peer, hint.wireName(), id.hex());
                a.host().disconnect(peer);
            }
        }, clock.millis());
    }
}
