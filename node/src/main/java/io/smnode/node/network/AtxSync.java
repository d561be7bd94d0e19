package io.smnode.node.network;

import io.smnode.activation.AtxRule;
import io.smnode.actors.atx.AtxHandlerActor;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.time.LayerClock;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.mesh.pipeline.Hint;
import io.smnode.p2p.P2pHost;
import io.smnode.p2p.fetch.FetchMessages;
import io.smnode.p2p.fetch.Fetcher;
import io.smnode.p2p.identity.PeerId;
import io.smnode.persistence.atx.LmdbAtxStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import io.smnode.core.verdict.Verdict;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Scheduler;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ATX sync (spec 07 §4 step 2), run every sync interval: asks a peer for the ids of the ATXs published in each epoch
 * ({@code ax/1}) — every epoch up to the current one until one round succeeded, then the current and the previous
 * one — and fetches those the node does not store ({@code hs/1}, hint {@code ATXDB}) for the ATX handler, which
 * validates each as a gossiped one (an ATX whose dependencies are not stored yet is ignored and asked for again in
 * the next round; a peer that served an invalid one is disconnected). After the first complete round the node is
 * {@link #atxSynced}.
 */
final class AtxSync {
    private static final Logger LOG = LoggerFactory.getLogger(AtxSync.class);

    private final P2pHost host;
    private final Fetcher fetcher;
    private final LmdbAtxStore atxs;
    private final LayerClock layers;
    private final Clock clock;
    private final ActorRef<AtxHandlerActor.Command> handler;
    private final Scheduler scheduler;
    private final Executor blocking;
    private final Random random;
    private final PoetProofFetch poets;
    private volatile boolean synced;
    private volatile boolean running;

    AtxSync(P2pHost host, Fetcher fetcher, LmdbAtxStore atxs, LayerClock layers, Clock clock,
            ActorRef<AtxHandlerActor.Command> handler, Scheduler scheduler,
            Executor blocking, Random random, PoetProofFetch poets) {
        this.host = host;
        this.fetcher = fetcher;
        this.atxs = atxs;
        this.layers = layers;
        this.clock = clock;
        this.handler = handler;
        this.scheduler = scheduler;
        this.blocking = blocking;
        this.random = random;
        this.poets = poets;
    }

    boolean atxSynced() {
        return synced;
    }

    /** One round; a round still running is not overlapped. */
    void run() {
        List<PeerId> peers = host.peers().stream().sorted().toList();
        if (peers.isEmpty() || running || clock.instant().isBefore(layers.genesis())) {
            return;
        }
        running = true;
        long current = layers.layerAt(clock.instant()).epoch(layers.layersPerEpoch()).value();
        long from = synced ? Math.max(0, current - 1) : 0;
        AtomicInteger asked = new AtomicInteger();
        List<CompletableFuture<Boolean>> rounds = new ArrayList<>();
        for (long e = from; e <= current; e++) {
            long epoch = e;
            PeerId peer = peers.get(random.nextInt(peers.size()));
            rounds.add(host.request(peer, "ax/1", Bytes.wrap(FetchMessages.u32(epoch))).toCompletableFuture()
                    .thenApplyAsync(data -> {
                        asked.addAndGet(fetchMissing(decode(data)));
                        return true;
                    }, blocking)
                    .exceptionally(err -> {
                        LOG.debug("ATX sync of epoch {} from {}: {}", epoch, peer, err.toString());
                        return false;
                    }));
        }
        CompletableFuture.allOf(rounds.toArray(CompletableFuture[]::new)).whenComplete((v, err) -> {
            boolean all = rounds.stream().allMatch(r -> r.getNow(false));
            if (all && !synced) {
                LOG.info("ATX sync: epochs {} to {} listed, {} ATX(s) asked for; ATX-synced", from, current,
                        asked.get());
            } else if (asked.get() > 0) {
                LOG.info("ATX sync: epochs {} to {}, {} missing ATX(s) asked for", from, current, asked.get());
            }
            synced |= all;
            running = false;
        });
    }

    private static List<Bytes> decode(Bytes data) {
        try {
            return FetchMessages.decodeIds(data.toByteArray(), 32, FetchMessages.MAX_EPOCH_ATXS);
        } catch (ScaleException e) {
            throw new IllegalArgumentException("malformed ax/1 answer: " + e.getMessage(), e);
        }
    }

    /**
     * A fetched ATX is judged as a gossiped one; a peer that served an invalid one is dropped. One that waits for a
     * PoET proof the node lacks has it fetched ({@link PoetProofFetch}) and is judged again once it is kept.
     */
    private void judge(PeerId peer, Bytes bytes, Hash32 expected) {
        AskPattern.ask(handler, (ActorRef<Verdict> r) -> new AtxHandlerActor.HandleAtx(bytes, Optional.of(expected),
                r), GossipWiring.VERDICT_TIMEOUT, scheduler).thenAccept(v -> {
                    if (v.rejected()) {
                        LOG.info("peer {} served an invalid ATX {} ({}); disconnecting", peer, expected.hex(), v);
                        host.disconnect(peer);
                    } else if (v.ruleOrNull() == AtxRule.UNKNOWN_POET_PROOF) {
                        poets.fetchFor(bytes, peer, () -> judge(peer, bytes, expected));
                    }
                });
    }

    private int fetchMissing(List<Bytes> ids) {
        int n = 0;
        for (Bytes id : ids) {
            if (atxs.contains(AtxId.of(id.toByteArray()))) {
                continue;
            }
            Hash32 expected = Hash32.of(id.toByteArray());
            if (fetcher.request(Hint.ATX.wireName(), id, (peer, bytes) -> judge(peer, bytes, expected),
                    clock.millis())) {
                n++;
            }
        }
        return n;
    }
}
