package io.smnode.node.smeshing;

import io.smnode.actors.atx.AtxBuilderActor;
import io.smnode.actors.atx.AtxHandlerActor;
import io.smnode.actors.atx.EmbeddedPoetPort;
import io.smnode.actors.atx.PoetPort;
import io.smnode.actors.atx.PublishAtx;
import io.smnode.actors.atx.RemotePoetPort;
import io.smnode.actors.poet.PoetActor;
import io.smnode.actors.poet.PoetClientActor;
import io.smnode.actors.poet.PoetRetryPolicy;
import io.smnode.core.net.GenesisConfig;
import io.smnode.core.net.NetworkParams;
import io.smnode.core.net.Preset;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.types.Address;
import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.verdict.CommonRule;
import io.smnode.core.verdict.Verdict;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.activation.AtxParams;
import io.smnode.activation.AtxValidator;
import io.smnode.activation.builder.BuilderConfig;
import io.smnode.activation.builder.FileBuilderStateStore;
import io.smnode.activation.builder.SmesherSetup;
import io.smnode.node.config.NodeConfig;
import io.smnode.node.guardian.NodeServices;
import io.smnode.node.poet.HttpPoetClient;
import io.smnode.node.poet.PoetSchedules;
import io.smnode.persistence.atx.LmdbAtxStore;
import io.smnode.persistence.atx.StoredPoetProofs;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.PostStop;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * This node's smeshing (spec 02 §5): at start, the identity key, the PoST data and its initial proof, then the ATX
 * handler, a PoET port (the embedded PoET, else the preset's first server) and the ATX builder. Until the node has
 * gossip, publishing an ATX hands its bytes to the node's own handler (a loopback): the ATX is validated and stored
 * exactly as a peer's would be. The setup blocks (PoST initialization, RandomX), so spawn this on the PoST
 * dispatcher; a failure there stops this actor only, with the reason in the log.
 */
public final class Smeshing {
    /** The name the builder knows the PoET by when it is the embedded one. */
    public static final String EMBEDDED_POET = "embedded";
    /** The embedded PoET answers nothing while it proves a round (at most seconds, see NodeConfig). */
    private static final Duration EMBEDDED_ASK_TIMEOUT = Duration.ofSeconds(30);
    private static final PoetRetryPolicy REMOTE_RETRY = new PoetRetryPolicy(5, Duration.ofSeconds(1),
            Duration.ofSeconds(10));
    private static final Duration REMOTE_CALL_TIMEOUT = Duration.ofSeconds(10);
    /** Longer than {@link #REMOTE_RETRY}'s whole schedule of calls and pauses. */
    private static final Duration REMOTE_ASK_TIMEOUT = Duration.ofSeconds(120);

    public sealed interface Command {}

    private record Publish(PublishAtx atx) implements Command {}

    private record Judged(AtxId id, EpochId publishEpoch, Verdict verdict) implements Command {}

    private Smeshing() {}

    public static Path dir(Path nodeDataDir) {
        return nodeDataDir.resolve("smeshing");
    }

    public static Path postDir(Path nodeDataDir) {
        return nodeDataDir.resolve("post");
    }

    public static Behavior<Command> create(NodeServices services, Optional<ActorRef<PoetActor.Command>> embeddedPoet) {
        return Behaviors.setup(ctx -> {
            NodeConfig config = services.config();
            NetworkParams params = Preset.byName(config.preset()).params();
            GenesisConfig genesis = new GenesisConfig(services.layerClock().genesis(),
                    config.network().genesisExtraData());
            SecureRandom random = new SecureRandom();
            String poetName = embeddedPoet.isPresent() ? EMBEDDED_POET : params.poet().servers().stream().findFirst()
                    .map(NetworkParams.PoetServer::address).orElseThrow(() -> new IllegalStateException(
                            "smeshing needs a PoET: enable the embedded one or use a preset that names one"));
            BuilderConfig builderConfig;
            try {
                builderConfig = builderConfig(services, params.poet(), poetName, random);
            } catch (IllegalArgumentException e) {
                // E.g. layers shortened for a test below the PoET's cycle gap: the node runs on without smeshing.
                ctx.getLog().error("smeshing is off: the PoET timetable does not fit this network's epoch ({})",
                        e.getMessage());
                return Behaviors.stopped();
            }
            EdSigner signer = IdentityKey.loadOrCreate(dir(config.dataDir()).resolve("identity.key"),
                    Bytes.of(genesis.genesisId().toByteArray()), random);
            long numUnits = params.smeshing().numUnits();
            ctx.getLog().info("smeshing as {}: initializing {} PoST unit(s) of {} labels under {}",
                    signer.nodeId().hex(), numUnits, params.post().labelsPerUnit(), postDir(config.dataDir()));
            LocalPost post = LocalPost.open(postDir(config.dataDir()), signer.nodeId(), genesis.goldenAtx(),
                    params.post(), numUnits);
            Address coinbase = params.smeshing().coinbase().orElseThrow(() ->
                    new IllegalStateException("smeshing needs a coinbase; preset " + config.preset() + " has none"));
            SmesherSetup setup = new SmesherSetup(signer, coinbase, numUnits, params.post().labelsPerUnit(),
                    genesis.goldenAtx(), post.vrfNonce(), post.prove(Hash32.ZERO));
            ctx.getLog().info("PoST ready: VRF nonce {}, initial proof made", post.vrfNonce());

            StoredPoetProofs proofs = new StoredPoetProofs(services.store());
            ActorRef<AtxHandlerActor.Command> handler = spawnHandler(ctx, services, params, genesis, post, proofs,
                    signer);
            ActorRef<PoetPort.Command> poets = spawnPoetPort(ctx, services, embeddedPoet, poetName, signer, proofs);
            ActorRef<PublishAtx> publisher = ctx.messageAdapter(PublishAtx.class, Publish::new);
            ctx.spawn(AtxBuilderActor.create(setup, builderConfig,
                    new FileBuilderStateStore(dir(config.dataDir()).resolve("builder-state")), services.wallClock(),
                    poets, post, handler, publisher), "atx-builder");
            return running(ctx, handler, post);
        });
    }

    /** The ATX handler validating with the network's parameters, over the node's store and the kept proofs. */
    private static ActorRef<AtxHandlerActor.Command> spawnHandler(ActorContext<Command> ctx, NodeServices services,
                                                                  NetworkParams params, GenesisConfig genesis,
                                                                  LocalPost post, StoredPoetProofs proofs,
                                                                  EdSigner signer) {
        // The K3 subset is seeded by the local peer id; without a p2p identity yet, the node id stands in.
        AtxParams atxParams = new AtxParams(Bytes.of(genesis.genesisId().toByteArray()), genesis.goldenAtx(),
                params.atx().tickSize(), post.verifyingParams(), params.post().k3(),
                Bytes.of(signer.nodeId().toByteArray()));
        AtxValidator validator = new AtxValidator(atxParams, post.newVerifier(), proofs);
        return ctx.spawn(AtxHandlerActor.create(validator::validate,
                new NodeAtxRepository(new LmdbAtxStore(services.store())), services.layerClock(),
                services.wallClock(), genesis.goldenAtx(),
                eligibility(params, services.layerClock().layersPerEpoch())), "atx-handler");
    }

    /** The port to the embedded PoET, or else to the preset's first PoET server over HTTP. */
    private static ActorRef<PoetPort.Command> spawnPoetPort(ActorContext<Command> ctx, NodeServices services,
                                                            Optional<ActorRef<PoetActor.Command>> embeddedPoet,
                                                            String poetName, EdSigner signer,
                                                            StoredPoetProofs proofs) {
        if (embeddedPoet.isPresent()) {
            return ctx.spawn(EmbeddedPoetPort.create(poetName, embeddedPoet.get(), signer, proofs::keep,
                    services.wallClock(), EMBEDDED_ASK_TIMEOUT), "poet-port");
        }
        ActorRef<PoetClientActor.Command> client = ctx.spawn(PoetClientActor.create(
                new HttpPoetClient(URI.create(poetName), REMOTE_CALL_TIMEOUT), REMOTE_RETRY), "poet-client");
        return ctx.spawn(RemotePoetPort.create(poetName, client, signer, proofs::keep, services.wallClock(),
                REMOTE_ASK_TIMEOUT), "poet-port");
    }

    /** Publishing is the loopback to the own handler; its verdict is logged. */
    private static Behavior<Command> running(ActorContext<Command> ctx, ActorRef<AtxHandlerActor.Command> handler,
                                             LocalPost post) {
        return Behaviors.receive(Command.class)
                .onMessage(Publish.class, p -> {
                    AtxId id = p.atx().atx().id();
                    EpochId epoch = p.atx().atx().challenge().publishEpoch();
                    ctx.getLog().info("published ATX {} for epoch {}", id.hex(), epoch.value());
                    ctx.ask(Verdict.class, handler,
                            Duration.ofMinutes(1),
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
                .onSignal(PostStop.class, s -> {
                    post.close();
                    return Behaviors.same();
                })
                .build();
    }

    /**
     * The preset's PoET timing over the node's clock (the embedded PoET runs the same schedule); the proof-fetch
     * jitter is drawn here, 2–4 % of the cycle gap, because the builder has no randomness of its own.
     */
    private static BuilderConfig builderConfig(NodeServices services, NetworkParams.Poet poet, String poetName,
                                               SecureRandom random) {
        Duration epoch = PoetSchedules.epoch(services.layerClock().layerDuration(),
                services.layerClock().layersPerEpoch());
        Duration jitter = poet.cycleGap().multipliedBy(200 + random.nextInt(201)).dividedBy(10_000);
        return new BuilderConfig(services.layerClock().genesis(), epoch, poet.phaseShift(), poet.cycleGap(),
                poet.gracePeriod(), List.of(poetName), services.layerClock().layerDuration(), jitter);
    }

    /** The network's minimal active weight is the latest configured one (none on the devnets: 0). */
    private static AtxHandlerActor.EligibilityParams eligibility(NetworkParams params, int layersPerEpoch) {
        long minWeight = params.tortoise().minimalActiveSetWeight().stream()
                .reduce((first, second) -> second).map(NetworkParams.EpochMinimalActiveWeight::weight).orElse(0L);
        return new AtxHandlerActor.EligibilityParams(params.ballots().layerAvgSize(),
                layersPerEpoch, minWeight);
    }
}
