package io.smnode.actors.gossip;

import io.smnode.core.types.Bytes;
import io.smnode.mesh.pipeline.Hint;
import java.util.function.Consumer;

/**
 * How the {@link FetchPort} asks peers for an object by id: in a networked node the p2p fetcher (hashes with
 * hints, batched, peers chosen); a lone node has no peers. {@code arrived} is called (from any thread) with the
 * object's bytes when a peer sends it.
 */
@FunctionalInterface
public interface FetchNetwork {
    /** Asks peers for {@code id}; false when no peer can be asked. Must not block. */
    boolean request(Hint hint, Bytes id, Consumer<Bytes> arrived);

    /** A node without peers. */
    FetchNetwork NONE = (hint, id, arrived) -> false;
}
