package io.smnode.api.post;

import com.google.protobuf.ByteString;
import io.smnode.api.ComponentLookup;
import io.smnode.api.NodeView;
import io.smnode.core.types.NodeId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import org.apache.pekko.actor.typed.ActorRef;
import spacemesh.v1.PostInfoService;
import spacemesh.v1.PostState;
import spacemesh.v1.PostStatesRequest;
import spacemesh.v1.PostStatesResponse;

/**
 * v1 PostInfoService (private listener): the node's smeshing identity and every identity a post service registered,
 * PROVING while a proof is asked of its post service, else IDLE.
 */
public final class PostInfoServiceImpl implements PostInfoService {
    /** The node's own identity is named after its key file, as the reference names identities. */
    static final String OWN_NAME = "identity.key";

    private final NodeView node;
    private final ComponentLookup lookup;
    private final ActorRef<PostRegistry.Command> registry;

    public PostInfoServiceImpl(NodeView node, ComponentLookup lookup, ActorRef<PostRegistry.Command> registry) {
        this.node = node;
        this.lookup = lookup;
        this.registry = registry;
    }

    @Override
    public CompletionStage<PostStatesResponse> postStates(PostStatesRequest in) {
        return lookup.<PostRegistry.Command, PostRegistry.States>ask(registry, PostRegistry.GetStates::new)
                .thenApply(states -> {
                    Map<NodeId, Boolean> all = new LinkedHashMap<>();
                    node.identity().ifPresent(id -> all.put(id, false));
                    all.putAll(states.proving());
                    PostStatesResponse.Builder answer = PostStatesResponse.newBuilder();
                    all.forEach((id, proving) -> answer.addStates(PostState.newBuilder()
                            .setId(ByteString.copyFrom(id.toByteArray()))
                            .setState(proving ? PostState.State.PROVING : PostState.State.IDLE)
                            .setName(node.identity().filter(id::equals).isPresent() ? OWN_NAME : id.hex())));
                    return answer.build();
                });
    }
}
