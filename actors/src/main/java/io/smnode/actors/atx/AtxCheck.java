package io.smnode.actors.atx;

import io.smnode.activation.AtxStore;
import io.smnode.activation.AtxValidation;
import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import java.util.Optional;

/**
 * Validation of received ATX bytes: in a node, an {@code AtxValidator}. One instance per validation worker, used
 * from that worker's thread only, so a non-thread-safe validator (its PoST verifier holds a RandomX VM) is fine.
 */
@FunctionalInterface
public interface AtxCheck {
    AtxValidation validate(byte[] bytes, Optional<Hash32> expectedId, EpochId currentEpoch, AtxStore store);

    /** Makes one {@link AtxCheck} per worker. */
    @FunctionalInterface
    interface Factory {
        AtxCheck create();
    }
}
