package io.smnode.api.post;

import io.smnode.api.NodeView;
import io.smnode.api.grpc.GrpcErrors;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.NotUsed;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.javadsl.AskPattern;
import org.apache.pekko.japi.Pair;
import org.apache.pekko.stream.OverflowStrategy;
import org.apache.pekko.stream.javadsl.Source;
import org.apache.pekko.stream.typed.javadsl.ActorSink;
import org.apache.pekko.stream.typed.javadsl.ActorSource;
import spacemesh.v1.NodeRequest;
import spacemesh.v1.PostService;
import spacemesh.v1.ServiceResponse;

/**
 * v1 PostService (post listener): a post service dials the node and registers; the stream's two sides are wired to a
 * {@link PostConnection} that the {@link PostRegistry} spawns. A node without a coinbase refuses, as the reference:
 * nothing it proves could be rewarded.
 */
public final class PostServiceImpl implements PostService {
    /** Requests waiting to be written to one post service: a handful at most (one proof is asked at a time). */
    private static final int OUT_BUFFER = 32;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);

    private final NodeView node;
    private final ActorSystem<?> system;
    private final ActorRef<PostRegistry.Command> registry;

    public PostServiceImpl(NodeView node, ActorSystem<?> system, ActorRef<PostRegistry.Command> registry) {
        this.node = node;
        this.system = system;
        this.registry = registry;
    }

    @Override
    public Source<NodeRequest, NotUsed> register(Source<ServiceResponse, NotUsed> in) {
        if (node.coinbase().isEmpty()) {
            return Source.failed(GrpcErrors.failedPrecondition(
                    "connection not allowed: node has no coinbase set in config"));
        }
        Pair<ActorRef<Outgoing>, Source<Outgoing, NotUsed>> out = ActorSource.<Outgoing>actorRef(
                o -> o instanceof Outgoing.Close,
                o -> o instanceof Outgoing.Fail f ? Optional.of(f.error()) : Optional.empty(),
                OUT_BUFFER, OverflowStrategy.fail()).preMaterialize(system);
        CompletionStage<ActorRef<PostConnection.Command>> connection = AskPattern.ask(registry,
                replyTo -> new PostRegistry.Connect(out.first(), replyTo), CONNECT_TIMEOUT, system.scheduler());
        connection.whenComplete((c, failure) -> {
            if (c == null) {
                out.first().tell(new Outgoing.Fail(GrpcErrors.unavailable("the node is stopping")));
            } else {
                in.<PostConnection.Command>map(PostConnection.Received::new).runWith(ActorSink.actorRef(c, new PostConnection.StreamEnded(Optional.empty()),
                        t -> new PostConnection.StreamEnded(Optional.of(String.valueOf(t.getMessage())))), system);
            }
        });
        return out.second().filter(o -> o instanceof Outgoing.Send).map(o -> ((Outgoing.Send) o).request());
    }
}
