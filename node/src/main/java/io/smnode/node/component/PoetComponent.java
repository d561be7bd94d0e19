package io.smnode.node.component;

import io.smnode.actors.component.ComponentFactory;
import io.smnode.actors.component.ComponentNames;
import io.smnode.actors.component.Supervision;
import io.smnode.actors.poet.PoetActor;
import io.smnode.node.config.NodeConfig;
import io.smnode.node.guardian.NodeServices;
import io.smnode.node.poet.EmbeddedPoet;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.ActorContext;

/** The PoET the node runs inside itself, when configured (spec 09; default on the standalone preset). */
public final class PoetComponent {
    private PoetComponent() {}

    public static Optional<ActorRef<PoetActor.Command>> start(ActorContext<?> ctx, ComponentFactory factory,
                                                              NodeServices services) {
        NodeConfig config = services.config();
        if (!config.poet().embedded()) {
            return Optional.empty();
        }
        return Optional.of(factory.spawn(ctx, ComponentNames.POET, PoetActor.Command.class,
                EmbeddedPoet.create(config.poet(), config.dataDir(), services.layerClock(), config.params().poet(),
                        services.wallClock()),
                Supervision.DEFAULT, DispatcherSelector.fromConfig(PoetActor.DISPATCHER)));
    }
}
