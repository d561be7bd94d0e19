package io.smnode.api.post;

import org.apache.pekko.grpc.GrpcServiceException;
import spacemesh.v1.NodeRequest;

/** What a connection puts on its Register stream towards the post service: a request, the end, or an error status. */
sealed interface Outgoing {
    record Send(NodeRequest request) implements Outgoing {}

    record Close() implements Outgoing {}

    record Fail(GrpcServiceException error) implements Outgoing {}
}
