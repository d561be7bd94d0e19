package io.smnode.actors.clock;

import io.smnode.core.time.LayerClock;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.AbstractBehavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.Receive;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * Ticks layers: logs each layer and epoch start and tells subscribers. Time is an input (a {@link Clock}), the
 * decisions are {@link LayerTicker}'s; this actor only schedules the next wake-up and fans the tick out.
 */
public final class ClockActor extends AbstractBehavior<ClockActor.Command> {

    public sealed interface Command {}

    /**
     * Receive every {@link LayerTick} from now on, starting with the current layer's (if genesis has passed), so a
     * subscriber that starts or restarts mid-layer knows where the node is. Dropped when the subscriber stops.
     */
    public record Subscribe(ActorRef<LayerTick> subscriber) implements Command {}

    /** Ask for the layer the clock last ticked (empty before genesis). */
    public record GetCurrentLayer(ActorRef<CurrentLayer> replyTo) implements Command {}

    public record CurrentLayer(Optional<LayerTick> tick) {}

    private record Wake() implements Command {}

    private record SubscriberStopped(ActorRef<LayerTick> subscriber) implements Command {}

    private static final Object TIMER_KEY = "layer-timer";

    private final LayerTicker ticker;
    private final Clock time;
    private final TimerScheduler<Command> timers;
    private final List<ActorRef<LayerTick>> subscribers = new ArrayList<>();

    public static Behavior<Command> create(LayerClock layerClock, Clock time) {
        return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> new ClockActor(ctx, timers, layerClock, time)));
    }

    private ClockActor(ActorContext<Command> ctx, TimerScheduler<Command> timers, LayerClock layerClock, Clock time) {
        super(ctx);
        this.ticker = new LayerTicker(layerClock);
        this.time = time;
        this.timers = timers;
        if (time.instant().isBefore(layerClock.genesis())) {
            ctx.getLog().info("waiting for genesis at {} (layer duration {}, {} layers per epoch)",
                    layerClock.genesis(), layerClock.layerDuration(), layerClock.layersPerEpoch());
        }
        wake();
    }

    @Override
    public Receive<Command> createReceive() {
        return newReceiveBuilder()
                .onMessage(Wake.class, w -> wake())
                .onMessage(Subscribe.class, this::onSubscribe)
                .onMessage(GetCurrentLayer.class, g -> {
                    g.replyTo().tell(new CurrentLayer(ticker.lastTick()));
                    return this;
                })
                .onMessage(SubscriberStopped.class, s -> {
                    subscribers.remove(s.subscriber());
                    return this;
                })
                .build();
    }

    private Behavior<Command> onSubscribe(Subscribe s) {
        subscribers.add(s.subscriber());
        ticker.lastTick().ifPresent(s.subscriber()::tell);
        getContext().watchWith(s.subscriber(), new SubscriberStopped(s.subscriber()));
        return this;
    }

    private Behavior<Command> wake() {
        LayerTicker.Decision decision = ticker.onTime(time.instant());
        decision.tick().ifPresent(this::publish);
        timers.startSingleTimer(TIMER_KEY, new Wake(), ClockTime.real(time, decision.untilNext()));
        return this;
    }

    private void publish(LayerTick tick) {
        if (tick.missed() > 0) {
            getContext().getLog().warn("clock jumped: {} layers passed without a tick", tick.missed());
        }
        if (tick.firstInEpoch()) {
            getContext().getLog().info("epoch {} started", tick.epoch().value());
        }
        getContext().getLog().info("layer {} started (epoch {})", tick.layer().value(), tick.epoch().value());
        subscribers.forEach(s -> s.tell(tick));
    }
}
