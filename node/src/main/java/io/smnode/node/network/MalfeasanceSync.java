package io.smnode.node.network;

import io.smnode.actors.gossip.GossipPort;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.signing.EdVerifier;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.NodeId;
import io.smnode.core.verdict.Verdict;
import io.smnode.mesh.malfeasance.MalfeasanceProofs;
import io.smnode.mesh.pipeline.Hint;
import io.smnode.mesh.pipeline.Topic;
import io.smnode.p2p.P2pHost;
import io.smnode.p2p.fetch.FetchMessages;
import io.smnode.p2p.fetch.Fetcher;
import io.smnode.p2p.identity.PeerId;
import io.smnode.persistence.mesh.StoreMeshReads;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Scheduler;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Malfeasance sync (spec 07 §4 step 2): once ATX-synced, and again every {@code every} (the reference re-polls every
 * 30 min), asks a peer for the identities it holds proofs against ({@code ml/1}) and fetches the proof of each one
 * this node does not know as malicious ({@code hs/1}, hint {@code malfeasance}, keyed by the node id). A fetched proof
 * must prove the identity it was asked for (else the peer is dropped, as the reference's {@code errWrongHash}); it is
 * then judged as a gossiped one ({@code mp1}), which stores it and makes the identity malicious.
 */
final class MalfeasanceSync {
    private static final Logger LOG = LoggerFactory.getLogger(MalfeasanceSync.class);

    private final P2pHost host;
    private final Fetcher fetcher;
    private final StoreMeshReads mesh;
    private final ActorRef<GossipPort.Command> gossip;
    private final Scheduler scheduler;
    private final EdVerifier verifier;
    private final Executor blocking;
    private final Clock clock;
    private final Random random;
    private final Duration every;
    private final AtomicLong fetched = new AtomicLong();
    private volatile long lastRound = Long.MIN_VALUE;
    private volatile boolean running;

    MalfeasanceSync(P2pHost host, Fetcher fetcher, StoreMeshReads mesh, ActorRef<GossipPort.Command> gossip,
                    Scheduler scheduler, EdVerifier verifier, Executor blocking, Clock clock, Random random,
                    Duration every) {
        this.host = host;
        this.fetcher = fetcher;
        this.mesh = mesh;
        this.gossip = gossip;
        this.scheduler = scheduler;
        this.verifier = verifier;
        this.blocking = blocking;
        this.clock = clock;
        this.random = random;
        this.every = every;
    }

    /** Proofs fetched and judged valid so far. */
    long fetched() {
        return fetched.get();
    }

    /**
     * A round when one is due (the first call, then every {@code every}) and none runs; returns its end (the
     * listing answered and the missing proofs asked for), or a completed future when no round starts.
     */
    CompletableFuture<Void> run() {
        List<PeerId> peers = host.peers().stream().sorted().toList();
        long now = clock.millis();
        if (peers.isEmpty() || running || (lastRound != Long.MIN_VALUE && now - lastRound < every.toMillis())) {
            return CompletableFuture.completedFuture(null);
        }
        running = true;
        lastRound = now;
        PeerId peer = peers.get(random.nextInt(peers.size()));
        return host.request(peer, "ml/1", Bytes.EMPTY).toCompletableFuture()
                .thenAcceptAsync(data -> {
                    List<Bytes> listed = decode(data);
                    int asked = 0;
                    for (Bytes id : listed) {
                        NodeId offender = NodeId.of(id.toByteArray());
                        if (mesh.malfeasance(offender).isEmpty() && fetcher.request(Hint.MALFEASANCE.wireName(), id,
                                (from, proof) -> judge(offender, from, proof), clock.millis())) {
                            asked++;
                        }
                    }
                    if (asked > 0) {
                        LOG.info("malfeasance sync: {} proof(s) asked for ({} malicious identities listed by {})",
                                asked, listed.size(), peer);
                    }
                }, blocking)
                .whenComplete((v, err) -> {
                    if (err != null) {
                        LOG.debug("malfeasance sync: {} did not list: {}", peer, err.toString());
                        lastRound = Long.MIN_VALUE; // asked again at the next syncer round
                    }
                    running = false;
                })
                .exceptionally(err -> null);
    }

    /** A fetched proof: it must prove {@code expected}; then the malfeasance component judges it as gossip. */
    private void judge(NodeId expected, PeerId from, Bytes proof) {
        MalfeasanceProofs.Checked checked = MalfeasanceProofs.check(proof, verifier);
        if (!checked.verdict().accepted() || !checked.offender().equals(Optional.of(expected))) {
            LOG.info("peer {} served an invalid malfeasance proof for {} ({}); disconnecting", from, expected.hex(),
                    checked.verdict().accepted() ? "it proves " + checked.offender().map(NodeId::hex).orElse("nobody")
                            : checked.verdict());
            host.disconnect(from);
            return;
        }
        AskPattern.ask(gossip, (ActorRef<Verdict> r) -> new GossipPort.Receive(Topic.MALFEASANCE,
                MalfeasanceProofs.gossip(proof), from.toString(), r), GossipWiring.VERDICT_TIMEOUT, scheduler)
                .thenAccept(v -> {
                    if (v.accepted()) {
                        fetched.incrementAndGet();
                        LOG.info("malfeasance proof of {} fetched from {}: the identity is malicious", expected.hex(),
                                from);
                    } else if (v.rejected()) {
                        LOG.info("peer {} served a rejected malfeasance proof for {} ({}); disconnecting", from,
                                expected.hex(), v);
                        host.disconnect(from);
                    }
                });
    }

    private static List<Bytes> decode(Bytes data) {
        try {
            return FetchMessages.decodeIds(data.toByteArray(), NodeId.LENGTH, FetchMessages.MAX_MALICIOUS_IDS);
        } catch (ScaleException e) {
            throw new IllegalArgumentException("malformed ml/1 answer: " + e.getMessage(), e);
        }
    }
}
