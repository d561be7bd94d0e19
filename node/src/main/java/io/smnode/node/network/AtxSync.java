package io.smnode.node.network;

import io.smnode.activation.AtxRule;
import io.smnode.actors.atx.AtxHandlerActor;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.time.LayerClock;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.core.verdict.Rule;
import io.smnode.core.verdict.Verdict;
import io.smnode.mesh.pipeline.Hint;
import io.smnode.p2p.P2pHost;
import io.smnode.p2p.fetch.FetchMessages;
import io.smnode.p2p.fetch.Fetcher;
import io.smnode.p2p.identity.PeerId;
import io.smnode.persistence.atx.LmdbAtxStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Scheduler;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * ATX sync (spec 07 §4 step 2), run every sync interval: asks a peer for the ids of the ATXs published in each epoch
 * ({@code ax/1}) — every epoch up to the current one until the node is ATX-synced, then the previous and the current
 * one and any earlier one that still misses ATXs — and fetches those the node does not store ({@code hs/1}, hint
 * {@code ATXDB}) for the ATX handler, which validates each as a gossiped one. An ATX that names a PoET proof the node
 * lacks has it fetched first ({@link PoetProofFetch}); one that names another ATX not stored yet waits and is judged
 * again whenever a fetched ATX is stored (the dependencies of one round arrive in any order); a peer that served an
 * invalid one is disconnected. The node is {@link #atxSynced} once a complete listing finds every ATX stored (or
 * after a few complete listings, so that an ATX nobody serves valid does not hold it back for ever).
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
    private static final Set<Rule> WAITS_FOR_ATX = Set.of(AtxRule.UNKNOWN_PREVIOUS_ATX,
            AtxRule.UNKNOWN_POSITIONING_ATX, AtxRule.UNKNOWN_COMMITMENT_ATX, AtxRule.UNKNOWN_MARRIAGE_ATX);
    private static final int MAX_WAITING = 100_000;

    /** Complete listings without every ATX stored after which the node counts as ATX-synced all the same. */
    private static final int ROUNDS_BEFORE_GIVING_UP = 5;

    private volatile boolean synced;
    private volatile boolean running;
    private volatile long incompleteFrom = Long.MAX_VALUE;
    private int completeRounds;
    private final AtomicLong listed = new AtomicLong();
    /** Fetched ATXs that wait for another ATX: judged again whenever a fetched one is stored. */
    private final Queue<Waiting> waiting = new ConcurrentLinkedQueue<>();

    private record Waiting(PeerId peer, Bytes bytes, Hash32 expected) {}

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

    /**
     * One round; a round still running is not overlapped. Until ATX-synced every epoch is listed; afterwards the
     * previous and current ones, and any earlier one that still had ATXs missing in the last round. Completes when
     * the round's listings are answered and counted (at once when no round starts); the fetches it asked for go on.
     */
    CompletableFuture<Void> run() {
        List<PeerId> peers = host.peers().stream().sorted().toList();
        if (peers.isEmpty() || running || clock.instant().isBefore(layers.genesis())) {
            return CompletableFuture.completedFuture(null);
        }
        running = true;
        long current = layers.layerAt(clock.instant()).epoch(layers.layersPerEpoch()).value();
        long from = synced ? Math.max(0, Math.min(current - 1, incompleteFrom)) : 0;
        Map<Long, Integer> missing = new ConcurrentHashMap<>();
        List<CompletableFuture<Boolean>> rounds = new ArrayList<>();
        for (long e = from; e <= current; e++) {
            long epoch = e;
            PeerId peer = peers.get(random.nextInt(peers.size()));
            rounds.add(host.request(peer, "ax/1", Bytes.wrap(FetchMessages.epochOrLayer(epoch))).toCompletableFuture()
                    .thenApplyAsync(data -> {
                        List<Bytes> ids = decode(data);
                        listed.addAndGet(ids.size());
                        missing.put(epoch, fetchMissing(ids));
                        return true;
                    }, blocking)
                    .exceptionally(err -> {
                        LOG.debug("ATX sync of epoch {} from {}: {}", epoch, peer, err.toString());
                        return false;
                    }));
        }
        return CompletableFuture.allOf(rounds.toArray(CompletableFuture[]::new)).whenComplete((v, err) -> {
            boolean all = rounds.stream().allMatch(r -> r.getNow(false));
            int asked = missing.values().stream().mapToInt(Integer::intValue).sum();
            incompleteFrom = missing.entrySet().stream().filter(m -> m.getValue() > 0).mapToLong(Map.Entry::getKey)
                    .min().orElse(Long.MAX_VALUE);
            if (all && !synced) {
                completeRounds++;
                // Synced once a complete listing finds every ATX stored; an ATX no peer serves valid (or whose
                // dependencies never come) does not hold the node back for ever.
                if (asked == 0 || completeRounds > ROUNDS_BEFORE_GIVING_UP) {
                    synced = true;
                    running = false;
                    LOG.info("ATX sync: epochs {} to {} listed ({} ids over {} round(s)), {} missing; ATX-synced",
                            from, current, listed.get(), completeRounds, asked);
                    return;
                }
            }
            if (asked > 0) {
                LOG.info("ATX sync: epochs {} to {}, {} missing ATX(s) asked for", from, current, asked);
            }
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
        GossipWiring.ask(handler, scheduler, bytes, Optional.of(expected)).thenAccept(v -> {
                    if (v.accepted()) {
                        // What waited for this one (its previous or positioning ATX) goes round again.
                        for (Waiting w = waiting.poll(); w != null; w = waiting.poll()) {
                            judge(w.peer(), w.bytes(), w.expected());
                        }
                    } else if (v.rejected()) {
                        LOG.info("peer {} served an invalid ATX {} ({}); disconnecting", peer, expected.hex(), v);
                        host.disconnect(peer);
                    } else if (v.ruleOrNull() == AtxRule.UNKNOWN_POET_PROOF) {
                        poets.fetchFor(bytes, peer, () -> judge(peer, bytes, expected));
                    } else if (WAITS_FOR_ATX.contains(v.ruleOrNull()) && waiting.size() < MAX_WAITING) {
                        waiting.add(new Waiting(peer, bytes, expected));
                    } else {
                        LOG.debug("fetched ATX {} from {} not stored: {}", expected.hex(), peer, v);
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
