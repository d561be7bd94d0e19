package io.smnode.actors.atx;

import io.smnode.activation.AtxRule;
import io.smnode.activation.builder.BuilderConfig;
import io.smnode.activation.builder.SmesherSetup;
import io.smnode.actors.component.ComponentFactory;
import io.smnode.actors.component.ComponentNames;
import io.smnode.actors.component.Supervision;
import io.smnode.actors.post.PostServiceActor;
import io.smnode.actors.post.ProvingWorker;
import io.smnode.actors.storage.StorageActor;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.types.Address;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.Hash32;
import io.smnode.core.verdict.CommonRule;
import io.smnode.core.verdict.Verdict;
import io.smnode.persistence.Reads;
import io.smnode.persistence.atx.BuilderStates;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * This node's smeshing identity (spec 02 §5), component {@code smeshing}: waits until the PoST data is ready, makes
 * the initial PoST proof, then runs the identity's PoET port and ATX builder as its children. Publishing an ATX hands
 * its bytes to the node's own ATX handler first: the ATX is validated and stored exactly as a peer's would be, the
 * verdict is logged, and only an accepted ATX goes on to the peers ({@link AtxGossip}). A handler that does not judge it (restarting,
 * its queue full) is asked again until the ATX's publish window closes.
 */
public final class SmeshingActor {
    /**
     * How long the handler may take to judge an own ATX (validation, then the commit: well under a second). Short,
     * because a handler that crashed on the hand-over never answers, and the ATX must be judged before the next
     * epoch's ATX builds on it; a slower judgement only means the ATX is handed over again and found stored.
     */
    private static final Duration VERDICT_TIMEOUT = Duration.ofSeconds(4);
    /** How often the wish to hear that PoST is ready is repeated. */
    private static final Duration AWAIT_POST_AGAIN = Duration.ofSeconds(30);
    /** The pause before asking a handler that did not judge an own ATX again. */
    private static final Duration REPUBLISH_AFTER = Duration.ofSeconds(1);

    public sealed interface Command {}

    private record AwaitPost(ActorRef<PostServiceActor.Ready> replyTo) implements Command {}

    private record PostReady(PostServiceActor.Ready ready) implements Command {}

    private record InitialProof(ProvingWorker.Result result) implements Command {}

    private record Publish(PublishAtx atx) implements Command {}

    private record Judged(PublishAtx atx, Verdict verdict) implements Command {}

    private record HandOverAgain(PublishAtx atx) implements Command {}

    /** The identity and where it registers: everything the builder needs besides the PoST data. */
    public record Identity(EdSigner signer, Address coinbase, long numUnits, long labelsPerUnit, AtxId golden,
                           BuilderConfig builder, String poetName, PoetBackend poet) {}

    /** The components it works with. */
    public record Peers(ComponentFactory factory, ActorRef<StorageActor.Command> storage, Reads store,
                        ActorRef<AtxHandlerActor.Command> atxs, ActorRef<PostServiceActor.Command> post,
                        AtxGossip gossip) {}

    public static Behavior<Command> create(Identity identity, Peers peers, Clock clock) {
        return Behaviors.setup(ctx -> {
            ctx.setLoggerName(SmeshingActor.class);
            // Initialization may take days: no ask timeout fits. The wish is repeated instead, so a PoST component that
            // restarted meanwhile (and forgot its waiters) still answers.
            ActorRef<PostServiceActor.Ready> readyAdapter = ctx.messageAdapter(PostServiceActor.Ready.class,
                    PostReady::new);
            AwaitPost await = new AwaitPost(readyAdapter);
            ctx.getSelf().tell(await);
            return Behaviors.receive(Command.class)
                    .onMessage(AwaitPost.class, a -> {
                        peers.post().tell(new PostServiceActor.AwaitReady(a.replyTo()));
                        ctx.scheduleOnce(AWAIT_POST_AGAIN, ctx.getSelf(), a);
                        return Behaviors.same();
                    })
                    .onMessage(PostReady.class, r -> {
                        ctx.getLog().info("smeshing as {}: making the initial PoST proof", identity.signer().nodeId()
                                .hex());
                        ctx.ask(ProvingWorker.Result.class, peers.post(), Duration.ofHours(2),
                                to -> new PostServiceActor.Prove(Hash32.ZERO, to),
                                (result, failure) -> new InitialProof(result != null ? result
                                        : new ProvingWorker.Failed(Hash32.ZERO, String.valueOf(failure))));
                        return waitingForProof(ctx, identity, peers, clock, r.ready());
                    })
                    .build();
        });
    }

