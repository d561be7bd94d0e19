package io.smnode.node.component;

import io.smnode.actors.component.ComponentFactory;
import io.smnode.actors.component.ComponentNames;
import io.smnode.actors.storage.StorageActor;
import io.smnode.persistence.Store;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.ActorContext;

/**
 * The single writer of the node's store, on its pinned dispatcher. Not restarted: the writer retries transient
 * failures itself, and when it gives up (disk full, a failed sync) the node must stop, not write on.
 */
public final class StorageComponent {
    private StorageComponent() {}

    public static ActorRef<StorageActor.Command> start(ActorContext<?> ctx, ComponentFactory factory, Store store) {
        ActorRef<StorageActor.Command> storage = ctx.spawn(factory.faulty(ComponentNames.STORAGE,
                        StorageActor.Command.class, StorageActor.create(store)), ComponentNames.STORAGE,
                DispatcherSelector.fromConfig(StorageActor.DISPATCHER));
        ctx.watch(storage);
        return storage;
    }
}
