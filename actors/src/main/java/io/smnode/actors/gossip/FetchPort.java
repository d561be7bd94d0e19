package io.smnode.actors.gossip;

import io.smnode.core.types.Bytes;
import io.smnode.mesh.pipeline.Hint;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * The node's fetch port: {@link Fetch} asks peers (the {@link FetchNetwork}) for an object by id, and what arrives
 * goes to the intake registered for its kind ({@link Fetched}), which checks it as any received object. A lone node
 * has no peers: the fetch is logged and dropped (the object is never coming; whoever waits for it stays bounded).
 */
public final class FetchPort {
    public sealed interface Command {}

    public record Fetch(Hint hint, Bytes id) implements Command {
        public Fetch {
            Objects.requireNonNull(hint, "hint");
            Objects.requireNonNull(id, "id");
        }
    }

    /** The intake for objects of kind {@code hint} from now on (again after each of its restarts). */
    public record Register(Hint hint, ActorRef<Fetched> intake) implements Command {}

    /** A peer sent an object for a fetch. */
    public record Arrived(Hint hint, Bytes bytes) implements Command {}

    private final ActorContext<Command> ctx;
    private final FetchNetwork network;
    private final Map<Hint, ActorRef<Fetched>> intakes = new EnumMap<>(Hint.class);

    public static Behavior<Command> create(FetchNetwork network) {
        return Behaviors.setup(ctx -> {
            ctx.setLoggerName(FetchPort.class);
            return new FetchPort(ctx, network).receive();
        });
    }

    private FetchPort(ActorContext<Command> ctx, FetchNetwork network) {
        this.ctx = ctx;
        this.network = network;
    }

    private Behavior<Command> receive() {
        return Behaviors.receive(Command.class)
                .onMessage(Fetch.class, f -> {
                    ActorRef<Command> self = ctx.getSelf();
                    if (!network.request(f.hint(), f.id(), bytes -> self.tell(new Arrived(f.hint(), bytes)))) {
                        ctx.getLog().info("fetch {} {}: no peer to ask, dropped", f.hint().wireName(), f.id().hex());
                    }
                    return Behaviors.same();
                })
                .onMessage(Register.class, r -> {
                    intakes.put(r.hint(), r.intake());
                    return Behaviors.same();
                })
                .onMessage(Arrived.class, a -> {
                    ActorRef<Fetched> intake = intakes.get(a.hint());
                    if (intake == null) {
                        ctx.getLog().warn("fetched {} has no intake; dropped", a.hint().wireName());
                    } else {
                        intake.tell(new Fetched(a.hint(), a.bytes()));
                    }
                    return Behaviors.same();
                })
                .build();
    }
}
