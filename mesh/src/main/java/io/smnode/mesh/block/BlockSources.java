package io.smnode.mesh.block;

import io.smnode.core.types.AtxId;
import io.smnode.core.types.BallotId;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.LayerId;
import io.smnode.core.types.TxId;
import io.smnode.mesh.proposal.Ballot;
import java.util.Optional;

/** What building a block reads from the rest of the node; the port the block generator's caller implements. */
public interface BlockSources {
    /** An ATX used in {@code epoch} (the target epoch), if known. */
    Optional<AtxInfo> atx(EpochId epoch, AtxId id);

    /** A stored ballot (a proposal's reference ballot), if known. */
    Optional<Ballot> ballot(BallotId id);

    /** A stored transaction, if known. */
    Optional<KnownTx> tx(TxId id);

    /** The node's own aggregated (mesh) hash of {@code layer}, once that layer was applied. */
    Optional<Hash32> aggregatedHash(LayerId layer);
}
