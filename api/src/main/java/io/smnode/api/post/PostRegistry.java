package io.smnode.api.post;

import io.smnode.api.ApiMetrics;
import io.smnode.core.types.NodeId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * The post services registered with this node: it spawns one {@link PostConnection} per Register stream, grants each
 * identity to one connection at a time (a second is refused until the first leaves), and knows which identities are
 * proving now (for PostInfoService.PostStates).
 */
public final class PostRegistry {
    public sealed interface Command {}

    /** A new Register stream whose outgoing side is {@code out}; answered with the connection to feed it. */
    public record Connect(ActorRef<Outgoing> out, ActorRef<ActorRef<PostConnection.Command>> replyTo)
            implements Command {}

    record Claim(NodeId identity, ActorRef<PostConnection.Command> connection, ActorRef<ClaimAnswer> replyTo)
            implements Command {}

    record ClaimAnswer(boolean granted) {}

    /** Whether {@code identity}'s post service has a proof request open. */
    record Proving(NodeId identity, boolean proving) implements Command {}

    public record GetStates(ActorRef<States> replyTo) implements Command {}

    /** Each registered identity and whether it is proving now. */
    public record States(Map<NodeId, Boolean> proving) {}

    private record Gone(ActorRef<PostConnection.Command> connection) implements Command {}

    private record Registered(ActorRef<PostConnection.Command> connection, boolean proving) {}

    private PostRegistry() {}

    public static Behavior<Command> create(ApiMetrics metrics) {
        return Behaviors.setup(ctx -> {
            ctx.setLoggerName(PostRegistry.class);
            metrics.postServices.set(0);
            return running(ctx, new HashMap<>(), new long[] {0}, metrics);
        });
    }

    private static Behavior<Command> running(ActorContext<Command> ctx, Map<NodeId, Registered> registered,
                                             long[] serial, ApiMetrics metrics) {
        return Behaviors.receive(Command.class)
                .onMessage(Connect.class, c -> {
                    ActorRef<PostConnection.Command> connection = ctx.spawn(PostConnection.create(c.out(),
                            ctx.getSelf(), metrics), "post-service-" + (++serial[0]));
                    ctx.watchWith(connection, new Gone(connection));
                    c.replyTo().tell(connection);
                    return Behaviors.same();
                })
                .onMessage(Claim.class, c -> {
                    boolean free = !registered.containsKey(c.identity());
                    if (free) {
                        registered.put(c.identity(), new Registered(c.connection(), false));
                        metrics.postServices.set(registered.size());
                    }
                    c.replyTo().tell(new ClaimAnswer(free));
                    return Behaviors.same();
                })
                .onMessage(Proving.class, p -> {
                    registered.computeIfPresent(p.identity(), (id, r) -> new Registered(r.connection(), p.proving()));
                    return Behaviors.same();
                })
                .onMessage(GetStates.class, g -> {
                    Map<NodeId, Boolean> states = new HashMap<>();
                    registered.forEach((id, r) -> states.put(id, r.proving()));
                    g.replyTo().tell(new States(Map.copyOf(states)));
                    return Behaviors.same();
                })
                .onMessage(Gone.class, g -> {
                    List<NodeId> left = new ArrayList<>();
                    registered.forEach((id, r) -> {
                        if (r.connection().equals(g.connection())) {
                            left.add(id);
                        }
                    });
                    left.forEach(registered::remove);
                    metrics.postServices.set(registered.size());
                    return Behaviors.same();
                })
                .build();
    }
}
