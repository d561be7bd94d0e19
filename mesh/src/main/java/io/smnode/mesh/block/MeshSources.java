package io.smnode.mesh.block;

import io.smnode.core.types.AtxId;
import io.smnode.core.types.BlockId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.TxId;
import java.util.Optional;

/** What applying blocks reads from the node's store: raw transactions and the ATXs rewards are paid to. */
public interface MeshSources {
    /** The raw bytes of a stored transaction (stored even when unparsable; executed as ineffective then). */
    Optional<Bytes> rawTx(TxId id);

    /** An ATX used in {@code epoch}, if known. */
    Optional<AtxInfo> atx(EpochId epoch, AtxId id);

    /** A stored block the mesh was not handed in this run (after a restart); none by default. */
    default Optional<Block> block(BlockId id) {
        return Optional.empty();
    }
}
