package io.smnode.actors.atx;

import io.smnode.activation.AtxValidation;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import java.util.Optional;

/**
 * Validation of received ATX bytes: in a node, an {@code AtxValidator} ({@link ValidatorChecks}). It reads the
 * node's state only through {@code facts}, the inputs the job carries, so the same check runs on the consensus
 * member and on a validation member without a database. One instance per validation worker, used from that
 * worker's thread only, so a non-thread-safe validator (its PoST verifier holds a RandomX VM) is fine.
 */
@FunctionalInterface
public interface AtxCheck {
    AtxValidation validate(byte[] bytes, Optional<Hash32> expectedId, EpochId currentEpoch, JobFacts facts);

    /** Makes one {@link AtxCheck} per worker. */
    @FunctionalInterface
    interface Factory {
        AtxCheck create();
    }
}
