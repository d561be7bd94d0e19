package io.smnode.activation;

import io.smnode.core.types.AtxId;
import io.smnode.core.types.Bytes;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.NodeId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What ATX v2 validation and its malfeasance checks read from the node's ATX storage beyond {@link AtxStore}: the
 * per-identity PoST rows of v1 and v2 ATXs side by side (spec 11 §5.2 step 7, §5.3), and the stored bytes, whose
 * version follows from their publish epoch. The port the ATX handler implements; lists come in a stable order.
 */
public interface AtxHistory extends AtxStore {
    /** The units {@code identity} declared in ATX {@code atx}, or empty when that ATX holds no PoST of it. */
    OptionalLong units(AtxId atx, NodeId identity);

    /** The bytes of a stored ATX, as received. */
    Optional<Bytes> blob(AtxId id);

    /**
     * The newest ATX other than {@code excluded} that holds a PoST of {@code identity} and was published at or before
     * {@code atMost} (by publish epoch, then by id): the previous ATX a new one of that identity must declare.
     */
    Optional<AtxId> latestWithPost(NodeId identity, AtxId excluded, EpochId atMost);

    /** The ATXs in which {@code identity}'s PoST declares {@code previous} as its previous ATX, by id. */
    List<AtxId> declaringPrevious(AtxId previous, NodeId identity);

    /** The merged ATXs published in {@code epoch} under marriage ATX {@code marriageAtx}, by id. */
    List<AtxId> mergedUnder(AtxId marriageAtx, EpochId epoch);

    /** The first ATX (by publish epoch, then id) holding a PoST of {@code identity}: proof that it exists. */
    Optional<AtxId> firstWithPost(NodeId identity);
}
