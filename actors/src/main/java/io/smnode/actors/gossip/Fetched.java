package io.smnode.actors.gossip;

import io.smnode.core.types.Bytes;
import io.smnode.mesh.pipeline.Hint;
import java.util.Objects;

/** An object a peer sent for a fetch of this node, for the intake of its kind. */
public record Fetched(Hint hint, Bytes bytes) {
    public Fetched {
        Objects.requireNonNull(hint, "hint");
        Objects.requireNonNull(bytes, "bytes");
    }
}
