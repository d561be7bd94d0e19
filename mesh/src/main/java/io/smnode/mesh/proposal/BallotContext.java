package io.smnode.mesh.proposal;

import io.smnode.core.types.AtxId;
import io.smnode.core.types.BallotId;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.core.types.NodeId;
import java.util.Optional;
import java.util.OptionalLong;

/** What ballot validation needs to know about the rest of the node: the port the ballot handler implements. */
public interface BallotContext {
    /** The facts of an ATX that ballot eligibility rests on. */
    record AtxFacts(NodeId smesher, EpochId targetEpoch, long weight, long vrfNonce) {}

    Optional<AtxFacts> atx(AtxId id);

    Optional<Ballot> ballot(BallotId id);

    /** The total weight of an active set, or empty when the set (or one of its ATXs) is not known yet. */
    OptionalLong activeSetWeight(Hash32 activeSetHash);

    /** The last MinimalActiveSetWeight entry whose epoch is at most {@code epoch} (0 when there is none). */
    long minimalActiveSetWeight(EpochId epoch);
}
