package io.smnode.node.component;

import io.smnode.activation.AtxVersions;
import io.smnode.activation.builder.BuilderConfig;
import io.smnode.actors.atx.AtxGossip;
import io.smnode.actors.atx.AtxHandlerActor;
import io.smnode.actors.atx.EmbeddedPoetBackend;
import io.smnode.actors.atx.PoetBackend;
import io.smnode.actors.atx.RemotePoetBackend;
import io.smnode.actors.atx.SmeshingActor;
import io.smnode.actors.component.ComponentFactory;
import io.smnode.actors.component.ComponentNames;
import io.smnode.actors.component.Supervision;
import io.smnode.actors.poet.PoetActor;
import io.smnode.actors.poet.PoetClientActor;
import io.smnode.actors.poet.PoetRetryPolicy;
import io.smnode.actors.post.PostServiceActor;
import io.smnode.actors.storage.StorageActor;
import io.smnode.core.net.NetworkParams;
import io.smnode.core.signing.EdSigner;
import io.smnode.core.types.Address;
import io.smnode.node.guardian.NodeServices;
import io.smnode.node.poet.HttpPoetClient;
import io.smnode.node.smeshing.NodeKeys;
import io.smnode.node.poet.PoetSchedules;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This node's smeshing (spec 02 §5), when configured: the PoST component over the identity's data, and the
 * smeshing component that, once PoST is ready, runs the ATX builder with its port to the embedded PoET (or else the
 * preset's first PoET server over HTTP, through a retrying client).
 */
public final class SmeshingComponent {
    private static final Logger LOG = LoggerFactory.getLogger(SmeshingComponent.class);
    /** The name the builder knows the PoET by when it is the embedded one. */
    public static final String EMBEDDED_POET = "embedded";
    /**
     * The embedded PoET answers nothing while it proves a round (milliseconds to about 2.5 s, see NodeConfig); a
     * request it missed is retried by the builder after its retry interval, well inside the registration window.
     */
    private static final Duration EMBEDDED_ASK_TIMEOUT = Duration.ofSeconds(3);
    private static final PoetRetryPolicy REMOTE_RETRY = new PoetRetryPolicy(5, Duration.ofSeconds(1),
            Duration.ofSeconds(10));
    private static final Duration REMOTE_CALL_TIMEOUT = Duration.ofSeconds(10);
    /** Longer than {@link #REMOTE_RETRY}'s whole schedule of calls and pauses. */
    private static final Duration REMOTE_ASK_TIMEOUT = Duration.ofSeconds(120);

    private SmeshingComponent() {}

    public static Path dir(Path nodeDataDir) {
        return nodeDataDir.resolve("smeshing");
    }

    /**
     * Starts PoST and smeshing for {@code signers} (one, or a married set's members, the first signing); nothing when
     * the network's timetable leaves no room for it.
     */
    public static void start(ActorContext<?> ctx, ComponentFactory factory, NodeServices services,
                             List<EdSigner> signers,
                             ActorRef<StorageActor.Command> storage, ActorRef<AtxHandlerActor.Command> atxs,
                             Optional<ActorRef<PoetActor.Command>> embeddedPoet, SharedRandomX randomX,
                             AtxGossip gossip) {
        NetworkParams params = services.config().params();
        Optional<String> oldState = oldBuilderState(services.config().dataDir());
        if (oldState.isPresent()) {
            LOG.error(oldState.get());
            return;
        }
        String poetName = embeddedPoet.isPresent() ? EMBEDDED_POET : services.config().smeshing().poetServer()
                .map(Object::toString).orElseGet(() -> params.poet().servers().stream().findFirst()
                        .map(NetworkParams.PoetServer::address).orElse(""));
        if (poetName.isEmpty()) {
            LOG.error("smeshing is off: enable the embedded PoET (smnode.poet.embedded), set smnode.smeshing.poet-server or use a preset that names one");
            return;
        }
        BuilderConfig builder;
        try {
            builder = builderConfig(services, params.poet(), poetName, new SecureRandom());
        } catch (IllegalArgumentException e) {
            // E.g. layers shortened for a test below the PoET's cycle gap: the node runs on without smeshing.
            LOG.error("smeshing is off: the PoET timetable does not fit this network's epoch ({})", e.getMessage());
            return;
        }
        Address coinbase = NodeKeys.coinbase(services.config());
        List<ActorRef<PostServiceActor.Command>> posts = new ArrayList<>();
        for (int i = 0; i < signers.size(); i++) {
            posts.add(PostComponent.start(ctx, factory, services, signers.get(i).nodeId(), i, randomX));
        }
        PoetBackend poet = embeddedPoet.<PoetBackend>map(p -> new EmbeddedPoetBackend(poetName, p,
                        services.wallClock(), EMBEDDED_ASK_TIMEOUT))
                .orElseGet(() -> remotePoet(ctx, factory, poetName, services));
        SmeshingActor.Identities identities = new SmeshingActor.Identities(signers, coinbase,
                params.smeshing().numUnits(), params.post().labelsPerUnit(), services.genesis().goldenAtx(), builder,
                poetName, poet, params.post().scryptN());
        factory.spawn(ctx, ComponentNames.SMESHING, SmeshingActor.Command.class, SmeshingActor.create(identities,
                        new SmeshingActor.Peers(factory, storage, services.store(), atxs, posts, gossip),
                        services.wallClock()),
                Supervision.DEFAULT, Props.empty());
    }

    /**
     * Why smeshing refuses to start over an earlier version's builder state file, in one sentence; empty when there
     * is none. Its format is not read any more, and starting over could publish a second ATX for an epoch already
     * published (an equivocation), so the operator decides.
     */
    static Optional<String> oldBuilderState(Path nodeDataDir) {
        Path file = dir(nodeDataDir).resolve("builder-state");
        if (!java.nio.file.Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of("smeshing is off: " + file + " is an earlier version's ATX builder state, which this "
                + "version does not read; move it away to smesh again, knowing the builder then starts over and may "
                + "publish a second ATX for an epoch that file's builder already published.");
    }

    private static PoetBackend remotePoet(ActorContext<?> ctx, ComponentFactory factory, String address,
                                          NodeServices services) {
        ActorRef<PoetClientActor.Command> client = factory.spawn(ctx, ComponentNames.POET_CLIENT,
                PoetClientActor.Command.class, PoetClientActor.create(new HttpPoetClient(URI.create(address),
                        REMOTE_CALL_TIMEOUT), REMOTE_RETRY), Supervision.DEFAULT, Props.empty());
        return new RemotePoetBackend(address, client, services.wallClock(), REMOTE_ASK_TIMEOUT);
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
                poet.gracePeriod(), List.of(poetName), services.layerClock().layerDuration(), jitter,
                AtxVersions.of(services.config().params().atx()));
    }
}
