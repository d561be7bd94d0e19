package io.smnode.actors.gossip;

import io.smnode.actors.clock.ClockActor;
import io.smnode.actors.clock.LayerTick;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.LayerId;
import io.smnode.core.verdict.CommonRule;
import io.smnode.core.verdict.Verdict;
import io.smnode.mesh.pipeline.SeenSet;
import io.smnode.mesh.pipeline.Topic;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * The node's gossip port: {@link Publish} sends this node's message and {@link Receive} takes a peer's; both go to
 * the topic's intake (registered by the component that owns it), which answers a {@link Verdict}. A node's own
 * message goes through exactly the intake a peer's would (hare excepted: a hare session files its own messages
 * itself), then to the {@link GossipNetwork}. A message seen before on its topic (BLAKE3(topic ‖ payload), kept for
 * {@code keepLayers} layers) is ignored as a duplicate before any validation.
 *
 * <p>The p2p module plugs in behind it: its topic ingestion's last stage ({@code GossipValidator.validate(topic,
 * peer, bytes)}) asks {@link Receive} and completes with the verdict; the {@link GossipNetwork} is
 * {@code P2pHost.publish}.
 */
public final class GossipPort {
    public sealed interface Command {}

    /** This node's message: its own intake of the topic judges it (the verdict to {@code replyTo}), peers get it. */
    public record Publish(Topic topic, Bytes bytes, Optional<ActorRef<Verdict>> replyTo) implements Command {
        public Publish {
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(bytes, "bytes");
            Objects.requireNonNull(replyTo, "replyTo");
        }
    }

    /** A peer's message: deduplicated, judged by the topic's intake, the verdict to {@code replyTo}. */
    public record Receive(Topic topic, Bytes bytes, String from, ActorRef<Verdict> replyTo) implements Command {
        public Receive {
            Objects.requireNonNull(topic, "topic");
            Objects.requireNonNull(bytes, "bytes");
            Objects.requireNonNull(replyTo, "replyTo");
        }
    }

    /** The intake of {@code topic} from now on (an intake registers again after each restart). */
    public record Register(Topic topic, ActorRef<GossipIn> intake) implements Command {}

    private record Layer(LayerTick tick) implements Command {}

    private final ActorContext<Command> ctx;
    private final GossipNetwork network;
    private final SeenSet seen;
    private final Map<Topic, ActorRef<GossipIn>> intakes = new EnumMap<>(Topic.class);
    private LayerId current = LayerId.of(0);

    /** @param keepLayers how many layers a message id is remembered */
    public static Behavior<Command> create(GossipNetwork network, int keepLayers, ActorRef<ClockActor.Command> clock) {
        return Behaviors.setup(ctx -> {
            ctx.setLoggerName(GossipPort.class);
            clock.tell(new ClockActor.Subscribe(ctx.messageAdapter(LayerTick.class, Layer::new)));
            return new GossipPort(ctx, network, keepLayers).receive();
        });
    }

    private GossipPort(ActorContext<Command> ctx, GossipNetwork network, int keepLayers) {
        this.ctx = ctx;
        this.network = network;
        this.seen = new SeenSet(keepLayers);
    }

    private Behavior<Command> receive() {
        return Behaviors.receive(Command.class)
                .onMessage(Publish.class, this::onPublish)
                .onMessage(Receive.class, this::onReceive)
                .onMessage(Register.class, r -> {
                    intakes.put(r.topic(), r.intake());
                    return Behaviors.same();
                })
                .onMessage(Layer.class, l -> {
                    current = l.tick().layer();
                    seen.expire(current);
                    return Behaviors.same();
                })
                .build();
    }

    private Behavior<Command> onPublish(Publish p) {
        seen.firstTime(p.topic(), p.bytes(), current);
        ActorRef<Verdict> replyTo = p.replyTo().orElse(ctx.getSystem().ignoreRef());
        if (p.topic() == Topic.HARE) {
            replyTo.tell(Verdict.accept());
        } else {
            deliver(p.topic(), p.bytes(), true, replyTo);
        }
        network.publish(p.topic(), p.bytes());
        return Behaviors.same();
    }

    private Behavior<Command> onReceive(Receive r) {
        if (!seen.firstTime(r.topic(), r.bytes(), current)) {
            r.replyTo().tell(Verdict.ignore(CommonRule.DUPLICATE, r.topic().wireName()));
            return Behaviors.same();
        }
        deliver(r.topic(), r.bytes(), false, r.replyTo());
        return Behaviors.same();
    }

    private void deliver(Topic topic, Bytes bytes, boolean own, ActorRef<Verdict> replyTo) {
        ActorRef<GossipIn> intake = intakes.get(topic);
        if (intake == null) {
            replyTo.tell(Verdict.ignore(CommonRule.UNAVAILABLE, "no intake for " + topic.wireName() + " yet"));
            return;
        }
        intake.tell(new GossipIn(topic, bytes, own, replyTo));
    }
}
