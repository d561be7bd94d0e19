package io.smnode.node.component;

import io.prometheus.metrics.core.metrics.Gauge;
import io.smnode.actors.clock.ClockActor;
import io.smnode.actors.clock.LayerTick;
import io.smnode.actors.clock.VirtualClock;
import io.smnode.actors.component.ComponentFactory;
import io.smnode.actors.component.ComponentNames;
import io.smnode.actors.component.Supervision;
import io.smnode.actors.storage.StorageActor;
import io.smnode.node.guardian.NodeServices;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.ActorContext;

/** The layer clock, and the recorder that persists the last layer seen and exports it as {@code smnode_layer}. */
public final class ClockComponent {
    private ClockComponent() {}

    public static ActorRef<ClockActor.Command> start(ActorContext<?> ctx, ComponentFactory factory,
                                                     NodeServices services, ActorRef<StorageActor.Command> storage) {
        ActorRef<ClockActor.Command> clock = factory.spawn(ctx, ComponentNames.CLOCK, ClockActor.Command.class,
                ClockActor.create(services.layerClock(), services.wallClock()), Supervision.DEFAULT, Props.empty());
        Gauge layerGauge = layerGauge(services.metrics());
        ActorRef<LayerTick> recorder = factory.spawn(ctx, ComponentNames.LAYER_RECORDER, LayerTick.class,
                LayerRecorder.create(storage, layerGauge), Supervision.DEFAULT, Props.empty());
        clock.tell(new ClockActor.Subscribe(recorder));
        if (services.wallClock() instanceof VirtualClock virtual) {
            factory.spawn(ctx, ComponentNames.VIRTUAL_CLOCK, VirtualClockRecorder.Tick.class,
                    VirtualClockRecorder.create(virtual, storage), Supervision.DEFAULT, Props.empty());
        }
        return clock;
    }

    /** {@code smnode_layer}, registered in {@code registry}. */
    public static Gauge layerGauge(io.prometheus.metrics.model.registry.PrometheusRegistry registry) {
        return Gauge.builder().name("smnode_layer").help("The current layer of the node's clock").register(registry);
    }
}
