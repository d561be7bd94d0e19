package io.smnode.node.component;

import io.smnode.actors.component.ComponentFactory;
import io.smnode.actors.component.ComponentNames;
import io.smnode.actors.component.Supervision;
import io.smnode.api.ApiServer;
import io.smnode.api.ApiSettings;
import io.smnode.api.NodeView;
import io.smnode.core.types.NodeId;
import io.smnode.node.cli.VersionInfo;
import io.smnode.node.config.NodeConfig;
import io.smnode.node.guardian.NodeServices;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Props;
import org.apache.pekko.actor.typed.javadsl.ActorContext;

/**
 * The API (component {@code api}): what the node serves its clients, over the node's store (read only), its network
 * and clock, its smeshing identity and PoST layout. Spawned last: it finds the other components through the
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
        NodeView node = new NodeView(services.genesis(), services.layerClock(), services.wallClock(),
                config.network().hrp(), config.params(), VersionInfo.version(), services.store(), identity, post,
                new NodeStatusNow(config.params()));
        return Optional.of(factory.spawn(ctx, ComponentNames.API, ApiServer.Command.class,
                ApiServer.create(node, settings), Supervision.DEFAULT, Props.empty()));
    }

    private static Optional<ApiSettings.Endpoint> endpoint(Optional<NodeConfig.Listen> listen) {
        return listen.map(l -> new ApiSettings.Endpoint(l.key(), l.host(), l.port()));
    }
}