    private static Behavior<Command> waitingForProof(ActorContext<Command> ctx, Identity identity, Peers peers,
                                                     Clock clock, PostServiceActor.Ready ready) {
        return Behaviors.receive(Command.class)
                .onMessage(AwaitPost.class, a -> Behaviors.same())
                .onMessage(InitialProof.class, p -> {
                    if (p.result() instanceof ProvingWorker.Failed f) {
                        throw new IllegalStateException("the initial PoST proof failed: " + f.reason());
                    }
                    ProvingWorker.Proven proven = (ProvingWorker.Proven) p.result();
                    long nonce = ready.metadata().nonce().orElseThrow();
                    SmesherSetup setup = new SmesherSetup(identity.signer(), identity.coinbase(), identity.numUnits(),
                            identity.labelsPerUnit(), identity.golden(), nonce, proven.post());
                    ctx.getLog().info("PoST ready: VRF nonce {}, initial proof made", nonce);
                    startBuilder(ctx, identity, peers, clock, setup);
                    return building(ctx, peers, clock);
                })
                .build();
    }

    private static void startBuilder(ActorContext<Command> ctx, Identity identity, Peers peers, Clock clock,
                                     SmesherSetup setup) {
        ComponentFactory factory = peers.factory();
        ActorRef<PoetPortActor.Command> port = factory.spawn(ctx, ComponentNames.POET_PORT, PoetPortActor.Command.class,
                PoetPortActor.create(identity.poetName(), identity.poet(), identity.signer(), peers.storage()),
                Supervision.DEFAULT, Props.empty());
        ActorRef<PublishAtx> publisher = ctx.messageAdapter(PublishAtx.class, Publish::new);
        factory.spawn(ctx, ComponentNames.ATX_BUILDER, AtxBuilderActor.Command.class,
                AtxBuilderActor.create(setup, identity.builder(),
                        new BuilderStates(peers.store(), identity.signer().nodeId()), clock,
                        new AtxBuilderActor.Peers(port, peers.post(), peers.atxs(), publisher, peers.storage())),
                Supervision.DEFAULT, Props.empty());
    }

    /** Publishing is the loopback to the own handler; its verdict is logged. */
    private static Behavior<Command> building(ActorContext<Command> ctx, Peers peers, Clock clock) {
        return Behaviors.receive(Command.class)
                .onMessage(AwaitPost.class, a -> Behaviors.same())
                .onMessage(Publish.class, p -> {
                    ctx.getLog().info("published ATX {} for epoch {}", p.atx().atx().id().hex(),
                            p.atx().atx().publishEpoch().value());
                    handOver(ctx, peers, p.atx());
                    return Behaviors.same();
                })
                .onMessage(HandOverAgain.class, h -> {
                    handOver(ctx, peers, h.atx());
                    return Behaviors.same();
                })
                .onMessage(Judged.class, j -> {
                    onJudged(ctx, peers, clock, j);
                    return Behaviors.same();
                })
                .build();
    }

    private static void handOver(ActorContext<Command> ctx, Peers peers, PublishAtx atx) {
        ctx.ask(Verdict.class, peers.atxs(), VERDICT_TIMEOUT,
                to -> new AtxHandlerActor.HandleAtx(Bytes.wrap(atx.atx().encode()), Optional.empty(), to),
                (verdict, failure) -> new Judged(atx, verdict != null ? verdict
                        : Verdict.ignore(CommonRule.TIMEOUT, "no verdict: " + failure)));
    }

    private static void onJudged(ActorContext<Command> ctx, Peers peers, Clock clock, Judged j) {
        AtxId id = j.atx().atx().id();
        long epoch = j.atx().atx().publishEpoch().value();
        if (j.verdict().accepted()) {
            ctx.getLog().info("ATX {} for epoch {} accepted by the handler", id.hex(), epoch);
            peers.gossip().publish(Bytes.wrap(j.atx().atx().encode()));
        } else if (j.verdict().ruleOrNull() == AtxRule.KNOWN) {
            // An earlier try was stored, but its answer was lost (the handler restarted after the commit): the peers
            // may never have had it.
            ctx.getLog().info("ATX {} for epoch {} accepted by the handler (already stored: an earlier answer was lost)",
                    id.hex(), epoch);
            peers.gossip().publish(Bytes.wrap(j.atx().atx().encode()));
        } else if (j.verdict().ruleOrNull() instanceof CommonRule && clock.instant().isBefore(j.atx().retryUntil())) {
            ctx.getLog().warn("own ATX {} for epoch {} not judged yet ({}); handing it over again", id.hex(), epoch,
                    j.verdict());
            ctx.scheduleOnce(REPUBLISH_AFTER, ctx.getSelf(), new HandOverAgain(j.atx()));
        } else {
            ctx.getLog().warn("own ATX {} for epoch {} not accepted: {}", id.hex(), epoch, j.verdict());
        }
    }
}
