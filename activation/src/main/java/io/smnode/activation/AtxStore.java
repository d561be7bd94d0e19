package io.smnode.activation;

import io.smnode.core.types.AtxId;
import io.smnode.core.types.NodeId;
import java.util.Optional;

/** What ATX validation reads from the node's ATX storage: the port the ATX handler implements. */
public interface AtxStore {
    boolean contains(AtxId id);

    /** A stored ATX (golden/checkpointed ones included), or empty when not (yet) known. */
    Optional<StoredAtx> atx(AtxId id);

    /** The commitment ATX recorded for {@code smesher} (from its initial ATX), or empty when it has none yet. */
    Optional<AtxId> commitmentOf(NodeId smesher);
}
