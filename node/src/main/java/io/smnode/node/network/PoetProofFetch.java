package io.smnode.node.network;

import io.smnode.activation.ActivationTx;
import io.smnode.activation.AtxDecoder;
import io.smnode.activation.AtxPoetRefs;
import io.smnode.actors.storage.StorageActor;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.mesh.pipeline.Hint;
import io.smnode.p2p.P2pHost;
import io.smnode.p2p.fetch.Fetcher;
import io.smnode.p2p.identity.PeerId;
import io.smnode.persistence.atx.StoredPoetProofs;
import io.smnode.poet.FetchedPoetProof;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Scheduler;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches the PoET proofs an ATX names when the node lacks them (a node that joins late never heard its PoET's
 * rounds), as go-spacemesh's ATX handler fetches an ATX's references: {@code hs/1}, hint {@code POETDB}, first from
 * the peer that served the ATX. A served message is judged ({@link FetchedPoetProof}: it decodes, is the proof asked
 * for and verifies); a peer that served an invalid one is disconnected, a valid one is kept through the storage
 * writer and whoever waited for it (the ATX handler's judgement of the ATX) goes on once it is durable.
 */
final class PoetProofFetch {
    private static final Logger LOG = LoggerFactory.getLogger(PoetProofFetch.class);
    private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(10);

    private final P2pHost host;
    private final Fetcher fetcher;
    private final AtxDecoder decoder;
    private final StoredPoetProofs stored;
    private final ActorRef<StorageActor.Command> storage;
    private final Scheduler scheduler;
    private final Clock clock;
    private final AtomicLong kept = new AtomicLong();

    PoetProofFetch(P2pHost host, Fetcher fetcher, AtxDecoder decoder, StoredPoetProofs stored,
                   ActorRef<StorageActor.Command> storage, Scheduler scheduler, Clock clock) {
        this.host = host;
        this.fetcher = fetcher;
        this.decoder = decoder;
        this.stored = stored;
        this.storage = storage;
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** How many fetched proofs were kept. */
    long kept() {
        return kept.get();
    }

    /**
     * Fetches the proofs {@code atx} names that are not stored, {@code from} asked first; {@code then} runs once per
     * proof kept (at once when none is missing any more: it was kept meanwhile).
     */
    void fetchFor(Bytes atx, PeerId from, Runnable then) {
        List<Hash32> missing;
        try {
            ActivationTx decoded = decoder.decode(atx.toByteArray());
            missing = AtxPoetRefs.of(decoded).stream().filter(r -> stored.leafCount(r).isEmpty()).toList();
        } catch (AtxDecoder.MalformedAtxException | RuntimeException e) {
            return; // the handler judged it already: nothing to fetch for bytes that do not decode
        }
        if (missing.isEmpty()) {
            then.run();
            return;
        }
        for (Hash32 ref : missing) {
            Bytes id = Bytes.of(ref.toByteArray());
            fetcher.announced(id, from);
            fetcher.request(Hint.POET.wireName(), id, (peer, data) -> arrived(ref, peer, data, then), clock.millis());
        }
    }

    private void arrived(Hash32 ref, PeerId peer, Bytes data, Runnable then) {
        if (stored.leafCount(ref).isPresent()) {
            then.run();
            return;
        }
        FetchedPoetProof.Judged judged = FetchedPoetProof.judge(data, ref);
        if (!judged.verdict().accepted()) {
            LOG.info("peer {} served an invalid PoET proof {} ({}); disconnecting", peer, ref.hex(), judged.verdict());
            host.disconnect(peer);
            return;
        }
        AskPattern.ask(storage, (ActorRef<StorageActor.CommitResult> r) -> new StorageActor.Commit(
                StoredPoetProofs.keep(judged.message()), r), COMMIT_TIMEOUT, scheduler).whenComplete((res, err) -> {
                    if (res instanceof StorageActor.Committed) {
                        LOG.info("PoET proof {} of round {} fetched from {} and kept", ref.hex(),
                                judged.message().roundId(), peer);
                        kept.incrementAndGet();
                        then.run();
                    } else {
                        LOG.warn("keeping PoET proof {} failed: {}", ref.hex(), err != null ? err : res);
                    }
                });
    }
}
