package io.smnode.actors.atx;

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
import io.smnode.core.types.EpochId;
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
 * the initial PoST proof, then runs the identity's PoET port and ATX builder as its children. Until the node has
 * gossip, publishing an ATX hands its bytes to the node's own ATX handler (a loopback): the ATX is validated and
 * stored exactly as a peer's would be, and the verdict is logged.
 */
public final class SmeshingActor {
    /** How long the handler may take to judge an own ATX (validation, then the commit). */
    private static final Duration VERDICT_TIMEOUT = Duration.ofMinutes(1);

    public sealed interface Command {}

    private record PostReady(PostServiceActor.Ready ready) implements Command {}

    private record InitialProof(ProvingWorker.Result result) implements Command {}

    private record Publish(PublishAtx atx) implements Command {}

    private record Judged(AtxId id, EpochId publishEpoch, Verdict verdict) implements Command {}

    /** The identity and where it registers: everything the builder needs besides the PoST data. */
    public record Identity(EdSigner signer, Address coinbase, long numUnits, long labelsPerUnit, AtxId golden,
                           BuilderConfig builder, String poetName, PoetBackend poet) {}

    /** The components it works with. */
    public record Peers(ComponentFactory factory, ActorRef<StorageActor.Command> storage, Reads store,
                        ActorRef<AtxHandlerActor.Command> atxs, ActorRef<PostServiceActor.Command> post) {}

    public static Behavior<Command> create(Identity identity, Peers peers, Clock clock) {
        return Behaviors.setup(ctx -> {
            peers.post().tell(new PostServiceActor.AwaitReady(ctx.messageAdapter(PostServiceActor.Ready.class,
                    PostReady::new)));
            return Behaviors.receive(Command.class)
                    .onMessage(PostReady.class, r -> {
                        ctx.getLog().info("smeshing as {}: making the initial PoST proof", identity.signer().nodeId()
                                .hex());
                        r.ready().prover().tell(new ProvingWorker.Prove(Hash32.ZERO,
                                ctx.messageAdapter(ProvingWorker.Result.class, InitialProof::new)));
                        return waitingForProof(ctx, identity, peers, clock, r.ready());
                    })
                    .build();
        });
    }

    private static Behavior<Command> waitingForProof(ActorContext<Command> ctx, Identity identity, Peers peers,
                                                     Clock clock, PostServiceActor.Ready ready) {
        return Behaviors.receive(Command.class)
                .onMessage(InitialProof.class, p -> {
                    if (p.result() instanceof ProvingWorker.Failed f) {
                        throw new IllegalStateException("the initial PoST proof failed: " + f.reason());
                    }
                    ProvingWorker.Proven proven = (ProvingWorker.Proven) p.result();
                    long nonce = ready.metadata().nonce().orElseThrow();
                    SmesherSetup setup = new SmesherSetup(identity.signer(), identity.coinbase(), identity.numUnits(),
                            identity.labelsPerUnit(), identity.golden(), nonce, proven.post());
                    ctx.getLog().info("PoST ready: VRF nonce {}, initial proof made", nonce);
                    startBuilder(ctx, identity, peers, clock, setup, ready.prover());
                    return building(ctx, peers);
                })
                .build();
    }

    private static void startBuilder(ActorContext<Command> ctx, Identity identity, Peers peers, Clock clock,
                                     SmesherSetup setup, ActorRef<ProvingWorker.Prove> prover) {
        ComponentFactory factory = peers.factory();
        ActorRef<PoetPortActor.Command> port = factory.spawn(ctx, ComponentNames.POET_PORT, PoetPortActor.Command.class,
                PoetPortActor.create(identity.poetName(), identity.poet(), identity.signer(), peers.storage()),
                Supervision.DEFAULT, Props.empty());
        ActorRef<PublishAtx> publisher = ctx.messageAdapter(PublishAtx.class, Publish::new);
        factory.spawn(ctx, ComponentNames.ATX_BUILDER, AtxBuilderActor.Command.class,
                AtxBuilderActor.create(setup, identity.builder(),
                        new BuilderStates(peers.store(), identity.signer().nodeId()), clock,
                        new AtxBuilderActor.Peers(port, prover, peers.atxs(), publisher, peers.storage())),
                Supervision.DEFAULT, Props.empty());
    }

    /** Publishing is the loopback to the own handler; its verdict is logged. */
    private static Behavior<Command> building(ActorContext<Command> ctx, Peers peers) {
        return Behaviors.receive(Command.class)
                .onMessage(Publish.class, p -> {
                    AtxId id = p.atx().atx().id();
                    EpochId epoch = p.atx().atx().challenge().publishEpoch();
                    ctx.getLog().info("published ATX {} for epoch {}", id.hex(), epoch.value());
                    ctx.ask(Verdict.class, peers.atxs(), VERDICT_TIMEOUT,
                            to -> new AtxHandlerActor.HandleAtx(Bytes.wrap(p.atx().atx().encode()), Optional.empty(),
                                    to),
                            (verdict, failure) -> new Judged(id, epoch, verdict != null ? verdict
                                    : Verdict.ignore(CommonRule.TIMEOUT, "no verdict: " + failure)));
                    return Behaviors.same();
                })
                .onMessage(Judged.class, j -> {
                    if (j.verdict().accepted()) {
                        ctx.getLog().info("ATX {} for epoch {} accepted by the handler", j.id().hex(),
                                j.publishEpoch().value());
                    } else {
                        ctx.getLog().warn("own ATX {} for epoch {} not accepted: {}", j.id().hex(),
                                j.publishEpoch().value(), j.verdict());
                    }
                    return Behaviors.same();
                })
                .build();
    }
}
