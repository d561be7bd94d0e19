package io.smnode.node.component;

import io.smnode.node.guardian.NodeSchema;

import io.smnode.actors.clock.LayerTick;
import io.smnode.actors.storage.StorageActor;
import io.smnode.persistence.WriteBatch;
import io.prometheus.metrics.core.metrics.Gauge;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;

/**
 * Remembers the last layer the node saw (through the single writer) and exports it as a metric, so an operator
 * can tell after a restart how long the node was away and a dashboard can tell that it is ticking.
 */
final class LayerRecorder {
    private LayerRecorder() {}

    static Behavior<LayerTick> create(ActorRef<StorageActor.Command> storage, Gauge layerGauge) {
        return Behaviors.receiveMessage(tick -> {
            layerGauge.set(tick.layer().value());
            storage.tell(new StorageActor.CommitAndForget(WriteBatch.builder()
                    .put(NodeSchema.NODE_STATE, NodeSchema.LAST_LAYER, tick.layer().value())
                    .build()));
            return Behaviors.same();
        });
    }
}
