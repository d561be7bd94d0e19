package io.smnode.node.component;

import io.smnode.actors.component.ComponentFactory;
import io.smnode.actors.component.ComponentNames;
import io.smnode.actors.component.Supervision;
import io.smnode.actors.gossip.GossipPort;
import io.smnode.api.ApiServer;
import io.smnode.api.ApiSettings;
import io.smnode.api.NodeView;
import io.smnode.core.types.Address;
import io.smnode.core.types.NodeId;
import io.smnode.mesh.store.MeshReads;
import io.smnode.node.cli.VersionInfo;
import io.smnode.node.config.NodeConfig;
import io.smnode.node.guardian.NodeServices;
import io.smnode.node.smeshing.NodeKeys;
import io.smnode.persistence.mesh.StoreMeshReads;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.ActorContext;

/**
 * The API (component {@code api}): what the node serves its clients, over the node's store (read only) and its
 * consensus tables, its network and clock, its smeshing identity, coinbase and PoST layout; submitted transactions go
 * through the gossip port to the mempool like a peer's. Spawned last: it finds the other components through the
 * receptionist when a call needs them. Nothing when every listener is off.
 */
public final class ApiComponent {
    private ApiComponent() {}

    public static Optional<ActorRef<ApiServer.Command>> start(ActorContext<?> ctx, ComponentFactory factory,
            NodeServices services, Optional<NodeId> identity, ActorRef<GossipPort.Command> gossip) {
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
        // A smeshing node's rewards go to the configured coinbase or its own wallet (made by now); a node that does
        // not smesh has a coinbase only when one is configured.
        Optional<Address> coinbase = identity.isPresent() ? Optional.of(NodeKeys.coinbase(config))
                : config.smeshing().coinbase();
        MeshReads mesh = new StoreMeshReads(services.store());
        NodeView node = new NodeView(services.genesis(), services.layerClock(), services.wallClock(),
                config.network().hrp(), config.params(), VersionInfo.version(), services.store(), identity, coinbase,
                post, new NodeStatusNow(config.params(), mesh), mesh,
                Optional.of(new GossipTxIntake(gossip, ctx.getSystem().scheduler())));
        return Optional.of(factory.spawn(ctx, ComponentNames.API, ApiServer.Command.class,
                ApiServer.create(node, settings, services.metrics()), Supervision.DEFAULT, Props.empty()));
    }

    private static Optional<ApiSettings.Endpoint> endpoint(Optional<NodeConfig.Listen> listen) {
        return listen.map(l -> new ApiSettings.Endpoint(l.key(), l.host(), l.port()));
    }
}
