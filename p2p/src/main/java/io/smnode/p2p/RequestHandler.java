package io.smnode.p2p;

import io.smnode.core.types.Bytes;
import io.smnode.p2p.identity.PeerId;
import java.util.concurrent.CompletionStage;

/**
 * Serves one Spacemesh request/response protocol: the request body (≤ 10,240 bytes) in, the response data out. A
 * failed stage becomes {@code Response{error: message}}, as go-spacemesh's {@code WrapHandler} does.
 */
@FunctionalInterface
public interface RequestHandler {
    CompletionStage<Bytes> handle(PeerId peer, Bytes request);
}
