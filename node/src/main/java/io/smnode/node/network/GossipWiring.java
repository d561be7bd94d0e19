package io.smnode.node.network;

import io.smnode.activation.AtxRule;
import io.smnode.actors.atx.AtxGossip;
import io.smnode.actors.atx.AtxHandlerActor;
import io.smnode.actors.gossip.GossipPort;
import io.smnode.core.codec.Scale;
import io.smnode.core.codec.ScaleException;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.core.verdict.CommonRule;
import io.smnode.core.verdict.Verdict;
import io.smnode.mesh.pipeline.Topic;
import io.smnode.mesh.proposal.Proposal;
import io.smnode.p2p.P2pHost;
import io.smnode.p2p.TopicIngestion;
import io.smnode.p2p.fetch.Fetcher;
import io.smnode.p2p.identity.PeerId;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Scheduler;
import org.apache.pekko.actor.typed.javadsl.AskPattern;

/**
 * Joins the gossip topics of spec 07 §2 and hands each message that passed the topic's ingestion graph (size cap,
 * dedup) to the component that judges it: {@code ax1} to the ATX handler, every other topic through the gossip port
 * to its registered intake. The verdict goes back to gossipsub: accept delivers and forwards, ignore drops, reject
 * drops, penalises the sender and disconnects it. Nothing is forwarded before the judging component accepted it
 * (an accept only once what the message changed is durable). As in the reference, {@code ax1} and {@code mp1} are
 * ignored until the node is ATX-synced, and every topic but hare's while the syncer says not synced.
 *
 * <p>A proposal's sender is remembered as the first peer to ask for what it references (its ATX, reference ballot
 * and transactions), as the reference's fetcher does.
 */
public final class GossipWiring {
    /** Longer than an ATX's validation under load; a verdict that does not come in time is an ignore. */
    static final Duration VERDICT_TIMEOUT = Duration.ofSeconds(30);

    private static final java.util.Set<Topic> BEACON = java.util.EnumSet.of(Topic.BEACON_PROPOSAL,
            Topic.BEACON_FIRST_VOTES, Topic.BEACON_FOLLOWING_VOTES, Topic.BEACON_WEAK_COIN);

    private GossipWiring() {}

    /** What the syncer says about taking gossip now (spec 07 §2 "accepted when"). */
    interface Gate {
        boolean atxSynced();

        boolean takesGossip();
    }

    static void join(P2pHost host, Scheduler scheduler, ActorRef<GossipPort.Command> port,
                     ActorRef<AtxHandlerActor.Command> atxs, Fetcher fetcher, PoetProofFetch poets, boolean beacon,
                     Gate gate) {
        for (Topic topic : Topic.values()) {
            if (!beacon && BEACON.contains(topic)) {
                continue; // beacon topics are registered only when the beacon protocol runs (RoundsNumber > 0)
            }
            host.join(topic.wireName(), TopicIngestion.of((t, from, data) -> {
                if (topic == Topic.MALFEASANCE ? !gate.atxSynced() : topic != Topic.HARE && !gate.takesGossip()) {
                    return CompletableFuture.completedFuture(Verdict.ignore(CommonRule.NOT_NOW, "not synced"));
                }
                if (topic == Topic.PROPOSAL) {
                    announce(fetcher, from, data);
                }
                return orIgnore(AskPattern.ask(port, (ActorRef<Verdict> r) -> new GossipPort.Receive(topic, data,
                        from.toString(), r), VERDICT_TIMEOUT, scheduler));
            }));
        }
        host.join(AtxGossip.TOPIC, TopicIngestion.of((t, from, data) -> !gate.atxSynced()
                ? CompletableFuture.completedFuture(Verdict.ignore(CommonRule.NOT_NOW, "not ATX-synced"))
                : orIgnore(judgeAtx(atxs, poets, scheduler, from, data))));
    }

    /**
     * A gossiped ATX's verdict; one naming a PoET proof this node does not have yet has the proof fetched from the
     * sender (then any peer) and is judged again, as the reference's handler fetches it while validating: a node
     * that had not asked its PoET for the round's proof yet dropped every ATX of the round gossiped before it did,
     * and got them only from ATX sync, seconds later.
     */
    static CompletionStage<Verdict> judgeAtx(ActorRef<AtxHandlerActor.Command> atxs, PoetProofFetch poets,
                                                     Scheduler scheduler, PeerId from, Bytes data) {
        return ask(atxs, scheduler, data, Optional.empty()).thenCompose(v -> {
            if (v.ruleOrNull() != AtxRule.UNKNOWN_POET_PROOF) {
                return CompletableFuture.completedFuture(v);
            }
            CompletableFuture<Verdict> again = new CompletableFuture<>();
            poets.fetchFor(data, from, () -> ask(atxs, scheduler, data, Optional.empty()).whenComplete((w, err) -> {
                if (err != null) {
                    again.completeExceptionally(err);
                } else {
                    again.complete(w);
                }
            }));
            return again.orTimeout(VERDICT_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        });
    }

    /** The ATX handler's verdict on {@code data} (gossiped, or fetched as {@code expected}). */
    static CompletionStage<Verdict> ask(ActorRef<AtxHandlerActor.Command> atxs, Scheduler scheduler, Bytes data,
                                        Optional<Hash32> expected) {
        return AskPattern.ask(atxs, (ActorRef<Verdict> r) -> new AtxHandlerActor.HandleAtx(data, expected, r),
                VERDICT_TIMEOUT, scheduler);
    }

    private static CompletionStage<Verdict> orIgnore(CompletionStage<Verdict> verdict) {
        return verdict.exceptionally(e -> Verdict.ignore(CommonRule.TIMEOUT, "no verdict: " + e));
    }

    private static void announce(Fetcher fetcher, PeerId from, Bytes data) {
        try {
            Proposal p = Scale.decode(Proposal.CODEC, data.toByteArray());
            fetcher.announced(Bytes.of(p.ballot().inner().atxId().toByteArray()), from);
            if (!p.ballot().inner().refBallot().isZero()) {
                fetcher.announced(Bytes.of(p.ballot().inner().refBallot().toByteArray()), from);
            }
            p.txIds().forEach(tx -> fetcher.announced(Bytes.of(tx.toByteArray()), from));
        } catch (ScaleException | RuntimeException e) {
            // Malformed: the proposal intake rejects it; nothing to remember.
        }
    }
}
