package io.smnode.node.network;

import io.smnode.actors.consensus.ConsensusActor;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.LayerId;
import io.smnode.core.verdict.Verdict;
import io.smnode.p2p.P2pHost;
import io.smnode.p2p.fetch.FetchMessages;
import io.smnode.p2p.identity.PeerId;
import io.smnode.persistence.mesh.StoreMeshReads;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Scheduler;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Certificate sync (spec 07 §4 step 4): for the layers within {@link #SYNC_CERT_DISTANCE} of the current one that
 * have neither a hare output nor a certificate on this node (it was not there when their hare ran), asks a peer for
 * the layer's opinion ({@code lp/2}) and, when the peer names a certified block, for that block's certificate; the
 * block component checks it and adopts it as the layer's hare output. A peer that served an invalid certificate is
 * disconnected; a layer whose certificate was adopted is not asked again.
 */
final class CertificateSync {
    private static final Logger LOG = LoggerFactory.getLogger(CertificateSync.class);
    /** The reference's {@code SyncCertDistance}. */
    static final long SYNC_CERT_DISTANCE = 10;
    private static final Duration VERDICT_TIMEOUT = Duration.ofSeconds(30);

    private final P2pHost host;
    private final StoreMeshReads mesh;
    private final ActorRef<ConsensusActor.Command> consensus;
    private final Scheduler scheduler;
    private final Random random;
    private final long effectiveGenesis;
    private final Set<Long> asking = ConcurrentHashMap.newKeySet();
    private final AtomicLong adopted = new AtomicLong();

    CertificateSync(P2pHost host, StoreMeshReads mesh, ActorRef<ConsensusActor.Command> consensus,
                    Scheduler scheduler, Random random, long effectiveGenesis) {
        this.host = host;
        this.mesh = mesh;
        this.consensus = consensus;
        this.scheduler = scheduler;
        this.random = random;
        this.effectiveGenesis = effectiveGenesis;
    }

    /** How many certificates were adopted so far. */
    long adopted() {
        return adopted.get();
    }

    /** One round for the layers up to {@code syncedTo} (whose ballots are in) within the distance of {@code current}. */
    void run(long current, long syncedTo) {
        List<PeerId> peers = host.peers().stream().sorted().toList();
        if (peers.isEmpty()) {
            return;
        }
        long from = Math.max(effectiveGenesis + 1, current - SYNC_CERT_DISTANCE);
        for (long l = from; l <= Math.min(syncedTo, current - 1); l++) {
            LayerId layer = LayerId.of(l);
            if (mesh.certificate(layer).isPresent() || mesh.hareOutput(layer).isPresent() || !asking.add(l)) {
                continue;
            }
            PeerId peer = peers.get(random.nextInt(peers.size()));
            long at = l;
            opinion(peer, at).thenCompose(certified -> certified.isEmpty()
                            ? CompletableFuture.completedFuture(Optional.<Bytes>empty())
                            : certificate(peer, at, certified.get()))
                    .thenCompose(cert -> cert.isEmpty() ? CompletableFuture.completedFuture(Verdict.accept())
                            : judge(peer, at, cert.get()))
                    .whenComplete((v, err) -> {
                        if (err != null) {
                            LOG.debug("certificate of layer {} from {}: {}", at, peer, err.toString());
                        }
                        asking.remove(at);
                    });
        }
    }

    private CompletableFuture<Optional<Bytes>> opinion(PeerId peer, long layer) {
        return host.request(peer, "lp/2", Bytes.wrap(FetchMessages.encode(new FetchMessages.OpinionRequest(layer,
                Optional.empty())))).toCompletableFuture().thenApply(data -> {
                    try {
                        return FetchMessages.decodeLayerOpinion(data.toByteArray()).certified();
                    } catch (ScaleException e) {
                        throw new IllegalArgumentException("malformed lp/2 answer: " + e.getMessage(), e);
                    }
                });
    }

    private CompletableFuture<Optional<Bytes>> certificate(PeerId peer, long layer, Bytes block) {
        return host.request(peer, "lp/2", Bytes.wrap(FetchMessages.encode(new FetchMessages.OpinionRequest(layer,
                Optional.of(block))))).toCompletableFuture()
                .thenApply(data -> data.length() == 0 ? Optional.<Bytes>empty() : Optional.of(data));
    }

    private CompletableFuture<Verdict> judge(PeerId peer, long layer, Bytes cert) {
        return AskPattern.<ConsensusActor.Command, Verdict>ask(consensus, r -> new ConsensusActor.SyncCertificate(
                LayerId.of(layer), cert, r), VERDICT_TIMEOUT, scheduler).toCompletableFuture().thenApply(v -> {
                    if (v.rejected()) {
                        LOG.info("peer {} served an invalid certificate of layer {} ({}); disconnecting", peer, layer,
                                v);
                        host.disconnect(peer);
                    } else if (v.accepted()) {
                        adopted.incrementAndGet();
                        LOG.info("certificate of layer {} fetched from {} and adopted", layer, peer);
                    }
                    return v;
                });
    }
}
