package io.smnode.actors.atx;

import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;
import io.smnode.activation.AtxStore;
import io.smnode.activation.AtxValidation;
import java.util.Optional;

/**
 * Validation of received ATX bytes: in a node, {@code AtxValidator::validate}. Used from the validation worker's
 * thread only, so a non-thread-safe validator is fine.
 */
@FunctionalInterface
public interface AtxCheck {
    AtxValidation validate(byte[] bytes, Optional<Hash32> expectedId, EpochId currentEpoch, AtxStore store);
}
