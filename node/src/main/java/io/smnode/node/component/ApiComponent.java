package io.smnode.node.component;

import io.smnode.actors.component.ComponentFactory;
import io.smnode.actors.component.ComponentNames;
import io.smnode.actors.component.Supervision;
import io.smnode.api.ApiServer;
import io.smnode.api.ApiSettings;
import io.smnode.api.NodeView;
import io.smnode.core.types.NodeId;
import io.smnode.mesh.store.MemoryMeshStore;
import io.smnode.mesh.store.MeshReads;
import io.smnode.node.guardian.NodeSchema;
import io.smnode.persistence.mesh.MeshTables;
import io.smnode.persistence.mesh.StoreMeshReads;
import io.smnode.node.cli.VersionInfo;
import io.smnode.node.config.NodeConfig;
import io.smnode.node.guardian.NodeServices;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.ActorContext;

/**
 * The API (component {@code api}): what the node serves its clients, over the node's store (read only), its network
 * and clock, its smeshing identity and PoST layout. It takes no transactions until the node has a mempool to hand
 * them to (SubmitTransaction answers UNAVAILABLE). Spawned last: it finds the other components through the
 * receptionist when a call needs them. Nothing when every listener is off.
 */
public final class ApiComponent {
    private ApiComponent() {}

    public static Optional<ActorRef<ApiServer.Command>> start(ActorContext<?> ctx, ComponentFactory factory,
                                                              NodeServices services, Optional<NodeId> identity) {
        NodeConfig config = services.config();
        NodeConfig.Api api = config.api();
        ApiSettings settings = new ApiSettings(endpoint(api.publicListen()), endpoint(api.privateListen()),
                endpoint(api.postListen()), endpoint(api.jsonListen()), endpoint(api.statusListen()));
        if (settings.equals(new ApiSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty()))) {
            return Optional.empty();
        }
        Optional<NodeView.PostLayout> post = identity.map(id -> new NodeView.PostLayout(
                PostComponent.dir(config.dataDir()), config.params().smeshing().numUnits(),
                PostComponent.maxFileSize(config)));
        MeshReads mesh = meshReads(services);
        NodeView node = new NodeView(services.genesis(), services.layerClock(), services.wallClock(),
                config.network().hrp(), config.params(), VersionInfo.version(), services.store(), identity, post,
                new NodeStatusNow(config.params(), mesh), mesh, Optional.empty());
        return Optional.of(factory.spawn(ctx, ComponentNames.API, ApiServer.Command.class,
                ApiServer.create(node, settings, services.metrics()), Supervision.DEFAULT, Props.empty()));
    }

    /**
     * The consensus store's read port over the node's store once the node's schema holds the consensus tables; until
     * then an empty mesh (the node runs no consensus yet: no layers, accounts or transactions to show).
     */
    private static MeshReads meshReads(NodeServices services) {
        return NodeSchema.SCHEMA.tables().containsAll(MeshTables.ALL) ? new StoreMeshReads(services.store())
                : new MemoryMeshStore();
    }

    private static Optional<ApiSettings.Endpoint> endpoint(Optional<NodeConfig.Listen> listen) {
        return listen.map(l -> new ApiSettings.Endpoint(l.key(), l.host(), l.port()));
    }
}
