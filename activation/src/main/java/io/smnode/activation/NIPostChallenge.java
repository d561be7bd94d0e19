package io.smnode.activation;

import io.smnode.core.types.EpochId;
import io.smnode.core.types.Hash32;

/** A challenge an identity registers at a PoET, of either ATX version: the builder only needs these three. */
public interface NIPostChallenge {
    EpochId publishEpoch();

    /** The leaf registered at the PoET: {@code BLAKE3(0x00 || SCALE(challenge))}. */
    Hash32 hash();

    /** Whether it is an identity's first challenge (which carries the initial PoST). */
    boolean isInitial();
}
